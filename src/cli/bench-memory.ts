#!/usr/bin/env node
/**
 * `npm run bench:memory [-- --statements N] [--seed S] [--import-only]`: what each stored
 * per-record field costs in the embedded engine's memory. A synthetic bundle
 * of N statements (default 20000) is imported once and the graph read back
 * (every node and relationship with its properties, as the import stored
 * them: src/cli/engine-ceiling.ts) to a temporary file. Then, for each
 * variant, a fresh child process creates that graph again in a fresh
 * in-memory engine with the same schema, leaving out one group of fields
 * (audit names, audit times, fingerprints, search text, name keys…), and
 * measures its resident memory once the rows are released and garbage
 * collected. The rows are streamed from the file a thousand at a time, so
 * the child's heap stays small and its RSS is mostly the engine's.
 * The cost of a group is the full graph's RSS minus the RSS without it, in
 * the same run.
 *
 * First, the import itself: a fresh child imports the bundle into an
 * in-memory store as the server opens one (src/store/open.ts), drops the
 * bundle, and reports the import's time and the RSS once collected: what
 * serving N statements from memory costs. `--import-only` stops there.
 */
import { fork } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { GrafeoDB } from '@grafeo-db/js';
import { importBundle } from '../graph/import';
import { syntheticBundle } from '../graph/synthetic';
import { EmbeddedStore } from '../store/embedded-store';
import { openStore } from '../store/open';
import { loadQueries } from '../store/queries';
import { parseArgs, UsageError } from './args';
import { readGraph } from './engine-ceiling';
import { formatBytes, formatCount } from './format';

/** Groups of stored fields, by what they are for. */
const VARIANTS: Record<string, { what: string; drop: readonly string[] }> = {
  full: { what: 'everything the import stores', drop: [] },
  'audit-names': { what: 'createdBy, updatedBy (who wrote the record; also on relationships)', drop: ['createdBy', 'updatedBy'] },
  'audit-times': { what: 'createdAt, updatedAt (when; ISO strings)', drop: ['createdAt', 'updatedAt'] },
  fingerprints: { what: 'hash (22-character content fingerprint, for no-op re-imports)', drop: ['hash'] },
  'name-keys': { what: 'nameKey, aliasKeys, skeletonKeys (name matching on import)', drop: ['nameKey', 'aliasKeys', 'skeletonKeys'] },
  'stored-dates': { what: 'dateStart, dateEnd, datePrecision, dateBasis (effective dates)', drop: ['dateStart', 'dateEnd', 'datePrecision', 'dateBasis'] },
  'lock-counter': { what: 'lock (the claim lock counter, lock-claims)', drop: ['lock'] },
  'search-text': { what: 'searchText (the words search matches, as the full-text index and the ranking read them)', drop: ['searchText'] },
  'independence-keys': { what: 'roots, origin, alike (the independence keys kept on write)', drop: ['roots', 'origin', 'alike'] },
  standings: { what: "standing and a claim's current-position counts (kept on write)", drop: ['standing', 'asserting', 'hedging', 'denying', 'doubting', 'opposing', 'withdrawing', 'asserted', 'denied', 'directlyAsserted', 'directlyDenied'] },
  'all-of-these': { what: 'all of the groups above', drop: [] },
  'graph-only': { what: 'no property but the keys: nodes, relationships, ids', drop: [] },
};
VARIANTS['all-of-these']!.drop = Object.entries(VARIANTS).flatMap(([, v]) => v.drop);

const KEYS = new Set(['id', 'key', 'name']);

interface VariantResult {
  variant: string;
  rss: number;
  heapUsed: number;
}

/** One line of the graph file: a node or a relationship. */
type Line = { n: string; k: string; p: Record<string, unknown> } | { r: string; fl: string; fk: string; tl: string; tk: string; f: unknown; t: unknown; p: Record<string, unknown> };

