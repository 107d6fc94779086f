#!/usr/bin/env node
/**
 * `npm run bench:analytics [-- --statements N]`: the cost of the verification
 * analytics on a large synthetic graph (src/graph/synthetic.ts, default 100k
 * statements), each computed by its named query on the embedded store, as the
 * API runs it. Medians and p99s of repeated runs after a warm-up, in one run
 * on one machine. Claims are picked by popularity: the most-stated claim is
 * the worst case for every per-claim analysis.
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { assessClaim } from '../analysis/judgements';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBundle } from '../graph/import';
import { rebuildIndependence } from '../graph/independence';
import { cypherDir, projectRoot } from '../paths';
import { syntheticBundle } from '../graph/synthetic';
import { GrafeoDB } from '@grafeo-db/js';
import { EmbeddedStore } from '../store/embedded-store';
import type { GraphStore, Params } from '../store/port';
import { loadQueries, type QueryName, type QueryTable } from '../store/queries';
import { createApolloServer } from '../api/server';
import { createContext } from '../api/context';
import { encodeCursor } from '../store/cursors';
import { parseArgs } from './args';
import { formatCount } from './format';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 3;
/** A slow analysis stops sampling after this long, so the whole run stays in minutes. */
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 20_000);

/** BENCH_SKIP_ANALYTICS=1: only the pages and edits (the analytics table takes minutes at 100k). */
const SKIP_ANALYTICS = process.env.BENCH_SKIP_ANALYTICS === '1';

/** Runs `fn`; a failure (an engine TIMEOUT, say) is reported as its code instead of ending the run. */
async function failure(fn: () => Promise<void>): Promise<string | null> {
  try {
    await fn();
    return null;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : String(error).slice(0, 80);
  }
}

