#!/usr/bin/env node
/**
 * `npm run bench:pages [-- --claims N]`: the keyset page of claims written
 * two ways on the embedded engine, interleaved in one process so that a
 * loaded machine weighs on both alike: `$after IS NULL OR c.id > $after`
 * (before) and `c.id > $after` with '' for the first page (now, a range
 * seek). Medians of 30 runs, milliseconds.
 *
 * With `--statements N`: then `claims(search:)` on a synthetic newsroom of
 * N statements, the scan before the full-text indexes against the index
 * now (src/cli/bench-search.ts), `--search-runs` interleaved runs (60).
 */
import { GrafeoDB } from '@grafeo-db/js';
import { performance } from 'node:perf_hooks';
import { loadSchemaStatements } from '../store/queries';
import { parseArgs } from './args';
import { benchSearch } from './bench-search';

const PROJECTION = 'RETURN c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS claim ORDER BY claim.id';
const BEFORE = `MATCH (c:Claim) WHERE $after IS NULL OR c.id > $after WITH c ORDER BY c.id LIMIT $limit ${PROJECTION}`;
const NOW = `MATCH (c:Claim) WHERE c.id > $after WITH c ORDER BY c.id LIMIT $limit ${PROJECTION}`;

async function main(): Promise<void> {
  const args = parseArgs('bench:pages', process.argv.slice(2), { values: ['claims', 'statements', 'search-runs'] });
  const n = Number(args.values.get('claims') ?? 25_000);
  if (!Number.isInteger(n) || n < 100) throw new Error(`--claims must be an integer of at least 100, got ${args.values.get('claims')}`);
  const db = GrafeoDB.create();
  try {
    for (const s of loadSchemaStatements('embedded')) await db.executeCypher(s);
    const id = (i: number) => `claim-${String(i).padStart(7, '0')}`;
    // Created out of id order, as an import would.
    const ids = Array.from({ length: n }, (_, i) => id((i * 7919) % n));
    for (let i = 0; i < ids.length; i += 1000) await db.executeCypher('UNWIND $rows AS id CREATE (:Claim {id: id, text: id})', { rows: ids.slice(i, i + 1000) });
    console.log(`${n} claims; medians of 30 interleaved runs, milliseconds`);
    console.log('| page of 20 | $after IS NULL OR c.id > $after | c.id > $after |');
    console.log('|---|---:|---:|');
    const cases: [string, string | null, string][] = [
      ['first page', null, ''],
      ['from the middle', id(Math.floor(n / 2)), id(Math.floor(n / 2))],
      ['near the end', id(n - 100), id(n - 100)],
    ];
    for (const [label, before, now] of cases) {
      const times: [number[], number[]] = [[], []];
      for (let r = 0; r < 30; r++) {
        for (const [k, text, after] of [[0, BEFORE, before], [1, NOW, now]] as const) {
          const start = performance.now();
          const rows = (await db.executeCypher(text, { after, limit: 21 })).toArray();
          times[k].push(performance.now() - start);
          if (rows.length === 0) throw new Error(`${label}: no rows`);
        }
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(2);
      console.log(`| ${label} | ${median(times[0])} | ${median(times[1])} |`);
    }
  } finally {
    db.close();
  }
  const statements = args.values.get('statements');
  if (statements === undefined) return;
  const runs = Number(args.values.get('search-runs') ?? 60);
  if (!Number.isInteger(Number(statements)) || Number(statements) < 100) throw new Error(`--statements must be an integer of at least 100, got ${statements}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--search-runs must be a positive integer, got ${args.values.get('search-runs')}`);
  await benchSearch(Number(statements), runs);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
