import { home, search } from '../api';
import { plural, sourceNature } from '../format';
import { href } from '../router';
import { GradeBadge, Loaded, ReliabilityBadge, StatusBadge, useAsync, useTitle } from '../ui';

export function HomePage() {
  const lists = useAsync(home, []);
  useTitle(undefined);
  return (
    <div class="page" data-page="home" data-ready={lists.data !== undefined ? 'true' : undefined}>
      <h1>claimgraph explorer</h1>
      <p class="lede">
        Who said what, whose accounts conflict, and why a claim is graded as it is. Search for a claim, a source, an entity or a document by any name or spelling,
        then follow the links.
      </p>
      <Loaded state={lists} what="questions and documents">
        {(l) => (
          <div class="columns">
            <section aria-labelledby="home-questions">
              <h2 id="home-questions">Questions</h2>
              {l.questions.totalCount === 0 ? (
                <p>No question yet.</p>
              ) : (
                <ul>
                  {l.questions.nodes.map((q) => (
                    <li key={q.recordId}>
                      <a href={href({ page: 'question', id: q.recordId })}>{q.text}</a>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="home-documents">
              <h2 id="home-documents">Documents</h2>
              <ul>
                {l.documents.nodes.map((d) => (
                  <li key={d.recordId}>
                    <a href={href({ page: 'document', id: d.recordId })}>{d.title}</a>
                    {d.publishedAt !== null && ` (${d.publishedAt})`}
                  </li>
                ))}
              </ul>
              {l.documents.totalCount > l.documents.nodes.length && <p>Search to find the other {l.documents.totalCount - l.documents.nodes.length}.</p>}
            </section>
            <section aria-labelledby="home-editors">
              <h2 id="home-editors">For editors</h2>
              <ul>
                <li>
                  <a href={href({ page: 'duplicates' })}>Possible duplicates</a> to confirm or reject
                </li>
                <li>
                  <a href={href({ page: 'key' })}>Your editor key</a>
                </li>
                <li>
                  <a href="/console">The GraphQL query console</a> (when the server has it on)
                </li>
              </ul>
            </section>
          </div>
        )}
      </Loaded>
    </div>
  );
}

export function SearchPage({ q }: { q: string }) {
  const results = useAsync(() => (q.trim() === '' ? Promise.resolve(null) : search(q)), [q]);
  useTitle(`Search: ${q}`);
  return (
    <div class="page" data-page="search" data-ready={results.data !== undefined ? 'true' : undefined}>
      <h1>Search: “{q}”</h1>
      <Loaded state={results} what="the results">
        {(r) =>
          r === null ? (
            <p>Type words in the search box: a name in any spelling, words of a claim or of a title.</p>
          ) : r.claims.totalCount + r.sources.totalCount + r.entities.totalCount + r.documents.totalCount === 0 ? (
            <p>Nothing matches “{q}”.</p>
          ) : (
            <>
              <p>Best matches first, in each kind.</p>
              <section aria-labelledby="r-claims">
                <h2 id="r-claims">Claims ({r.claims.totalCount})</h2>
                {r.claims.totalCount === 0 && <p class="muted">No match.</p>}
                <ol class="results">
                  {r.claims.edges.map(({ node: c }) => (
                    <li key={c.recordId}>
                      <span class="kind-label">Claim</span> <a href={href({ page: 'claim', id: c.recordId, statement: null })}>{c.text}</a>{' '}
                      <StatusBadge status={c.status} /> <GradeBadge grade={c.credibility.grade} label={c.credibility.label} />
                    </li>
                  ))}
                </ol>
              </section>
              <section aria-labelledby="r-sources">
                <h2 id="r-sources">Sources ({r.sources.totalCount})</h2>
                {r.sources.totalCount === 0 && <p class="muted">No match.</p>}
                <ol class="results">
                  {r.sources.edges.map(({ node: s }) => (
                    <li key={s.recordId}>
                      <span class="kind-label">Source</span> <a href={href({ page: 'source', id: s.recordId })}>{s.name}</a> <span class="nature">({sourceNature(s)})</span>{' '}
                      <ReliabilityBadge grade={s.reliability.grade} />
                    </li>
                  ))}
                </ol>
              </section>
              <section aria-labelledby="r-entities">
                <h2 id="r-entities">Entities ({r.entities.totalCount})</h2>
                {r.entities.totalCount === 0 && <p class="muted">No match.</p>}
                <ol class="results">
                  {r.entities.edges.map(({ node: e }) => (
                    <li key={e.recordId}>
                      <span class="kind-label">Entity</span> <a href={href({ page: 'entity', id: e.recordId })}>{e.name}</a>
                      {e.aliases.length > 0 && <span class="muted"> also {e.aliases.join(', ')}</span>}
                      {e.description !== null && <span class="muted"> · {e.description}</span>}
                    </li>
                  ))}
                </ol>
              </section>
              <section aria-labelledby="r-documents">
                <h2 id="r-documents">Documents ({r.documents.totalCount})</h2>
                {r.documents.totalCount === 0 && <p class="muted">No match.</p>}
                <ol class="results">
                  {r.documents.edges.map(({ node: d }) => (
                    <li key={d.recordId}>
                      <span class="kind-label">Document</span> <a href={href({ page: 'document', id: d.recordId })}>{d.title}</a>
                      <span class="muted">
                        {d.publisher !== null && ` · published by ${d.publisher.name}`}
                        {d.publishedAt !== null && ` · ${d.publishedAt}`}
                      </span>
                    </li>
                  ))}
                </ol>
              </section>
              {[r.claims, r.sources, r.entities, r.documents].some((x) => x.totalCount > x.edges.length) && (
                <p>Only the best {plural(20, 'match', 'matches')} of each kind are shown: add words to narrow the search.</p>
              )}
            </>
          )
        }
      </Loaded>
    </div>
  );
}
