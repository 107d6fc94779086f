#!/usr/bin/env node
/**
 * `npm run bench:conflicts [-- --statements N] [--runs R] [--variants DIR]`:
 * "conflicts for a source" (cypher/conflicts-page, anchored on the source) on
 * one synthetic graph (src/graph/synthetic.ts, default 100k statements),
 * before and now: the query as it was before the per-claim facts were kept
 * on write (test/fixtures/cypher/conflicts-page-before.cypher) and as it is,
 * run alternately on the same store so that the machine's load weighs on both
 * alike. At the most prolific source (the wire outlet: the hub) and at 40
 * sources picked at random. Each `.cypher` file of `--variants` is measured
 * beside them (to profile a part of the query by leaving it out); the first
 * page of every variant is compared with the one before, and a difference
 * is reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { GrafeoDB } from '@grafeo-db/js';
import { importBundle } from '../graph/import';
import { mulberry32, syntheticBundle } from '../graph/synthetic';
import { projectRoot } from '../paths';
import { EmbeddedStore } from '../store/embedded-store';
import type { GraphStore, Params } from '../store/port';
import { loadQueries, type QueryTable } from '../store/queries';
import { parseArgs } from './args';
import { formatCount } from './format';

/** The query before the per-claim facts were kept on write; also what test/api/conflicts-equivalence compares with. */
const CONFLICTS_BEFORE = join(projectRoot(), 'test/fixtures/cypher/conflicts-page-before.cypher');

/** The query table with `text` as conflicts-page. */
function withConflicts(table: QueryTable, text: string): QueryTable {
  return { ...table, 'conflicts-page': { ...table['conflicts-page'], text, lines: undefined } };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p99 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.99 * s.length))] ?? NaN;
};

async function main(): Promise<void> {
  const args = parseArgs('bench:conflicts', process.argv.slice(2), { values: ['statements', 'runs', 'variants', 'sources'] });
  const statements = Number(args.values.get('statements') ?? 100_000);
  const runs = Number(args.values.get('runs') ?? 7);
  const randomCount = Number(args.values.get('sources') ?? 40);
  if (!Number.isInteger(statements) || statements < 100) throw new Error(`--statements must be an integer of at least 100, got ${args.values.get('statements')}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${args.values.get('runs')}`);
  if (!Number.isInteger(randomCount) || randomCount < 1) throw new Error(`--sources must be a positive integer, got ${args.values.get('sources')}`);
  console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}; load average ${loadavg()[0]?.toFixed(1)}; Node ${process.version}`);

  const table = loadQueries();
  const variants: [string, QueryTable][] = [
    ['before', withConflicts(table, readFileSync(CONFLICTS_BEFORE, 'utf8'))],
    ['now', table],
  ];
  const dir = args.values.get('variants');
  if (dir !== undefined) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort()) variants.push([f.slice(0, -'.cypher'.length), withConflicts(table, readFileSync(join(dir, f), 'utf8'))]);
  }

  const bundle = syntheticBundle({ statements, seed: 1 });
  const db = GrafeoDB.create();
  const stores: [string, GraphStore][] = variants.map(([name, t]) => [name, EmbeddedStore.over(db, t)]);
  const store = stores[1]![1];
  await store.applySchema();
  const began = performance.now();
  await importBundle(store, bundle, { editor: 'bench' });
  console.log(`Graph: ${formatCount(statements)} statements, ${formatCount(bundle.claims.length)} claims, ${formatCount(bundle.sources.length)} sources (imported in ${((performance.now() - began) / 1000).toFixed(1)} s)`);

  const bySource = new Map<string, number>();
  for (const s of bundle.statements) bySource.set(s.source, (bySource.get(s.source) ?? 0) + 1);
  const [hub, hubCount] = [...bySource].reduce((best, e) => (e[1] > best[1] ? e : best), ['', 0]);
  const random = mulberry32(7);
  const speakers = [...bySource.keys()].sort();
  const picked = Array.from({ length: randomCount }, () => speakers[Math.floor(random() * speakers.length)]!);
  const params = (sourceId: string): Params => ({ claimId: null, sourceId, afterClaim: null, afterOpposing: null, afterStatement: null, limit: 21 });

  // Same first page and total as before, for every source measured.
  const answer = async (on: GraphStore, id: string) => JSON.stringify(await on.read('conflicts-page', params(id)));
  for (const [name, on] of stores.slice(1)) {
    let differ = 0;
    for (const id of [hub, ...picked]) if ((await answer(on, id)) !== (await answer(stores[0]![1], id))) differ++;
    console.log(`${name}: ${differ === 0 ? 'the same first page and total as before' : `DIFFERS from before for ${differ} of ${picked.length + 1} sources`}`);
  }

  const hubTimes = stores.map((): number[] => []);
  const randomTimes = stores.map((): number[] => []);
  for (let r = 0; r <= runs; r++) {
    for (const [k, [, on]] of stores.entries()) {
      let start = performance.now();
      await on.read('conflicts-page', params(hub));
      if (r > 0) hubTimes[k]!.push(performance.now() - start);
      for (const id of picked) {
        start = performance.now();
        await on.read('conflicts-page', params(id));
        if (r > 0) randomTimes[k]!.push(performance.now() - start);
      }
    }
  }
  console.log(`\nConflicts for a source, ${runs} alternating runs after 1 warm-up (load average now ${loadavg()[0]?.toFixed(1)}); milliseconds`);
  console.log(`| variant | hub (${formatCount(hubCount)} statements): median | before / it | ${randomCount} random sources: median | p99 | before / it (medians) |`);
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [k, [name]] of stores.entries()) {
    const hubMedian = median(hubTimes[k]!);
    const randomMedian = median(randomTimes[k]!);
    console.log(`| ${name} | ${hubMedian.toFixed(1)} | ${(median(hubTimes[0]!) / hubMedian).toFixed(2)} | ${randomMedian.toFixed(2)} | ${p99(randomTimes[k]!).toFixed(2)} | ${(median(randomTimes[0]!) / randomMedian).toFixed(2)} |`);
  }
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
