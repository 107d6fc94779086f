/**
 * The search half of `npm run bench:pages -- --statements N`: `claims(search:)`
 * on a synthetic newsroom of N statements (src/graph/synthetic.ts) on the
 * embedded engine, two ways, interleaved in one process so that a loaded
 * machine weighs on both alike:
 * - before: the scan claimgraph ran until the full-text indexes (every
 *   Claim, Entity, Statement and Source read for its search words, now
 *   from its search text), the text below, with the same fragments;
 * - now: the candidates from each label's BM25 index (src/graph/search.ts),
 *   then cypher/claims-search.cypher over them, as the API runs it.
 * Each first page is compared both ways: the same rows, or at least the same
 * scores (the candidates are the index's most relevant, so among rows of
 * equal score another may come first), so the speed is not bought with
 * worse answers.
 */
import { performance } from 'node:perf_hooks';
import { importBundle } from '../graph/import';
import { searchTerms } from '../graph/names';
import { searchCandidates } from '../graph/search';
import { mulberry32, syntheticBundle } from '../graph/synthetic';
import { GrafeoDB } from '@grafeo-db/js';
import { EmbeddedStore } from '../store/embedded-store';
import { rowFromEmbedded } from '../store/embedded-values';
import type { Row } from '../store/port';
import { expandIncludes, loadQueries } from '../store/queries';

/** claims-search.cypher as it was before the full-text indexes: a pass over each label (each node's words read from its search text, as now). */
const BEFORE = `CALL () {
  MATCH (n:Claim)
  // @include search-hit
  RETURN n AS x, n, 3.0 AS weight, 0.0 AS bonus
  UNION
  MATCH (n:Entity)
  // @include search-hit
  MATCH (n)<-[:ABOUT]-(x:Claim)
  RETURN x, n, 2.0 AS weight, 0.0 AS bonus
  UNION
  MATCH (n:Statement)
  // @include search-hit
  MATCH (n)-[:ON]->(x:Claim)
  RETURN x, n, 1.0 AS weight, 0.0 AS bonus
  UNION
  MATCH (n:Source)
  // @include search-hit
  MATCH (n)-[:MADE]->(:Statement)-[:ON]->(x:Claim)
  RETURN DISTINCT x, n, 1.0 AS weight, 0.0 AS bonus
}
// @include search-ranking
RETURN total, page`;

interface Figures {
  median: number;
  p99: number;
}
const figures = (times: number[]): Figures => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p99: at(0.99) };
};

/** Runs the comparison and prints it as a markdown table. */
export async function benchSearch(statements: number, runs: number, seed = 1): Promise<void> {
  const bundle = syntheticBundle({ statements, seed });
  // The engine kept at hand, to run the "before" text, which is no named query, as the API ran it: one read, no transaction.
  const db = GrafeoDB.create();
  const store = EmbeddedStore.over(db, loadQueries());
  try {
    await store.applySchema();
    let start = performance.now();
    await importBundle(store, bundle, { editor: 'bench' });
    console.log(`\n${statements} statements imported in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    // The bench's search words (src/cli/bench.ts): the first word of 5 letters or more of random claims, and a name.
    const rand = mulberry32(seed ^ 0x5eed);
    const words = Array.from({ length: 20 }, () => {
      const claim = bundle.claims[Math.floor(rand() * bundle.claims.length)]!;
      return claim.text.split(/\s+/).filter((w) => /^[a-z]{5,}$/.test(w))[0] ?? 'report';
    });
    const names = Array.from({ length: 5 }, () => bundle.sources[Math.floor(rand() * bundle.sources.length)]!.name);
    const before = expandIncludes('bench-search', BEFORE).text;
    const page = (search: string) => {
      const terms = searchTerms(search);
      return { words: terms.words, skeletons: terms.skeletons, terms: [...terms.words, ...terms.skeletons].filter((t) => t !== ''), afterScore: null, afterId: null, limit: 21 };
    };
    const now = async (search: string): Promise<Row[]> => {
      const terms = searchTerms(search);
      return store.read('claims-search', { ...(await searchCandidates(store, 'claims-search', terms)), ...page(search) });
    };
    const scan = async (search: string): Promise<Row[]> => (await db.executeCypher(before, page(search))).toArray().map(rowFromEmbedded);
    console.log(`claims(search:), first page of 20; ${runs} interleaved runs over ${words.length} claim words and ${names.length} source names; milliseconds`);
    console.log('| search | before: scan, median | p99 | now: full-text index, median | p99 | median ratio | same first page | same first-page scores | totalCount before → now (median) |');
    console.log('|---|---:|---:|---:|---:|---:|---|---|---|');
    for (const [label, targets] of [['a claim word', words], ['a source name', names]] as const) {
      const times: [number[], number[]] = [[], []];
      let same = 0;
      let sameScores = 0;
      let compared = 0;
      const totals: [number[], number[]] = [[], []];
      // A target the scan could not answer (the engine's 30 s limit) is not asked of it again.
      const failedBefore = new Set<string>();
      for (let r = 0; r < runs; r++) {
        const search = targets[r % targets.length]!;
        let a: Row[] | null = null;
        if (!failedBefore.has(search)) {
          start = performance.now();
          try {
            a = await scan(search);
            times[0].push(performance.now() - start);
          } catch (error) {
            failedBefore.add(search);
            console.log(`before: ${JSON.stringify(search)} failed after ${((performance.now() - start) / 1000).toFixed(1)} s: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          }
        }
        start = performance.now();
        const b = await now(search);
        times[1].push(performance.now() - start);
        totals[1].push(Number(b[0]?.total ?? 0));
        if (a === null) continue;
        const ids = (rows: Row[]) => JSON.stringify(((rows[0]?.page as { id?: string; claim?: { id: string } }[] | undefined) ?? []).map((p) => p.id ?? p.claim?.id));
        if (ids(a) === ids(b)) same++;
        const scores = (rows: Row[]) => JSON.stringify(((rows[0]?.page as { score?: number }[] | undefined) ?? []).map((p) => Math.round(Number(p.score) * 1e6)));
        if (scores(a) === scores(b)) sameScores++;
        compared++;
        totals[0].push(Number(a[0]?.total ?? 0));
      }
      const [x, y] = [figures(times[0]), figures(times[1])];
      console.log(`| ${label} | ${x.median.toFixed(1)} | ${x.p99.toFixed(1)} | ${y.median.toFixed(1)} | ${y.p99.toFixed(1)} | ${(x.median / y.median).toFixed(1)}× | ${same}/${compared} | ${sameScores}/${compared} | ${figures(totals[0]).median} → ${figures(totals[1]).median} |${failedBefore.size > 0 ? ` before failed for ${failedBefore.size} of ${targets.length} targets (above) |` : ''}`);
    }
  } finally {
    await store.close();
  }
}
