import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import {
  assessClaim,
  claimGrade,
  claimGradeAnswered,
  claimPage,
  claimPageAnswered,
  claimStatements,
  createClaim,
  linkClaims,
  type ClaimGrade,
  type ClaimLinkType,
  type Cluster,
  type Page,
  type Statement,
  type Verdict,
} from '../api';
import { dateText, LINK_TYPES, linkLabel, plural, POSITION_HEADING, POSITIONS, STATUS_MEANING, SUPERSESSION_LABEL, VERDICT_LABEL, VERDICT_RATING, VERDICTS } from '../format';
import { href } from '../router';
import {
  ClaimLink,
  Conflicts,
  EditPanel,
  ErrorNote,
  GradeBadge,
  Loaded,
  More,
  Picker,
  PositionTag,
  SourceName,
  StatusBadge,
  SubmitState,
  useAsync,
  useSubmit,
  useTitle,
  Words,
  type Picked,
} from '../ui';

/** The statements shown so far: the first page (from the claim's own request), then each page asked for. */
function useStatements(id: string, first: Page<Statement> | undefined) {
  const [more, setMore] = useState<Page<Statement>[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => setMore([]), [id, first]);
  const pages = first === undefined ? [] : [first, ...more];
  const last = pages[pages.length - 1];
  return {
    statements: pages.flatMap((p) => p.nodes),
    total: last?.totalCount,
    error,
    busy,
    more: async () => {
      if (!last?.pageInfo.hasNextPage) return;
      setBusy(true);
      try {
        const page = await claimStatements(id, last.pageInfo.endCursor);
        setMore((old) => [...old, page]);
        setError(undefined);
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
  };
}

function StatementItem({ statement: s, focus }: { statement: Statement; focus: boolean }) {
  return (
    <li id={`statement-${s.recordId}`} class={`statement${s.current ? '' : ' superseded'}${focus ? ' focused' : ''}`} tabIndex={focus ? -1 : undefined}>
      <p class="who">
        <SourceName source={s.source} /> <PositionTag position={s.position} />
        {s.hedge !== null && (
          <span class="hedge">
            {' '}
            hedge: “<em>{s.hedge}</em>”
          </span>
        )}
        <span class="date"> · {dateText(s.dated, s.madeAt)}</span>
      </p>
      <p class="words">
        <Words quote={s.quote} paraphrase={s.paraphrase} />
      </p>
      {!s.current && (
        <p class="superseded-note">
          <strong>Superseded</strong>
          {s.supersession !== null && `: ${SUPERSESSION_LABEL[s.supersession] ?? s.supersession}`}
          {s.supersededBy !== null && (
            <>
              {' '}
              (by {s.supersededBy.source.name}’s statement that {POSITION_HEADING[s.supersededBy.position].toLowerCase()}, {s.supersededBy.dated?.value ?? 'undated'})
            </>
          )}
          . Shown, not counted.
        </p>
      )}
      {s.derivedFrom !== null && (
        <p class="derived">
          Derived from a statement of <a href={href({ page: 'source', id: s.derivedFrom.source.recordId })}>{s.derivedFrom.source.name}</a>: counted in its cluster.
        </p>
      )}
      {s.appearances.length > 0 && (
        <ul class="appearances" aria-label="Printed in">
          {s.appearances.map((a) => (
            <li key={a.document.recordId}>
              Printed in <a href={href({ page: 'document', id: a.document.recordId })}>{a.document.title}</a>
              {a.document.publishedAt !== null && ` (${a.document.publishedAt})`}
              {a.via.length > 0 ? (
                <>
                  , carried by{' '}
                  {a.via.map((v, i) => (
                    <span key={`${v.source.recordId}:${i}`}>
                      {i > 0 && ', citing '}
                      <a href={href({ page: 'source', id: v.source.recordId })}>{v.source.name}</a>
                      {v.document !== null && (
                        <>
                          {' '}
                          in <a href={href({ page: 'document', id: v.document.recordId })}>{v.document.title}</a>
                        </>
                      )}
                    </span>
                  ))}
                </>
              ) : (
                ', first-hand'
              )}
              {(a.quote ?? a.paraphrase) !== null && (a.quote ?? a.paraphrase) !== (s.quote ?? s.paraphrase) && (
                <>
                  : <Words quote={a.quote} paraphrase={a.paraphrase} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Who said what, grouped by current position; superseded statements last, marked. */
function WhoSaidWhat({ st, focus }: { st: ReturnType<typeof useStatements>; focus: string | null }) {
  useEffect(() => {
    if (focus !== null) document.getElementById(`statement-${focus}`)?.focus();
  }, [focus, st.statements.length]);
  if (st.total === undefined) return st.error !== undefined ? <ErrorNote error={st.error} /> : <p role="status">Loading statements…</p>;
  const current = st.statements.filter((s) => s.current);
  const superseded = st.statements.filter((s) => !s.current);
  return (
    <>
      {st.total === 0 && <p>No statement on this claim yet.</p>}
      {POSITIONS.map((position) => {
        const group = current.filter((s) => s.position === position);
        if (group.length === 0) return null;
        return (
          <section key={position} class={`group pos-group-${position.toLowerCase()}`} aria-labelledby={`group-${position}`}>
            <h3 id={`group-${position}`}>
              {POSITION_HEADING[position]} <span class="count">({plural(group.length, 'statement')})</span>
            </h3>
            <ul class="statements">
              {group.map((s) => (
                <StatementItem key={s.recordId} statement={s} focus={s.recordId === focus} />
              ))}
            </ul>
          </section>
        );
      })}
      {superseded.length > 0 && (
        <section class="group" aria-labelledby="group-superseded">
          <h3 id="group-superseded">
            Superseded <span class="count">({plural(superseded.length, 'statement')}: kept, not counted)</span>
          </h3>
          <ul class="statements">
            {superseded.map((s) => (
              <StatementItem key={s.recordId} statement={s} focus={s.recordId === focus} />
            ))}
          </ul>
        </section>
      )}
      <ErrorNote error={st.error} />
      {st.total > 0 && <More shown={st.statements.length} total={st.total} busy={st.busy} onMore={() => void st.more()} what="statements" />}
    </>
  );
}

function ClusterList({ clusters, side }: { clusters: Cluster[]; side: string }) {
  if (clusters.length === 0) return <p>No source {side}.</p>;
  return (
    <ol class="clusters">
      {clusters.map((c, i) => (
        <li key={i}>
          {c.sources.map((s, j) => (
            <span key={s.recordId}>
              {j > 0 && ', '}
              <SourceName source={s} />
            </span>
          ))}
          {c.merges.length === 0 ? (
            <span class="muted"> (on its own)</span>
          ) : (
            <ul class="merges">
              {c.merges.map((m) => (
                <li key={m.explanation}>{m.explanation}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

function Grade({ claim }: { claim: ClaimGrade }) {
  const c = claim.corroboration;
  return (
    <>
      <p>
        <StatusBadge status={claim.status} /> {STATUS_MEANING[claim.status]}
      </p>
      <p>
        <GradeBadge grade={claim.credibility.grade} label={claim.credibility.label} />
      </p>
      <p class="rule">
        <span class="sr-label">Rule: </span>
        {claim.credibility.rule}
      </p>
      <h3>The facts behind the grade</h3>
      <ul>
        {claim.credibility.facts.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      <dl class="counts">
        <div>
          <dt>Asserting sources</dt>
          <dd>
            {c.assertingSources} ({c.independentSources} independent, {c.anonymousSources} anonymous{c.impliedSources > 0 ? `, ${c.impliedSources} through claims that imply it` : ''})
          </dd>
        </div>
        <div>
          <dt>Hedging</dt>
          <dd>{c.hedgingSources}</dd>
        </div>
        <div>
          <dt>Against</dt>
          <dd>
            {c.contradictedBy} ({c.opposingIndependentSources} independent; {c.denyingSources} denying)
          </dd>
        </div>
        <div>
          <dt>Doubting</dt>
          <dd>{c.doubtingSources}</dd>
        </div>
        <div>
          <dt>Withdrawn</dt>
          <dd>{c.withdrawnSources}</dd>
        </div>
      </dl>
    </>
  );
}

function AssessForm({ claimId, onDone }: { claimId: string; onDone: () => void }) {
  const [verdict, setVerdict] = useState<Verdict>('UNVERIFIABLE');
  const [rating, setRating] = useState(3);
  const [explanation, setExplanation] = useState('');
  const [url, setUrl] = useState('');
  const submit = useSubmit();
  return (
    <EditPanel title="Assess this claim">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit.run(async () => {
            await assessClaim({ claim: claimId, verdict, rating, explanation, url: url.trim() === '' ? null : url.trim() });
            onDone();
            return 'Assessment recorded.';
          });
        }}
      >
        <label for="assess-verdict">Verdict</label>
        <select
          id="assess-verdict"
          value={verdict}
          onChange={(e) => {
            const v = e.currentTarget.value as Verdict;
            setVerdict(v);
            setRating(VERDICT_RATING[v]);
          }}
        >
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABEL[v]}
            </option>
          ))}
        </select>
        <label for="assess-rating">Rating (1 false to 5 true)</label>
        <input id="assess-rating" type="number" min={1} max={5} value={rating} onInput={(e) => setRating(Number(e.currentTarget.value))} />
        <label for="assess-explanation">Explanation</label>
        <textarea id="assess-explanation" value={explanation} onInput={(e) => setExplanation(e.currentTarget.value)} />
        <label for="assess-url">Published at (optional URL)</label>
        <input id="assess-url" type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <button type="submit" disabled={submit.busy}>
          Record the assessment
        </button>
        <SubmitState state={submit} />
      </form>
    </EditPanel>
  );
}

function LinkForm({ claimId, onDone }: { claimId: string; onDone: () => void }) {
  const [type, setType] = useState<ClaimLinkType>('SUPPORTS');
  const [outgoing, setOutgoing] = useState(true);
  const [other, setOther] = useState<Picked>(null);
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  return (
    <EditPanel title="Link to another claim">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit.run(async () => {
            if (other === null) throw new Error('Pick the other claim first.');
            const otherId = 'created' in other ? (await createClaim(other.created)).recordId : other.id;
            await linkClaims(type, outgoing ? claimId : otherId, outgoing ? otherId : claimId, reason);
            onDone();
            return 'Claims linked.';
          });
        }}
      >
        <label for="link-type">Link</label>
        <select id="link-type" value={type} onChange={(e) => setType(e.currentTarget.value as ClaimLinkType)}>
          {LINK_TYPES.map((t) => (
            <option key={t} value={t}>
              {t.toLowerCase()}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>Direction</legend>
          <label class="choice">
            <input type="radio" name="link-dir" checked={outgoing} onChange={() => setOutgoing(true)} /> from this claim to the other
          </label>
          <label class="choice">
            <input type="radio" name="link-dir" checked={!outgoing} onChange={() => setOutgoing(false)} /> from the other claim to this one
          </label>
        </fieldset>
        <Picker kind="claim" label="The other claim" allowNew onPick={setOther} />
        <label for="link-reason">Reason</label>
        <textarea id="link-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <button type="submit" disabled={submit.busy}>
          Link the claims
        </button>
        <SubmitState state={submit} />
      </form>
    </EditPanel>
  );
}

export function ClaimPage({ id, statement }: { id: string; statement: string | null }) {
  // On a shared link, index.html's boot script may have both answers in before the app first renders.
  const page = useAsync(() => claimPage(id), [id], () => claimPageAnswered(id));
  const grade = useAsync(() => claimGrade(id), [id], () => claimGradeAnswered(id));
  const st = useStatements(id, page.data?.statements);
  const reload = () => {
    page.reload();
    grade.reload();
  };
  useTitle(page.data?.head.text);
  // Ready: the claim and the first page of who said what are shown (the grade of a claim stated
  // thousands of times takes the API longer, and comes in on its own). Complete: all of the page.
  const ready = page.data !== undefined;
  const complete = ready && grade.data !== undefined;
  // On the page's timeline (read by `npm run bench:app`): the whole claim is in the document, before it is painted.
  useLayoutEffect(() => {
    if (complete) performance.mark('claimgraph:claim-complete', { detail: id });
  }, [complete, id]);
  return (
    <div class="page" data-page="claim" data-ready={ready ? 'true' : undefined} data-complete={complete ? 'true' : undefined}>
      <Loaded state={page} what="the claim">
        {({ head: claim, conflicts, links }) => (
          <>
            <p class="kind-label">Claim</p>
            <h1>{claim.text}</h1>
            <p class="meta">
              {claim.about.length > 0 && (
                <>
                  About:{' '}
                  {claim.about.map((e, i) => (
                    <span key={e.recordId}>
                      {i > 0 && ', '}
                      <a href={href({ page: 'entity', id: e.recordId })}>{e.name}</a>
                    </span>
                  ))}
                  {' · '}
                </>
              )}
              <a href={href({ page: 'graph', id })}>Provenance graph</a>
              {claim.questions.map((q) => (
                <span key={q.recordId}>
                  {' · '}Question: <a href={href({ page: 'question', id: q.recordId })}>{q.text}</a>
                </span>
              ))}
            </p>
            <section class="card grade-card" aria-labelledby="grade-h">
              <h2 id="grade-h">Status and credibility</h2>
              <Loaded state={grade} what="the grade, computed from every current position">
                {(g) => <Grade claim={g} />}
              </Loaded>
            </section>
            <section aria-labelledby="who-h">
              <h2 id="who-h">Who said what</h2>
              <WhoSaidWhat st={st} focus={statement} />
              {grade.data !== undefined && grade.data.corroboration.implied.length > 0 && (
                <>
                  <h3>Asserting through a claim that implies this one</h3>
                  <ul>
                    {grade.data.corroboration.implied.map((i) => (
                      <li key={i.source.recordId}>
                        <SourceName source={i.source} /> asserts{' '}
                        {i.through.map((t, j) => (
                          <span key={t.recordId}>
                            {j > 0 && ' and '}“<ClaimLink claim={t} />”
                          </span>
                        ))}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
            <section class="below-fold" aria-labelledby="clusters-h">
              <h2 id="clusters-h">Independence</h2>
              <Loaded state={grade} what="the independent clusters">
                {(g) => (
                  <>
                    <h3>For: {plural(g.corroboration.clusters.length, 'independent cluster')}</h3>
                    <ClusterList clusters={g.corroboration.clusters} side="asserts it" />
                    <h3>Against: {plural(g.corroboration.opposingClusters.length, 'independent cluster')}</h3>
                    <ClusterList clusters={g.corroboration.opposingClusters} side="is against it" />
                  </>
                )}
              </Loaded>
            </section>
            <section class="below-fold" aria-labelledby="conflicts-h">
              <h2 id="conflicts-h">Conflicts</h2>
              <Conflicts conflicts={conflicts} none="No conflict on this claim." />
            </section>
            <section class="below-fold" aria-labelledby="links-h">
              <h2 id="links-h">Linked claims</h2>
              {links.totalCount === 0 ? (
                <p>No linked claim.</p>
              ) : (
                <ul class="links">
                  {links.nodes.map((l) => (
                    <li key={`${l.type}:${l.outgoing}:${l.claim.recordId}`}>
                      <span class="tag kind">{linkLabel(l.type, l.outgoing)}</span> <ClaimLink claim={l.claim} /> <StatusBadge status={l.claim.status} />
                      <span class="why">
                        {' '}
                        Linked by {l.linkedBy}: {l.reason}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <LinkForm claimId={id} onDone={reload} />
            </section>
            <section class="below-fold" aria-labelledby="assess-h">
              <h2 id="assess-h">Editors’ assessments</h2>
              {claim.assessments.length === 0 ? (
                <p>No editor has assessed this claim, so it exports no ClaimReview.</p>
              ) : (
                <>
                  <ul>
                    {claim.assessments.map((a) => (
                      <li key={a.recordId}>
                        <strong>{a.alternateName}</strong> (rating {a.rating} of 5) by {a.by}, {a.at}: {a.explanation}
                        {a.url !== null && <> ({a.url})</>}
                      </li>
                    ))}
                  </ul>
                  <details>
                    <summary>The ClaimReview it exports (schema.org, JSON-LD)</summary>
                    <pre class="json">{JSON.stringify(claim.claimReview, null, 2)}</pre>
                  </details>
                </>
              )}
              <AssessForm claimId={id} onDone={reload} />
            </section>
          </>
        )}
      </Loaded>
    </div>
  );
}