async function writeGraphFile(statements: number, seed: number, file: string): Promise<{ nodes: number; relationships: number; statements: number }> {
  const db = GrafeoDB.create();
  const store = EmbeddedStore.over(db, loadQueries());
  await store.applySchema();
  await importBundle(store, syntheticBundle({ statements, seed }), { editor: 'bench' });
  const graph = await readGraph(db);
  await store.close();
  const lines: string[] = [];
  for (const set of graph.nodes) for (const p of set.rows) lines.push(JSON.stringify({ n: set.label, k: set.key, p }));
  for (const set of graph.relationships) {
    for (const r of set.rows) lines.push(JSON.stringify({ r: set.type, fl: set.from.label, fk: set.from.key, tl: set.to.label, tk: set.to.key, f: r.from, t: r.to, p: r.props }));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return { nodes: graph.nodeCount, relationships: graph.relationshipCount, statements };
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

interface ImportResult {
  seconds: number;
  rss: number;
  heapUsed: number;
}

/** In the child: imports the synthetic bundle into an in-memory store, then measures RSS with the bundle released. */
async function runImport(statements: number, seed: number): Promise<ImportResult> {
  const store = await openStore({ engine: 'embedded', path: null });
  let bundle: ReturnType<typeof syntheticBundle> | null = syntheticBundle({ statements, seed });
  const start = performance.now();
  await importBundle(store, bundle, { editor: 'bench' });
  const seconds = (performance.now() - start) / 1000;
  bundle = null;
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const usage = process.memoryUsage();
  await store.close();
  return { seconds, rss: usage.rss, heapUsed: usage.heapUsed };
}

/** In the child: creates the graph of `file` without the variant's fields, then measures RSS. */
async function runVariant(variant: string, file: string): Promise<VariantResult> {
  const spec = VARIANTS[variant];
  if (spec === undefined) throw new UsageError(`--variant must be one of ${Object.keys(VARIANTS).join(', ')}, got ${variant}`);
  const drop = new Set(spec.drop);
  const keep = (p: Record<string, unknown>, key: string | null): Record<string, unknown> => {
    if (variant === 'graph-only') return key === null ? {} : { [key]: p[key] };
    if (drop.size === 0) return p;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) if (!drop.has(k) || (key !== null && KEYS.has(k) && k === key)) out[k] = v;
    return out;
  };
  const db = GrafeoDB.create();
  await EmbeddedStore.over(db, loadQueries()).applySchema();
  const tx = db.beginTransaction();
  // Rows of one query, a thousand at a time, grouped by the query they go to.
  let pending: { text: string; rows: unknown[] } | null = null;
  const flush = async () => {
    if (pending !== null && pending.rows.length > 0) await tx.executeCypher(pending.text, { rows: pending.rows });
    pending = null;
  };
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const text of lines) {
    if (text === '') continue;
    const line = JSON.parse(text) as Line;
    const query =
      'n' in line
        ? `UNWIND $rows AS row CREATE (n:${line.n}) SET n = row`
        : `UNWIND $rows AS row MATCH (a:${line.fl} {${line.fk}: row.f}) MATCH (b:${line.tl} {${line.tk}: row.t}) CREATE (a)-[r:${line.r}]->(b) SET r = row.p`;
    const row = 'n' in line ? keep(line.p, line.k) : { f: line.f, t: line.t, p: keep(line.p, null) };
    if (pending !== null && (pending.text !== query || pending.rows.length >= 1000)) await flush();
    if (pending === null) pending = { text: query, rows: [] };
    pending.rows.push(row);
  }
  await flush();
  tx.commit();
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const usage = process.memoryUsage();
  db.close();
  return { variant, rss: usage.rss, heapUsed: usage.heapUsed };
}

function runChild(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, args, { execArgv: [...process.execArgv, '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: unknown;
    child.on('message', (m) => (result = m));
    child.on('error', reject);
    child.on('exit', (code, signal) => (result !== undefined ? resolve(result) : reject(new Error(`${args.join(' ')} failed (exit ${code ?? signal})`))));
  });
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs('bench:memory', argv, { values: ['statements', 'seed', 'variant', 'file', 'write', 'import-leg'], flags: ['import-only'] });
  if (args.help) {
    process.stdout.write('Usage: npm run bench:memory [-- --statements N] [--seed S] [--import-only]\n  (defaults: 20000 statements, seed 1)\n');
    return;
  }
  const statements = Number(args.values.get('statements') ?? 20_000);
  const seed = Number(args.values.get('seed') ?? 1);
  if (!Number.isInteger(statements) || statements < 1) throw new UsageError(`--statements must be a positive integer, got ${args.values.get('statements')}`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got ${args.values.get('seed')}`);
  const file = args.values.get('file');
  const variant = args.values.get('variant');
  if (args.values.get('write') !== undefined && file !== undefined) {
    process.send?.(await writeGraphFile(statements, seed, file));
    return;
  }
  if (variant !== undefined && file !== undefined) {
    process.send?.(await runVariant(variant, file));
    return;
  }
  if (args.values.get('import-leg') !== undefined) {
    process.send?.(await runImport(statements, seed));
    return;
  }

  const cpu = cpus();
  console.log(`Machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${formatBytes(totalmem())} RAM; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  const imported = (await runChild(['--import-leg', '1', '--statements', String(statements), '--seed', String(seed)])) as ImportResult;
  console.log(
    `Import of ${formatCount(statements)} statements into an in-memory store: ${imported.seconds.toFixed(1)} s; RSS after, the bundle released and collected, ` +
      `${formatBytes(imported.rss)} (JS heap ${formatBytes(imported.heapUsed)}), ${formatCount(imported.rss / statements)} bytes a statement.`,
  );
  if (args.flags.has('import-only')) return;
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-memory-'));
  try {
    const graphFile = join(dir, 'graph.jsonl');
    const made = (await runChild(['--write', '1', '--file', graphFile, '--statements', String(statements), '--seed', String(seed)])) as { nodes: number; relationships: number };
    console.log(`Graph of ${formatCount(statements)} statements (seed ${seed}) as the import stored it: ${formatCount(made.nodes)} nodes, ${formatCount(made.relationships)} relationships.`);
    console.log('Each variant: a fresh process creates it again without one group of fields; RSS after the rows are released and collected.\n');
    const results: VariantResult[] = [];
    for (const name of Object.keys(VARIANTS)) results.push((await runChild(['--variant', name, '--file', graphFile])) as VariantResult);
    const full = results.find((r) => r.variant === 'full')!;
    for (const r of results) {
      const saved = full.rss - r.rss;
      console.log(
        `  ${r.variant.padEnd(14)} RSS ${formatBytes(r.rss).padStart(9)}` +
          (r.variant === 'full' ? ''.padEnd(40) : `  saves ${formatBytes(Math.max(0, saved)).padStart(9)} (${formatCount(saved / statements).padStart(5)} bytes a statement)`) +
          `  ${VARIANTS[r.variant]!.what}`,
      );
    }
    console.log(`\nFull graph: ${formatCount(full.rss / statements)} bytes of RSS a statement (the Node process itself included).`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? `bench:memory: ${error.message}` : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
