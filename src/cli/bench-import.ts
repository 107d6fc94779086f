#!/usr/bin/env node
/**
 * `npm run bench:import [-- --statements N] [--seed S] [--chunk-size C] [--memory-only]`:
 * measures, in one run on this machine, importing a synthetic bundle
 * (src/graph/synthetic.ts) of N statements (default 10000) into a fresh
 * embedded store, in memory and on disk (in a temporary folder, deleted
 * afterwards), then re-importing the same bundle, which writes nothing. Each
 * store is measured in a child process of its own, so that its peak RSS is
 * its own. CPU time is reported next to wall time: on a shared machine it
 * varies less.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importBundle } from '../graph/import';
import { syntheticBundle } from '../graph/synthetic';
import { openStore } from '../store/open';
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

/** One leg, in the child process: generate, import, re-import; the result goes to the parent over IPC. */
async function runLeg(leg: Leg, statements: number, seed: number, chunkSize: number | undefined): Promise<LegResult> {
  let start = performance.now();
  const bundle = syntheticBundle({ statements, seed });
  const generateSeconds = (performance.now() - start) / 1000;
  const rssBeforeImport = maxRssBytes();
  const dir = leg === 'disk' ? mkdtempSync(join(tmpdir(), 'claimgraph-bench-')) : null;
  const path = dir === null ? null : join(dir, 'graph.grafeo');
  try {
    const store = await openStore({ engine: 'embedded', path });
    let result: Omit<LegResult, 'storeBytes'>;
    try {
      const progress = new Progress(`${formatCount(statements)} statements (${leg === 'memory' ? 'in memory' : 'on disk'})`, process.stderr);
      start = performance.now();
      let cpu = process.cpuUsage();
      try {
        await importBundle(store, bundle, { editor: 'bench', chunkSize, onProgress: progress.update });
      } finally {
        progress.finish();
      }
      const importSeconds = (performance.now() - start) / 1000;
      const importCpuSeconds = cpuSecondsSince(cpu);
      const again = new Progress('re-import', process.stderr);
      start = performance.now();
      cpu = process.cpuUsage();
      const report = await importBundle(store, bundle, { editor: 'bench', chunkSize, onProgress: again.update });
      const reimportSeconds = (performance.now() - start) / 1000;
      const reimportCpuSeconds = cpuSecondsSince(cpu);
      again.finish();
      if (report.statements.unchanged !== statements) throw new Error(`the re-import was not a no-op: ${JSON.stringify(report.statements)}`);
      result = {
        leg, statements, rows: progress.total, generateSeconds, importSeconds, importCpuSeconds, reimportSeconds, reimportCpuSeconds, reimportRows: again.total,
        rssBeforeImport, rssPeak: maxRssBytes(),
      };
    } finally {
      await store.close();
    }
    return { ...result, storeBytes: dir === null ? null : bytesUnder(dir) };
  } finally {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(leg: Leg, statements: number, seed: number, chunkSize: number | undefined): Promise<LegResult> {
  const chunk = chunkSize === undefined ? [] : ['--chunk-size', String(chunkSize)];
  return new Promise((resolve, reject) => {
    // The child inherits node's flags (--max-old-space-size for a million statements).
    const child = fork(__filename, ['--leg', leg, '--statements', String(statements), '--seed', String(seed), ...chunk], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LegResult | undefined;
    child.on('message', (m) => (result = m as LegResult));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      result !== undefined ? resolve(result) : reject(new Error(`the ${leg} leg failed (exit ${code ?? signal})`)),
    );
  });
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs('bench:import', argv, { values: ['statements', 'seed', 'leg', 'chunk-size'], flags: ['memory-only'] });
  if (args.help) {
    process.stdout.write(
      'Usage: npm run bench:import [-- --statements N] [--seed S] [--chunk-size C] [--memory-only]\n' +
        '  (defaults: 10000 statements, seed 1, the importer\'s chunk size, in memory and on disk)\n',
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
    const result = await runLeg(leg, statements, seed, chunkSize);
    process.send?.(result);
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
  console.log('Each store is measured in a fresh child process (peak RSS is per process and includes the generated bundle).\n');
  const results: LegResult[] = [];
  const legs: Leg[] = args.flags.has('memory-only') ? ['memory'] : ['memory', 'disk'];
  for (const l of legs) {
    console.log(`Importing into a fresh embedded store ${l === 'memory' ? 'in memory' : 'on disk (temporary folder)'}…`);
    results.push(await runChild(l, statements, seed, chunkSize));
  }
  console.log('');
  for (const r of results) {
    console.log(`${r.leg === 'memory' ? 'In memory' : 'On disk  '}: import ${formatSeconds(r.importSeconds)} (CPU ${formatSeconds(r.importCpuSeconds)}), ${formatRate(r.statements, r.importSeconds)} statements/s, ` +
      `${formatRate(r.rows, r.importSeconds)} rows/s (${formatCount(r.rows)} rows); peak RSS ${formatBytes(r.rssPeak)} ` +
      `(${formatBytes(r.rssBeforeImport)} before the import)${r.storeBytes === null ? '' : `; store on disk after close ${formatBytes(r.storeBytes)}`}`);
    console.log(`           no-op re-import of the same bundle: ${formatSeconds(r.reimportSeconds)} (CPU ${formatSeconds(r.reimportCpuSeconds)}; ${formatCount(r.reimportRows)} rows written)`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? `bench:import: ${error.message}` : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
