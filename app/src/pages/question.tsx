import { question, type AchCellValue, type Question } from '../api';
import { POSITION_LABEL } from '../format';
import { href } from '../router';
import { ClaimLink, Loaded, SourceName, useAsync, useTitle, Words } from '../ui';

/** Each value with a sign and a word, so that the colour is never the only cue. */
const CELL: Readonly<Record<AchCellValue, { sign: string; word: string }>> = {
  CONSISTENT: { sign: '✓', word: 'consistent' },
  INCONSISTENT: { sign: '✗', word: 'inconsistent' },
  NEUTRAL: { sign: '–', word: 'neutral' },
};

const RELATION: Readonly<Record<string, string>> = {
  SAME: 'on it',
  CONTRADICTS: 'contradicts it',
  IMPLIES: 'implies it',
  IMPLIED_BY: 'implied by it',
  SUPPORTS: 'supports',
  UNLINKED: 'unlinked',
};

function Evidence({ item }: { item: Question['matrix']['evidence'][number] }) {
  if (item.statement !== null) {
    const s = item.statement;
    return (
      <>
        <SourceName source={s.source} /> {POSITION_LABEL[s.position]}
        {s.hedge !== null && <> (“{s.hedge}”)</>}: <Words quote={s.quote} paraphrase={s.paraphrase} />
        {item.copies.length > 0 && <span class="muted"> (and {item.copies.length} copies of the same remark)</span>}
      </>
    );
  }
  return item.claim === null ? null : (
    <>
      Claim: <ClaimLink claim={item.claim} />
    </>
  );
}

function Matrix({ q }: { q: Question }) {
  // Cells come in hypothesis claim id order; the columns follow the ranking.
  const columns = q.matrix.hypotheses;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="matrix-caption">
      <table class="ach">
        <caption id="matrix-caption">
          The matrix: each item of evidence against each hypothesis. ✓ consistent, ✗ inconsistent, – neutral; ✎ marks an editor’s override (the derived value follows it).
        </caption>
        <thead>
          <tr>
            <th scope="col">Evidence</th>
            {columns.map((h) => (
              <th scope="col" key={h.claim.recordId}>
                <span class="rank">Rank {h.rank}</span> <ClaimLink claim={h.claim} />
              </th>
            ))}
            <th scope="col">Tells them apart</th>
          </tr>
        </thead>
        <tbody>
          {q.matrix.evidence.map((item) => (
            <tr key={item.statement?.recordId ?? item.claim?.recordId}>
              <th scope="row" class="evidence">
                <Evidence item={item} />
              </th>
              {columns.map((h) => {
                const cell = item.cells.find((c) => c.hypothesis.recordId === h.claim.recordId);
                if (cell === undefined) return <td key={h.claim.recordId} />;
                const shown = CELL[cell.cell];
                return (
                  <td key={h.claim.recordId} class={`cell cell-${cell.cell.toLowerCase()}${cell.override !== null ? ' overridden' : ''}`}>
                    <span aria-hidden="true" class="sign">
                      {shown.sign}
                    </span>{' '}
                    {shown.word}
                    <span class="relation"> ({RELATION[cell.relation] ?? cell.relation})</span>
                    {cell.override !== null && (
                      <span class="override" title={cell.override.reason}>
                        {' '}
                        ✎ override by {cell.override.by} (derived: {CELL[cell.derivedCell].word}): {cell.override.reason}
                      </span>
                    )}
                  </td>
                );
              })}
              <td>{item.diagnostic ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Inconsistent cells (lower is better)</th>
            {columns.map((h) => (
              <td key={h.claim.recordId}>
                {h.inconsistency} inconsistent, {h.consistency} consistent
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function QuestionPage({ id }: { id: string }) {
  const q = useAsync(() => question(id), [id]);
  useTitle(q.data?.text);
  return (
    <div class="page" data-page="question" data-ready={q.data !== undefined ? 'true' : undefined}>
      <Loaded state={q} what="the question">
        {(data) => (
          <>
            <p class="kind-label">Question (analysis of competing hypotheses)</p>
            <h1>{data.text}</h1>
            <section aria-labelledby="ranked-h">
              <h2 id="ranked-h">Hypotheses, the least contradicted first</h2>
              <ol class="ranked">
                {data.matrix.hypotheses.map((h) => (
                  <li key={h.claim.recordId}>
                    <strong>Rank {h.rank}</strong>: <a href={href({ page: 'claim', id: h.claim.recordId, statement: null })}>{h.claim.text}</a> — {h.inconsistency} inconsistent,{' '}
                    {h.consistency} consistent
                  </li>
                ))}
              </ol>
            </section>
            <section aria-labelledby="matrix-h">
              <h2 id="matrix-h">Evidence × hypotheses</h2>
              <Matrix q={data} />
            </section>
          </>
        )}
      </Loaded>
    </div>
  );
}
