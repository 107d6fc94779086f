#!/usr/bin/env node
/**
 * `npm run bench:import [-- --statements N] [--seed S] [--chunk-size C] [--memory-only] [--no-ceiling]`:
 * measures, in one run on this machine, importing a synthetic bundle
 * (src/graph/synthetic.ts) of N statements (default 10000) into a fresh
 * embedded store, in memory and on disk (in a temporary folder, deleted
 * afterwards), then re-importing the same bundle, which writes nothing. Each
 * store is measured in a child process of its own, so that its peak RSS is
 * its own. CPU time is reported next to wall time: on a shared machine it
 * varies less.
 *
 * In the in-memory leg, after the import, the engine's own ceiling is
 * measured on the same graph (src/cli/engine-ceiling.ts): the graph the
 * import wrote, created again by the simplest transactional UNWIND Cypher
 * and by the engine's bulk calls; the import is reported as a fraction of
 * it. The import's time is also broken down by query, with the time spent
 * in JavaScript between queries (validation, name resolution, positions).
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { GrafeoDB } from '@grafeo-db/js';
import { importBundle } from '../graph/import';
import { syntheticBundle } from '../graph/synthetic';
import { EmbeddedStore } from '../store/embedded-store';
import { openStore } from '../store/open';
import type { GraphStore, Params, QueryRunner, Row } from '../store/port';
import { loadQueries, type QueryName } from '../store/queries';
import { measureCeiling, readGraph, type CeilingResult } from './engine-ceiling';
import { parseArgs, UsageError } from './args';
import { formatBytes, formatCount, formatRate, formatSeconds } from './format';
import { Progress } from './progress';

type Leg = 'memory' | 'disk';

interface LegResult {
  leg: Leg;
  statements: number;
  rows: number;
  generateSeconds: number;
  importSeconds: number;
  /** CPU time of the child (all threads, user and system) during the import and the re-import. */
  importCpuSeconds: number;
  reimportSeconds: number;
  reimportCpuSeconds: number;
  reimportRows: number;
  /** Peak RSS of the child, in bytes: before the import (bundle generated) and at the end. */
  rssBeforeImport: number;
  rssPeak: number;
  storeBytes: number | null;
  /** Where the import's wall time went: per query, and JavaScript between queries. */
  profile: QueryTime[];
  /** The engine's ceiling on the same graph (in-memory leg only). */
  ceiling: CeilingResult[];
  nodes: number;
  relationships: number;
}

interface QueryTime {
  name: string;
  calls: number;
  seconds: number;
}

/** Times every query run through it, and the time between queries (JavaScript: validation, resolution, positions). */
class TimingStore {
  readonly times = new Map<string, QueryTime>();
  private last = performance.now();

  constructor(private readonly inner: GraphStore) {}

  get store(): GraphStore {
    const timed = (tx: QueryRunner): QueryRunner => ({
      run: async (name: QueryName, params?: Params): Promise<Row[]> => {
        const start = performance.now();
        this.add('(JavaScript between queries)', start - this.last);
        try {
          return await tx.run(name, params);
        } finally {
          this.last = performance.now();
          this.add(name, this.last - start);
        }
      },
    });
    return { ...this.inner, engine: this.inner.engine, transaction: (mode, work) => this.inner.transaction(mode, (tx) => work(timed(tx))) } as GraphStore;
  }

  start(): void {
    this.times.clear();
    this.last = performance.now();
  }

  private add(name: string, ms: number): void {
    const t = this.times.get(name) ?? { name, calls: 0, seconds: 0 };
    t.calls++;
    t.seconds += ms / 1000;
    this.times.set(name, t);
  }
}

const maxRssBytes = (): number => process.resourceUsage().maxRSS * 1024;
const cpuSecondsSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

/** Bytes of every file under `dir` (the store file and its WAL folder). */
function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
    const path = join(dir, e.name);
    return n + (e.isDirectory() ? bytesUnder(path) : e.isFile() ? statSync(path).size : 0);
  }, 0);
}

