import { useEffect, useState } from 'preact/hooks';
import { entityHead, entityTimeline, type Page, type TimelineEntry } from '../api';
import { href } from '../router';
import { ClaimLink, ErrorNote, GradeBadge, Loaded, More, PositionTag, SourceName, StatusBadge, useAsync, useTitle, Words } from '../ui';

const DATE_SOURCE: Readonly<Record<TimelineEntry['dateSource'], string>> = {
  SAID: 'said',
  PUBLISHED: 'printed by',
  BEFORE_REVISION: 'Undated, said before the statement that revises it',
  UNKNOWN: 'Undated',
};

/** Every statement on the entity's claims in the order it was said, a page at a time. */
function Timeline({ id }: { id: string }) {
  const [pages, setPages] = useState<Page<TimelineEntry>[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const load = async (after: string | null) => {
    setBusy(true);
    try {
      const page = await entityTimeline(id, after);
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
  if (last === undefined) return error !== undefined ? <ErrorNote error={error} /> : <p role="status">Loading the timeline…</p>;
  const entries = pages.flatMap((p) => p.nodes);
  return (
    <>
      <ol class="timeline">
        {entries.map((e) => (
          <li key={e.statement.id} class={e.statement.current ? '' : 'superseded'}>
            <p class="when">
              {e.date === null ? DATE_SOURCE[e.dateSource] : `${DATE_SOURCE[e.dateSource]} ${e.date}`}
              {e.dateText !== null && e.dateText !== e.date && ` (“${e.dateText}”)`}
              {!e.statement.current && <strong> · superseded</strong>}
            </p>
            <p>
              <SourceName source={e.statement.source} /> <PositionTag position={e.statement.position} />{' '}
              {e.statement.hedge !== null && <>(“{e.statement.hedge}”) </>}
              <ClaimLink claim={e.statement.claim} />
            </p>
            <p class="words">
              <Words quote={e.statement.quote} paraphrase={e.statement.paraphrase} />
            </p>
          </li>
        ))}
      </ol>
      <ErrorNote error={error} />
      <More shown={entries.length} total={last.totalCount} busy={busy} onMore={() => last.pageInfo.hasNextPage && void load(last.pageInfo.endCursor)} what="entries" />
    </>
  );
}

export function EntityPage({ id }: { id: string }) {
  const head = useAsync(() => entityHead(id), [id]);
  useTitle(head.data?.name);
  return (
    <div class="page" data-page="entity" data-ready={head.data !== undefined ? 'true' : undefined}>
      <Loaded state={head} what="the entity">
        {(e) => (
          <>
            <p class="kind-label">Entity</p>
            <h1>{e.name}</h1>
            {e.description !== null && <p class="lede">{e.description}</p>}
            {e.aliases.length > 0 && <p class="meta">Also spelled or called: {e.aliases.join(', ')}</p>}
            <section aria-labelledby="eclaims-h">
              <h2 id="eclaims-h">Claims about it ({e.claimsConnection.totalCount})</h2>
              <ul class="results">
                {e.claimsConnection.nodes.map((c) => (
                  <li key={c.id}>
                    <a href={href({ page: 'claim', id: c.id, statement: null })}>{c.text}</a> <StatusBadge status={c.status} />{' '}
                    <GradeBadge grade={c.credibility.grade} label={c.credibility.label} />
                  </li>
                ))}
              </ul>
              {e.claimsConnection.pageInfo.hasNextPage && <p>The first {e.claimsConnection.nodes.length} are shown: search to find the others.</p>}
            </section>
            <section aria-labelledby="timeline-h">
              <h2 id="timeline-h">Timeline</h2>
              <p>Every statement on these claims, in the order it was said (by its own date, else by the first document that printed it).</p>
              <Timeline id={id} />
            </section>
          </>
        )}
      </Loaded>
    </div>
  );
}