async function main(): Promise<void> {
  const args = parseArgs('bench:analytics', process.argv.slice(2), { values: ['statements'] });
  const statements = Number(args.values.get('statements') ?? 100_000);
  if (!Number.isInteger(statements) || statements < 100) throw new Error(`--statements must be an integer of at least 100, got ${args.values.get('statements')}`);
  console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}`);

  const bundle = syntheticBundle({ statements, seed: 1 });
  // Two stores over one engine: the queries as they are, and the same queries
  // walking affiliations and derivations at read time (before the keys were
  // kept), so that both are measured on one graph, in one run.
  const db = GrafeoDB.create();
  const store = EmbeddedStore.over(db, loadQueries());
  await store.applySchema();
  const walking = EmbeddedStore.over(db, walkingQueries(loadQueries()));
  let start = performance.now();
  await importBundle(store, bundle, { editor: 'bench' });
  const imported = (performance.now() - start) / 1000;
  console.log(`Graph: ${formatCount(statements)} statements, ${formatCount(bundle.claims.length)} claims, ${formatCount(bundle.sources.length)} sources (imported in ${imported.toFixed(1)} s)`);
  // What the import spent on the independence keys, about: all of them written again.
  start = performance.now();
  const keys = await rebuildIndependence(store);
  console.log(`Independence keys of all ${formatCount(keys.sources)} sources and ${formatCount(keys.statements)} statements written again from scratch (rebuildIndependence) in ${((performance.now() - start) / 1000).toFixed(1)} s`);

  // Claims ranked by how many statements they have: the top one is the heaviest to analyse.
  const byClaim = new Map<string, number>();
  for (const s of bundle.statements) byClaim.set(s.claim, (byClaim.get(s.claim) ?? 0) + 1);
  const ranked = [...byClaim.entries()].sort((a, b) => b[1] - a[1]);
  const [top, topCount] = ranked[0] ?? ['', 0];
  const [median, medianCount] = ranked[Math.floor(ranked.length / 2)] ?? ['', 0];
  const batch = ranked.slice(0, 20).map(([id]) => id);
  const entity = bundle.claims.find((c) => c.id === top)?.about[0] ?? bundle.entities[0]?.id ?? '';
  const topSources = [...new Set(bundle.statements.filter((s) => s.claim === top).map((s) => s.source))];
  // The most prolific source (a wire outlet): the hub of "conflicts for a source".
  const bySource = new Map<string, number>();
  for (const s of bundle.statements) bySource.set(s.source, (bySource.get(s.source) ?? 0) + 1);
  const [prolific, prolificCount] = [...bySource].reduce((best, e) => (e[1] > best[1] ? e : best), ['', 0]);

  // An editor's question over the three most-stated claims, for the ACH matrix;
  // an editor's FALSE verdict on the median claim, so that REFUTED has a row.
  await assessClaim(store, median, { verdict: 'FALSE', rating: 1, explanation: 'bench' }, { editor: 'bench' });
  await store.write('write-question', { id: 'q-bench', text: 'Which of the three holds?', hypotheses: batch.slice(0, 3), by: 'bench', at: new Date().toISOString() });

  const cases: [string, QueryName, Params][] = [
    [`corroboration, most-stated claim (${topCount} statements)`, 'corroboration-by-claims', { ids: [top] }],
    [`corroboration, median claim (${medianCount} statements)`, 'corroboration-by-claims', { ids: [median] }],
    ['corroboration, 20 most-stated claims in one batch', 'corroboration-by-claims', { ids: batch }],
    ['claims page filtered by status CORROBORATED (20)', 'claims-page-by-status', { search: null, after: null, limit: 21, status: 'CORROBORATED' }],
    ['claims page filtered by status CONTESTED (20)', 'claims-page-by-status', { search: null, after: null, limit: 21, status: 'CONTESTED' }],
    ['ACH matrix, 3 most-stated claims as hypotheses', 'ach-matrices', { ids: ['q-bench'] }],
    ['PROV-O chain, most-stated claim', 'provenance-by-claims', { ids: [top] }],
    ['timeline of its first entity (first 20)', 'entity-timeline', { ids: [entity], afterRank: null, afterDate: null, afterId: null, limit: 21 }],
    [`source ratings of its ${topSources.length} sources`, 'ratings-by-sources', { ids: topSources }],
    ['conflicts on the most-stated claim', 'conflicts-page', { claimId: top, sourceId: null, afterClaim: null, afterOpposing: null, limit: 21 }],
    [`conflicts for the most prolific source (${prolificCount} statements)`, 'conflicts-page', { claimId: null, sourceId: prolific, afterClaim: null, afterOpposing: null, afterStatement: null, limit: 21 }],
  ];

  console.log(`\nUp to ${RUNS} runs each (at most ${BUDGET_MS / 1000} s of them) after ${WARMUP} warm-up; milliseconds`);
  console.log('| analysis | runs | median | p99 |');
  console.log('|---|---:|---:|---:|');
  for (const [label, name, params] of SKIP_ANALYTICS ? [] : cases) {
    const warm: number[] = [];
    const measured: number[] = [];
    const began = performance.now();
    const failed = await failure(async () => {
      for (let i = 0; i < WARMUP + RUNS && performance.now() - began < BUDGET_MS; i++) {
        start = performance.now();
        await store.read(name, params);
        (i < WARMUP ? warm : measured).push(performance.now() - start);
      }
    });
    if (failed !== null) {
      console.log(`| ${label} | ${failed} | — | — |`);
      continue;
    }
    // An analysis so slow that the budget ended during warm-up is reported from its warm-up runs.
    const times = (measured.length > 0 ? measured : warm).sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
    const runs = measured.length > 0 ? `${measured.length}` : `${warm.length} (warm-up only)`;
    console.log(`| ${label} | ${runs} | ${at(0.5).toFixed(2)} | ${at(0.99).toFixed(2)} |`);
  }

  // The lists and edits as the API runs them (in-process, fresh loaders per
  // operation): every page should seek, limit, then project, and every edit
  // find its record by id.
  const apollo = createApolloServer();
  const op = async (query: string, variables: Record<string, unknown> = {}, on: GraphStore = store): Promise<void> => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(on, 'bench') });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const errors = response.body.singleResult.errors;
    if (errors !== undefined && errors.length > 0) {
      const code = errors[0]!.extensions?.code;
      throw Object.assign(new Error(`${query}: ${errors[0]!.message}`), { code: typeof code === 'string' ? code : 'ERROR' });
    }
  };
  await compareIndependence(store, walking, op, top, topCount);

  const claimIds = bundle.claims.map((c) => c.id).sort();
  const middle = encodeCursor('claims', [claimIds[Math.floor(claimIds.length / 2)] ?? '']);
  const sourceId = bundle.sources[Math.floor(bundle.sources.length / 2)]?.id ?? '';
  let flip = 0;
  const pages: [string, () => Promise<void>][] = [
    ['claims, first page (20)', () => op('{ claims(first: 20) { nodes { id text } } }')],
    ['claims, a page from the middle (20)', () => op('query($a: String) { claims(first: 20, after: $a) { nodes { id text } } }', { a: middle })],
    ['claims, first page, totalCount', () => op('{ claims(first: 20) { totalCount nodes { id } } }')],
    ['claims with status CONTESTED, first page (20)', () => op('{ claims(first: 20, status: CONTESTED) { nodes { id text } } }')],
    ['claims with status CONTESTED, totalCount', () => op('{ claims(first: 20, status: CONTESTED) { totalCount } }')],
    ['claims with status CORROBORATED, first page (20)', () => op('{ claims(first: 20, status: CORROBORATED) { nodes { id text } } }')],
    ['claims with status REFUTED, first page (20)', () => op('{ claims(first: 20, status: REFUTED) { nodes { id text } } }')],
    ['sources, first page (20)', () => op('{ sources(first: 20) { nodes { id name } } }')],
    ['documents, first page (20)', () => op('{ documents(first: 20) { nodes { id title } } }')],
    ['updateSource by id (description)', () => op('mutation($id: ID!, $d: String) { updateSource(id: $id, input: {description: $d}) { id } }', { id: sourceId, d: `bench ${flip++}` })],
  ];
  console.log(`\nPages and edits through the API (in-process GraphQL); up to ${RUNS} runs each after ${WARMUP} warm-up; milliseconds`);
  console.log('| operation | runs | median | p99 |');
  console.log('|---|---:|---:|---:|');
  for (const [label, fn] of pages) {
    const warm: number[] = [];
    const measured: number[] = [];
    const began = performance.now();
    const failed = await failure(async () => {
      for (let i = 0; i < WARMUP + RUNS && performance.now() - began < BUDGET_MS; i++) {
        start = performance.now();
        await fn();
        (i < WARMUP ? warm : measured).push(performance.now() - start);
      }
    });
    if (failed !== null) {
      console.log(`| ${label} | ${failed} | — | — |`);
      continue;
    }
    const times = (measured.length > 0 ? measured : warm).sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
    const runs = measured.length > 0 ? `${measured.length}` : `${warm.length} (warm-up only)`;
    console.log(`| ${label} | ${runs} | ${at(0.5).toFixed(2)} | ${at(0.99).toFixed(2)} |`);
  }
  await store.close();
}

/**
 * The independence rule as it was before the keys were kept on write (walking
 * affiliations and derivations at read time, folding member by member): the
 * copy the tests compare the rule with (test/analysis/independence-keys.test.ts).
 */
const WALKED_RULE = join(projectRoot(), 'test/fixtures/cypher/independence-rule-walked.cypher');

/** The query table with the former independence rule in place of the current one. */
function walkingQueries(table: QueryTable): QueryTable {
  const kept = readFileSync(join(cypherDir(), 'fragments/independence-rule.cypher'), 'utf8').trim();
  const walked = readFileSync(WALKED_RULE, 'utf8').trim();
  const out = { ...table } as Record<QueryName, QueryTable[QueryName]>;
  for (const name of Object.keys(out) as QueryName[]) {
    const query = out[name];
    if (query.text.includes(kept)) out[name] = { ...query, text: query.text.replace(kept, walked), lines: undefined };
  }
  // Otherwise this bench would compare a query with itself.
  if (out['corroboration-by-claims'].text === table['corroboration-by-claims'].text) throw new Error('bench:analytics: corroboration-by-claims no longer includes the independence rule as this bench expects');
  return out;
}

/**
 * Corroboration of the most-stated claim and the CORROBORATED / UNVERIFIED
 * pages, with the independence rule walking affiliations and derivations at
 * read time (before) and reading the keys kept on write (now), interleaved
 * run by run so that the machine's load weighs on both alike. Medians, and
 * the ratio of the medians.
 */
async function compareIndependence(store: GraphStore, walking: GraphStore, op: (query: string, variables?: Record<string, unknown>, on?: GraphStore) => Promise<void>, top: string, topCount: number): Promise<void> {
  const cases: [string, (on: GraphStore) => Promise<unknown>][] = [
    [`corroboration, most-stated claim (${topCount} statements)`, (on) => on.read('corroboration-by-claims', { ids: [top] })],
    ['Claim.corroboration through the API, most-stated claim', (on) => op('query($id: ID!) { claim(id: $id) { status corroboration { independentSources clusters { sources { id } } } } }', { id: top }, on)],
    ['claims with status CORROBORATED, first page (20)', (on) => op('{ claims(first: 20, status: CORROBORATED) { nodes { id text } } }', {}, on)],
    ['claims with status UNVERIFIED, first page (20)', (on) => op('{ claims(first: 20, status: UNVERIFIED) { nodes { id text } } }', {}, on)],
    ['claims with status CORROBORATED, totalCount', (on) => op('{ claims(first: 1, status: CORROBORATED) { totalCount } }', {}, on)],
    ['claims with status UNVERIFIED, totalCount', (on) => op('{ claims(first: 1, status: UNVERIFIED) { totalCount } }', {}, on)],
  ];
  const runs = Number(process.env.BENCH_KEY_RUNS ?? 9);
  console.log(`\nThe independence rule: walked at read time (before) vs the keys kept on write (now), interleaved, ${runs} runs each after 1 warm-up; milliseconds`);
  console.log('| operation | before: median | now: median | before / now |');
  console.log('|---|---:|---:|---:|');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  for (const [label, fn] of cases) {
    const times: [number[], number[]] = [[], []];
    // A side that fails (the engine's TIMEOUT) is reported as such and not run again; the other goes on.
    const failed: [string | null, string | null] = [null, null];
    for (let r = 0; r <= runs; r++) {
      for (const [k, on] of [[0, walking], [1, store]] as const) {
        if (failed[k] !== null) continue;
        const start = performance.now();
        failed[k] = await failure(async () => {
          await fn(on);
        });
        if (r > 0 && failed[k] === null) times[k].push(performance.now() - start);
      }
    }
    const [before, now] = [median(times[0]), median(times[1])];
    const shown = (k: 0 | 1, v: number) => failed[k] ?? v.toFixed(2);
    console.log(`| ${label} | ${shown(0, before)} | ${shown(1, now)} | ${failed[0] === null && failed[1] === null ? (before / now).toFixed(1) : '—'} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