/** One leg, in the child process: generate, import, re-import (and the ceiling); the result goes to the parent over IPC. */
async function runLeg(leg: Leg, statements: number, seed: number, chunkSize: number | undefined, ceiling: boolean): Promise<LegResult> {
  let start = performance.now();
  let bundle: ReturnType<typeof syntheticBundle> | null = syntheticBundle({ statements, seed });
  const generateSeconds = (performance.now() - start) / 1000;
  const rssBeforeImport = maxRssBytes();
  const dir = leg === 'disk' ? mkdtempSync(join(tmpdir(), 'claimgraph-bench-')) : null;
  const path = dir === null ? null : join(dir, 'graph.grafeo');
  try {
    // In memory, the engine is ours too: the ceiling reads the graph back from it.
    const db = leg === 'memory' ? GrafeoDB.create() : null;
    const store = db === null ? await openStore({ engine: 'embedded', path }) : EmbeddedStore.over(db, loadQueries());
    if (db !== null) await store.applySchema();
    let result: Omit<LegResult, 'storeBytes' | 'ceiling'>;
    let graph: Awaited<ReturnType<typeof readGraph>> | null = null;
    try {
      const timing = new TimingStore(store);
      const progress = new Progress(`${formatCount(statements)} statements (${leg === 'memory' ? 'in memory' : 'on disk'})`, process.stderr);
      start = performance.now();
      let cpu = process.cpuUsage();
      timing.start();
      try {
        await importBundle(timing.store, bundle, { editor: 'bench', chunkSize, onProgress: progress.update });
      } finally {
        progress.finish();
      }
      const importSeconds = (performance.now() - start) / 1000;
      const importCpuSeconds = cpuSecondsSince(cpu);
      const profile = [...timing.times.values()].sort((a, b) => b.seconds - a.seconds);
      const again = new Progress('re-import', process.stderr);
      start = performance.now();
      cpu = process.cpuUsage();
      const report = await importBundle(store, bundle, { editor: 'bench', chunkSize, onProgress: again.update });
      const reimportSeconds = (performance.now() - start) / 1000;
      const reimportCpuSeconds = cpuSecondsSince(cpu);
      again.finish();
      if (report.statements.unchanged !== statements) throw new Error(`the re-import was not a no-op: ${JSON.stringify(report.statements)}`);
      const rssPeak = maxRssBytes();
      bundle = null;
      if (db !== null && ceiling) graph = await readGraph(db);
      result = {
        leg, statements, rows: progress.total, generateSeconds, importSeconds, importCpuSeconds, reimportSeconds, reimportCpuSeconds, reimportRows: again.total,
        rssBeforeImport, rssPeak, profile, nodes: graph?.nodeCount ?? 0, relationships: graph?.relationshipCount ?? 0,
      };
    } finally {
      await store.close();
    }
    const ceilings: CeilingResult[] = [];
    if (graph !== null) {
      for (const path of ['unwind', 'batch', 'upsert'] as const) {
        process.stderr.write(`engine ceiling: ${path}…\n`);
        const measured = await measureCeiling(graph, path);
        // The same graph, or the comparison means nothing.
        if (measured.nodes !== graph.nodeCount || measured.relationships !== graph.relationshipCount) {
          throw new Error(`the ${path} ceiling made ${measured.nodes} nodes and ${measured.relationships} relationships, the import ${graph.nodeCount} and ${graph.relationshipCount}`);
        }
        ceilings.push(measured);
      }
    }
    return { ...result, ceiling: ceilings, storeBytes: dir === null ? null : bytesUnder(dir) };
  } finally {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(leg: Leg, statements: number, seed: number, chunkSize: number | undefined, ceiling: boolean, script: string = __filename): Promise<LegResult> {
  const chunk = [...(chunkSize === undefined ? [] : ['--chunk-size', String(chunkSize)]), ...(ceiling ? [] : ['--no-ceiling'])];
  return new Promise((resolve, reject) => {
    // The child inherits node's flags (--max-old-space-size for a million statements).
    const child = fork(script, ['--leg', leg, '--statements', String(statements), '--seed', String(seed), ...chunk], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LegResult | undefined;
    child.on('message', (m) => (result = m as LegResult));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      result !== undefined ? resolve(result) : reject(new Error(`the ${leg} leg failed (exit ${code ?? signal})`)),
    );
  });
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs('bench:import', argv, { values: ['statements', 'seed', 'leg', 'chunk-size', 'against', 'runs'], flags: ['memory-only', 'no-ceiling'] });
  if (args.help) {
    process.stdout.write(
      'Usage: npm run bench:import [-- --statements N] [--seed S] [--chunk-size C] [--memory-only] [--no-ceiling]\n' +
        '  (defaults: 10000 statements, seed 1, the importer\'s chunk size, in memory and on disk;\n' +
        '   the engine\'s ceiling on the same graph is measured after the in-memory import unless --no-ceiling)\n' +
        '       npm run bench:import -- --against DIR [--runs R] [--statements N]\n' +
        '  (in-memory imports by this build and by the build in DIR, another checkout built with\n' +
        '   "npx tsc -p tsconfig.build.json", alternating R times each (default 3): medians and ratios)\n',
    );
    return;
  }
  const chunkArg = args.values.get('chunk-size');
  const chunkSize = chunkArg === undefined ? undefined : Number(chunkArg);
  if (chunkSize !== undefined && (!Number.isInteger(chunkSize) || chunkSize < 1)) throw new UsageError(`--chunk-size must be a positive integer, got ${chunkArg}`);
  const statements = Number(args.values.get('statements') ?? 10_000);
  const seed = Number(args.values.get('seed') ?? 1);
  if (!Number.isInteger(statements) || statements < 1) throw new UsageError(`--statements must be a positive integer, got ${args.values.get('statements')}`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got ${args.values.get('seed')}`);

  const leg = args.values.get('leg');
  if (leg === 'memory' || leg === 'disk') {
    const result = await runLeg(leg, statements, seed, chunkSize, !args.flags.has('no-ceiling'));
    process.send?.(result);
    return;
  }

  const against = args.values.get('against');
  if (against !== undefined) {
    const runs = Number(args.values.get('runs') ?? 3);
    if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs must be a positive integer, got ${args.values.get('runs')}`);
    await compare(against, runs, statements, seed, chunkSize);
    return;
  }

  const cpu = cpus();
  console.log(`Machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${formatBytes(totalmem())} RAM; Node ${process.version} on ${process.platform}/${process.arch}`);
  const sample = syntheticBundle({ statements, seed });
  console.log(
    `Bundle: ${formatCount(statements)} statements (seed ${seed}): ${formatCount(sample.sources.length)} sources, ${formatCount(sample.affiliations.length)} affiliations, ` +
      `${formatCount(sample.entities.length)} entities, ${formatCount(sample.documents.length)} documents, ${formatCount(sample.claims.length)} claims, ${formatCount(sample.links.length)} links; ` +
      `${formatBytes(Buffer.byteLength(JSON.stringify(sample)))} as JSON`,
  );
  console.log('Each store is measured in a fresh child process (peak RSS is per process and includes the generated bundle).');
  // Wall times on a shared machine follow its load; CPU times less so.
  console.log(`Load average at the start (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${cpu.length} cores\n`);
  const results: LegResult[] = [];
  const legs: Leg[] = args.flags.has('memory-only') ? ['memory'] : ['memory', 'disk'];
  for (const l of legs) {
    console.log(`Importing into a fresh embedded store ${l === 'memory' ? 'in memory' : 'on disk (temporary folder)'}…`);
    results.push(await runChild(l, statements, seed, chunkSize, !args.flags.has('no-ceiling')));
  }
  console.log('');
  for (const r of results) {
    console.log(`${r.leg === 'memory' ? 'In memory' : 'On disk  '}: import ${formatSeconds(r.importSeconds)} (CPU ${formatSeconds(r.importCpuSeconds)}), ${formatRate(r.statements, r.importSeconds)} statements/s, ` +
      `${formatRate(r.rows, r.importSeconds)} rows/s (${formatCount(r.rows)} rows); peak RSS ${formatBytes(r.rssPeak)} ` +
      `(${formatBytes(r.rssBeforeImport)} before the import)${r.storeBytes === null ? '' : `; store on disk after close ${formatBytes(r.storeBytes)}`}`);
    console.log(`           no-op re-import of the same bundle: ${formatSeconds(r.reimportSeconds)} (CPU ${formatSeconds(r.reimportCpuSeconds)}; ${formatCount(r.reimportRows)} rows written)`);
  }
  console.log(`Load average at the end (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  const memory = results.find((r) => r.leg === 'memory');
  if (memory !== undefined) {
    console.log(`\nWhere the in-memory import's ${formatSeconds(memory.importSeconds)} went (wall time, by query; the rest is JavaScript between queries):`);
    for (const t of memory.profile.slice(0, 12)) {
      console.log(`  ${t.name.padEnd(34)} ${formatSeconds(t.seconds).padStart(8)}  ${((100 * t.seconds) / memory.importSeconds).toFixed(0).padStart(3)} %  (${formatCount(t.calls)} calls)`);
    }
  }
  if (memory !== undefined && memory.ceiling.length > 0) {
    console.log(`\nThe engine's ceiling: the same graph (${formatCount(memory.nodes)} nodes, ${formatCount(memory.relationships)} relationships, every property as the import stored it), created again in a fresh in-memory store with the same schema:`);
    for (const c of memory.ceiling) {
      console.log(
        `  ${CEILING_LABELS[c.path].padEnd(58)} ${formatSeconds(c.seconds).padStart(8)} (CPU ${formatSeconds(c.cpuSeconds)}), ${formatRate(memory.statements, c.seconds).padStart(7)} statements/s; ` +
          `the import runs at ${percent(c.seconds, memory.importSeconds)} of it (CPU ${percent(c.cpuSeconds, memory.importCpuSeconds)})`,
      );
    }
  }
}

/**
 * This build against another (its bench-import.js in `dir`), in-memory legs alternating in
 * fresh processes, so that both see the same machine load: medians and their ratios.
 */
async function compare(dir: string, runs: number, statements: number, seed: number, chunkSize: number | undefined): Promise<void> {
  const other = join(dir, 'dist', 'src', 'cli', 'bench-import.js');
  if (!existsSync(other)) throw new UsageError(`--against must name a checkout built with "npx tsc -p tsconfig.build.json" (expected ${other}), got ${dir}`);
  console.log(`${formatCount(statements)} statements (seed ${seed}), in memory: this build against ${dir}, ${runs} run(s) each, alternating.`);
  console.log(`Load average at the start (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${cpus().length} cores`);
  const times: Record<'this' | 'other', { wall: number[]; cpu: number[] }> = { this: { wall: [], cpu: [] }, other: { wall: [], cpu: [] } };
  for (let i = 0; i < runs; i++) {
    for (const which of ['other', 'this'] as const) {
      // An older build knows no --no-ceiling (and measures no ceiling); a ceiling, if any, comes after the import's figures.
      const r = await runChild('memory', statements, seed, chunkSize, which === 'other', which === 'other' ? other : __filename);
      times[which].wall.push(r.importSeconds);
      times[which].cpu.push(r.importCpuSeconds);
      console.log(`  ${which === 'this' ? 'this build ' : 'the other  '} import ${formatSeconds(r.importSeconds)} (CPU ${formatSeconds(r.importCpuSeconds)}); load ${loadavg()[0]!.toFixed(2)}`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const which of ['other', 'this'] as const) {
    const t = times[which];
    console.log(`${which === 'this' ? 'This build' : 'The other '}: median ${formatSeconds(median(t.wall))} (CPU ${formatSeconds(median(t.cpu))}), ${formatRate(statements, median(t.cpu))} statements per CPU-second`);
  }
  console.log(`The other over this build: CPU ${(median(times.other.cpu) / median(times.this.cpu)).toFixed(2)}×, wall ${(median(times.other.wall) / median(times.this.wall)).toFixed(2)}×`);
}

const CEILING_LABELS = {
  unwind: 'UNWIND … CREATE in one transaction (all or nothing)',
  batch: 'batchCreateNodesWithProps/Edges (each call commits alone)',
  upsert: 'upsertNodes/upsertEdges (each call commits alone)',
} as const;

/** How fast the import is next to a ceiling: the ceiling's time over the import's. */
const percent = (ceilingSeconds: number, importSeconds: number): string => (importSeconds > 0 ? `${((100 * ceilingSeconds) / importSeconds).toFixed(0)} %` : '—');

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? `bench:import: ${error.message}` : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
