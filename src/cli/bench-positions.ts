#!/usr/bin/env node
/**
 * `npm run bench:positions [-- --statements N] [--seed S] [--rounds R]`: what
 * reading retracted printings costs the position refresh (src/graph/refresh.ts,
 * docs/MODEL.md "Retracted printings"). A synthetic bundle of N statements
 * (default 10000) is imported into two in-memory stores; then, in one run,
 * `position-inputs` is read for every claim, 2,000 claims per query as the
 * refresh reads them, R times (default 7) in each store, alternately: in one
 * with the query as it is, in the other with its retraction columns taken
 * out (the columns `position-inputs` read before retractions existed). Prints the medians and their ratio, wall and CPU time.
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { importBundle } from '../graph/import';
import { syntheticBundle } from '../graph/synthetic';
import { openStore } from '../store/open';
import { loadQueries, type QueryTable } from '../store/queries';
import type { GraphStore } from '../store/port';
import { parseArgs, UsageError } from './args';
import { formatBytes, formatCount } from './format';

/** Claims per position-inputs query, as refresh.ts reads them. */
const CLAIMS_PER_QUERY = 2000;

/**
 * The query table with `position-inputs` as it read before retractions
 * existed: each printing's publication date alone, no origin's retraction,
 * no stored retraction.
 */
function withoutRetractionColumns(queries: QueryTable): QueryTable {
  const query = queries['position-inputs'];
  const text = query.text
    .split('\n')
    .filter((line) => !/AS originRetraction,\s*$/.test(line))
    .join('\n')
    .replace('[(t)-[ap:APPEARS_IN]->(d:Document) | [d.publishedAt, ap.retractedBy IS NOT NULL]] AS printings', '[(t)-[:APPEARS_IN]->(d:Document) | d.publishedAt] AS printings')
    .replace(' t.retraction AS retraction,', '');
  if (/retract/i.test(text.replace(/^\/\/.*$/gm, ''))) throw new Error('position-inputs no longer has the retraction columns this benchmark takes out: update it');
  return { ...queries, 'position-inputs': { ...query, text, lines: undefined } };
}

/** Milliseconds (wall, CPU) to read the position inputs of every claim once. */
async function readAll(store: GraphStore, claims: readonly string[]): Promise<{ wall: number; cpu: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  await store.transaction('READ', async (tx) => {
    for (let i = 0; i < claims.length; i += CLAIMS_PER_QUERY) await tx.run('position-inputs', { claims: claims.slice(i, i + CLAIMS_PER_QUERY) });
  });
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function main(argv: string[]): Promise<void> {
  const args = parseArgs('bench:positions', argv, { values: ['statements', 'seed', 'rounds'], flags: [] });
  if (args.help) {
    process.stdout.write('Usage: npm run bench:positions [-- --statements N] [--seed S] [--rounds R]\n  (defaults: 10000 statements, seed 1, 7 rounds)\n');
    return;
  }
  const statements = Number(args.values.get('statements') ?? 10_000);
  const seed = Number(args.values.get('seed') ?? 1);
  const rounds = Number(args.values.get('rounds') ?? 7);
  if (!Number.isInteger(statements) || statements < 1) throw new UsageError(`--statements must be a positive integer, got ${args.values.get('statements')}`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got ${args.values.get('seed')}`);
  if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError(`--rounds must be a positive integer, got ${args.values.get('rounds')}`);

  const cpu = cpus();
  console.log(`Machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${formatBytes(totalmem())} RAM; Node ${process.version} on ${process.platform}/${process.arch}`);
  const bundle = syntheticBundle({ statements, seed });
  const claims = bundle.claims.map((c) => c.id);
  const queries = loadQueries();
  const now = await openStore({ engine: 'embedded', path: null }, queries);
  const before = await openStore({ engine: 'embedded', path: null }, withoutRetractionColumns(queries));
  try {
    for (const store of [now, before]) await importBundle(store, bundle, { editor: 'bench' });
    console.log(`Bundle: ${formatCount(statements)} statements on ${formatCount(claims.length)} claims (seed ${seed}), imported into two in-memory stores.`);
    // One warm-up read of each, then alternate so that both see the same machine load.
    await readAll(now, claims);
    await readAll(before, claims);
    const with_: { wall: number; cpu: number }[] = [];
    const without: { wall: number; cpu: number }[] = [];
    for (let r = 0; r < rounds; r++) {
      with_.push(await readAll(now, claims));
      without.push(await readAll(before, claims));
    }
    const w = { wall: median(with_.map((x) => x.wall)), cpu: median(with_.map((x) => x.cpu)) };
    const o = { wall: median(without.map((x) => x.wall)), cpu: median(without.map((x) => x.cpu)) };
    console.log(`position-inputs for all ${formatCount(claims.length)} claims, median of ${rounds} rounds each, alternated:`);
    console.log(`  with the retraction columns:    ${w.wall.toFixed(0)} ms wall, ${w.cpu.toFixed(0)} ms CPU`);
    console.log(`  without the retraction columns: ${o.wall.toFixed(0)} ms wall, ${o.cpu.toFixed(0)} ms CPU`);
    console.log(`  ratio with / without: ${(w.wall / o.wall).toFixed(2)} wall, ${(w.cpu / o.cpu).toFixed(2)} CPU`);
  } finally {
    await now.close();
    await before.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? `bench:positions: ${error.message}` : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
