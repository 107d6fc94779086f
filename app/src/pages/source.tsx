import { useEffect, useState } from 'preact/hooks';
import { rateSource, sourceConflicts, sourceHead, sourceStatements, type Page, type Reliability, type SourceStatement } from '../api';
import { dateText, RELIABILITY, RELIABILITY_LABEL, sourceNature, SUPERSESSION_LABEL } from '../format';
import { href } from '../router';
import { ClaimLink, Conflicts, EditPanel, ErrorNote, Loaded, More, PositionTag, ReliabilityBadge, SourceName, StatusBadge, SubmitState, useAsync, useSubmit, useTitle, Words } from '../ui';

/** Earliest first; undated statements after the dated ones, as the timeline orders them. */
const byDate = (a: SourceStatement, b: SourceStatement) => (a.dated?.value ?? '\uffff').localeCompare(b.dated?.value ?? '\uffff') || a.recordId.localeCompare(b.recordId);

/** What the source said, by claim, each claim's statements in the order they were said (revisions show as superseded). */
function SaidByClaim({ id }: { id: string }) {
  const [pages, setPages] = useState<Page<SourceStatement>[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const load = async (after: string | null) => {
    setBusy(true);
    try {
      const page = await sourceStatements(id, after);
      setPages((old) => (after === null ? [page] : [...old, page]));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    setPages([]);
    void load(null);
  }, [id]);
  const last = pages[pages.length - 1];
  if (last === undefined) return error !== undefined ? <ErrorNote error={error} /> : <p role="status">Loading statements…</p>;
  const byClaim = new Map<string, SourceStatement[]>();
  for (const s of pages.flatMap((p) => p.nodes)) byClaim.set(s.claim.recordId, [...(byClaim.get(s.claim.recordId) ?? []), s]);
  return (
    <>
      {last.totalCount === 0 && <p>This source has said nothing in the graph: it may only publish or carry others’ words.</p>}
      <ul class="by-claim">
        {[...byClaim.values()].map((statements) => {
          const claim = statements[0]!.claim;
          return (
            <li key={claim.recordId}>
              <p class="claim-line">
                <ClaimLink claim={claim} /> <StatusBadge status={claim.status} />
              </p>
              <ol class="revisions" aria-label="Its statements on this claim, in the order they were said">
                {statements.sort(byDate).map((s) => (
                  <li key={s.recordId} class={s.current ? '' : 'superseded'}>
                    <PositionTag position={s.position} />
                    {s.hedge !== null && <> hedge “<em>{s.hedge}</em>”</>} · {dateText(s.dated, s.madeAt)}
                    {!s.current && <strong> · superseded{s.supersession !== null ? ` (${SUPERSESSION_LABEL[s.supersession] ?? s.supersession})` : ''}</strong>}
                    <br />
                    <Words quote={s.quote} paraphrase={s.paraphrase} />
                    {s.appearances.length > 0 && (
                      <span class="muted">
                        {' '}
                        — in{' '}
                        {s.appearances.map((a, i) => (
                          <span key={a.document.recordId}>
                            {i > 0 && ', '}
                            <a href={href({ page: 'document', id: a.document.recordId })}>{a.document.title}</a>
                          </span>
                        ))}
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ul>
      <ErrorNote error={error} />
      <More shown={pages.reduce((n, p) => n + p.nodes.length, 0)} total={last.totalCount} busy={busy} onMore={() => last.pageInfo.hasNextPage && void load(last.pageInfo.endCursor)} what="statements" />
    </>
  );
}

function RateForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [grade, setGrade] = useState<Reliability>('C');
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  return (
    <EditPanel title="Rate this source">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit.run(async () => {
            await rateSource(id, grade, reason);
            onDone();
            return `Rated ${grade}.`;
          });
        }}
      >
        <label for="rate-grade">Reliability</label>
        <select id="rate-grade" value={grade} onChange={(e) => setGrade(e.currentTarget.value as Reliability)}>
          {RELIABILITY.map((g) => (
            <option key={g} value={g}>
              {g}: {RELIABILITY_LABEL[g]}
            </option>
          ))}
        </select>
        <label for="rate-reason">Reason</label>
        <textarea id="rate-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <button type="submit" disabled={submit.busy}>
          Record the rating
        </button>
        <SubmitState state={submit} />
      </form>
    </EditPanel>
  );
}

export function SourcePage({ id }: { id: string }) {
  const head = useAsync(() => sourceHead(id), [id]);
  const conflicts = useAsync(() => sourceConflicts(id), [id]);
  useTitle(head.data?.name);
  return (
    <div class="page" data-page="source" data-ready={head.data !== undefined ? 'true' : undefined}>
      <Loaded state={head} what="the source">
        {(s) => (
          <>
            <p class="kind-label">Source · {sourceNature(s)}</p>
            <h1>{s.name}</h1>
            {s.description !== null && <p class="lede">{s.description}</p>}
            {s.aliases.length > 0 && <p class="meta">Also known as: {s.aliases.join(', ')}</p>}
            <section class="card" aria-labelledby="rel-h">
              <h2 id="rel-h">Reliability</h2>
              <p>
                <ReliabilityBadge grade={s.reliability.grade} /> {s.reliability.reason}
                {s.reliability.by !== null && (
                  <>
                    {' '}
                    ({s.reliability.by}, {s.reliability.at})
                  </>
                )}
              </p>
              {s.reliabilityHistory.length > 1 && (
                <>
                  <h3>History, newest first</h3>
                  <ol>
                    {s.reliabilityHistory.map((r, i) => (
                      <li key={i}>
                        {r.grade} ({r.label}) by {r.by}, {r.at}: {r.reason}
                      </li>
                    ))}
                  </ol>
                </>
              )}
              <RateForm id={id} onDone={head.reload} />
            </section>
            <section aria-labelledby="aff-h">
              <h2 id="aff-h">Affiliations</h2>
              <h3>Belongs to</h3>
              {s.affiliationRoles.length === 0 ? (
                <p>No affiliation recorded.</p>
              ) : (
                <ul>
                  {s.affiliationRoles.map((a) => (
                    <li key={a.source.recordId}>
                      <SourceName source={a.source} />
                      {a.role !== null && <span class="muted"> as {a.role}</span>}
                    </li>
                  ))}
                </ul>
              )}
              <h3>Members ({s.membersConnection.totalCount})</h3>
              {s.membersConnection.totalCount === 0 ? (
                <p>No member recorded.</p>
              ) : (
                <ul>
                  {s.membersConnection.nodes.map((a) => (
                    <li key={a.source.recordId}>
                      <SourceName source={a.source} />
                      {a.role !== null && <span class="muted"> ({a.role})</span>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="said-h">
              <h2 id="said-h">What it said, by claim</h2>
              <SaidByClaim id={id} />
            </section>
            <section aria-labelledby="sconf-h">
              <h2 id="sconf-h">Conflicts its account takes part in</h2>
              <Loaded state={conflicts} what="the conflicts">
                {(c) => <Conflicts conflicts={c} none="No conflict involves this source." />}
              </Loaded>
            </section>
          </>
        )}
      </Loaded>
    </div>
  );
}
