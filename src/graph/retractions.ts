/**
 * The one rule on retracted printings that needs the graph: a printing in a
 * document the graph holds (not in the bundle) may be withdrawn only by that
 * document's stored publisher or by an intermediary in the appearance's
 * `via` (the validator checks documents in the bundle: src/graph/bundle.ts).
 * docs/MODEL.md, "Retracted printings".
 */
import type { QueryRunner } from '../store/port';
import { show } from '../errors';
import { recordPath, retractionChannels, type BundleProblem } from './bundle';
import { problem } from './bundle-common';
import type { Bundle } from './model';

/**
 * Problems with the retractions of printings in stored documents. `resolve`
 * gives the id a reference stands for (merged ids redirect).
 */
export async function storedRetractionProblems(
  tx: QueryRunner,
  b: Bundle,
  resolve: (kind: 'sources' | 'documents', id: string) => string,
): Promise<BundleProblem[]> {
  const inBundle = new Set(b.documents.map((d) => d.id));
  const asked: { i: number; j: number; document: string; by: string; via: string[] }[] = [];
  b.statements.forEach((s, i) =>
    s.appearances.forEach((a, j) => {
      if (a.retracted === undefined || inBundle.has(a.document)) return;
      const by = resolve('sources', a.retracted.by);
      const via = a.via.map((v) => resolve('sources', v.source));
      if (!via.includes(by)) asked.push({ i, j, document: resolve('documents', a.document), by, via });
    }),
  );
  if (asked.length === 0) return [];
  const rows = await tx.run('documents-by-ids', { ids: [...new Set(asked.map((x) => x.document))] });
  const publisher = new Map(rows.map((r) => {
    const d = r.document as { id: string; publisher: string | null };
    return [d.id, d.publisher] as const;
  }));
  const out: BundleProblem[] = [];
  for (const x of asked) {
    const p = publisher.get(x.document) ?? null;
    if (p === x.by) continue;
    const channels = [...(p === null ? [] : [p]), ...x.via];
    const { path, file } = recordPath(b, 'statements', x.i, `.appearances[${x.j}].retracted.by`);
    out.push(problem(path, retractionChannels(channels), show(x.by), (b.statements[x.i] as { id: string }).id, file));
  }
  return out;
}
