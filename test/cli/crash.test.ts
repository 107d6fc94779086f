/**
 * All or nothing across a crash: `claimgraph import big.json` into an
 * on-disk embedded store that holds the seed is killed with SIGKILL at
 * several points of its write (read from its progress on stderr), and once
 * after it printed its summary. The store, reopened in this process, must
 * hold exactly the seed or the seed plus the whole bundle; after the summary
 * it must hold the whole bundle. The killed process's file lock must not keep
 * the store from reopening.
 */
import { spawn } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportBundle, type BundleJson } from '../../src/graph/export';
import type { Bundle } from '../../src/graph/model';
import { graphCounts, seed } from '../../src/analysis/seed';
import { syntheticBundle } from '../../src/graph/synthetic';
import { openStore } from '../../src/store/open';
import type { GraphStore } from '../../src/store/port';
import { buildCliOnce, CLI, cliEnv, ROOT, tempDir } from './build';

/**
 * 5k statements make about 13k rows (appearances are rows of their own in
 * version 2): no chunk of 1,000 is a tenth of them, so every line a kill
 * point waits for is printed. Each kill point inside the write holds the CLI
 * at its line (test/cli/hold-at-line.cjs, preloaded with --require): the
 * kill finds it there however fast or slow the machine is, so no case
 * depends on timing. The test still fails if the import ends before a kill
 * meant to land inside it.
 */
const STATEMENTS = 5_000;
const HOLD = join(__dirname, 'hold-at-line.cjs');

jest.setTimeout(60_000);

let tmp: { path: string; remove: () => void };
let bundleFile: string;
let bundle: Bundle;
let seededDir: string;
let seedCounts: Record<string, number>;
let seedExport: BundleJson;
const outcomes: string[] = [];

beforeAll(async () => {
  buildCliOnce();
  tmp = tempDir('claimgraph-crash-');
  bundle = syntheticBundle({ statements: STATEMENTS, seed: 20_240_611 });
  bundleFile = join(tmp.path, 'big.json');
  writeFileSync(bundleFile, JSON.stringify(bundle));
  // The store every case starts from: the seed, on disk, closed (copied per case).
  seededDir = join(tmp.path, 'seeded');
  const store = await openStore({ engine: 'embedded', path: join(seededDir, 'graph.grafeo') });
  try {
    await seed(store);
    seedCounts = await graphCounts(store);
    seedExport = await exportBundle(store);
  } finally {
    await store.close();
  }
}, 90_000);

afterAll(() => {
  if (outcomes.length > 0) console.log(`SIGKILL during import of ${STATEMENTS} statements:\n  ${outcomes.join('\n  ')}`);
  tmp?.remove();
});

/** When to kill: a test on each line the CLI prints (stderr progress, stdout summary). */
interface KillPoint {
  name: string;
  when: (line: string, stream: 'stdout' | 'stderr') => boolean;
  /** The import must have committed when killed at this point. */
  mustBeAll: boolean;
  /** The kill must land while the import is still running (not after it exited). */
  mustLandInside: boolean;
  /** The stderr line (a regular expression) the CLI is held at until killed; none: it runs on. */
  hold?: string;
}

const percent = (line: string): number | null => {
  const m = /^writing .*: (\d+)% \(/.exec(line);
  return m === null ? null : Number(m[1]);
};

const KILL_POINTS: KillPoint[] = [
  { name: 'early (first progress line)', when: (l, s) => s === 'stderr' && percent(l) !== null, mustBeAll: false, mustLandInside: true, hold: '^writing .*: \\d+% \\(' },
  { name: 'middle (>= 50% written)', when: (l, s) => s === 'stderr' && (percent(l) ?? -1) >= 50, mustBeAll: false, mustLandInside: true, hold: '^writing .*: [5-9]\\d% \\(' },
  { name: 'near the end (>= 90% written)', when: (l, s) => s === 'stderr' && (percent(l) ?? -1) >= 90 && (percent(l) ?? 100) < 100, mustBeAll: false, mustLandInside: true, hold: '^writing .*: 9\\d% \\(' },
  { name: 'all rows written, commit pending (100%)', when: (l, s) => s === 'stderr' && percent(l) === 100, mustBeAll: false, mustLandInside: true, hold: '^writing .*: 100% \\(' },
  { name: 'after the summary was printed', when: (l, s) => s === 'stdout' && /^Wrote [\d,]+ rows/.test(l), mustBeAll: true, mustLandInside: false },
];

interface Run {
  killedAt: string | null;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Runs the import, kills it with SIGKILL at the first line `point` picks, and waits for it to be gone. */
function importAndKill(dataDir: string, point: KillPoint): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const env = cliEnv(dataDir, point.hold === undefined ? {} : { CRASH_TEST_HOLD: point.hold });
    const child = spawn(process.execPath, ['--require', HOLD, CLI, 'import', bundleFile], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const text = { stdout: '', stderr: '' };
    const partial = { stdout: '', stderr: '' };
    let killedAt: string | null = null;
    const watch = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      text[stream] += chunk.toString();
      partial[stream] += chunk.toString();
      const lines = partial[stream].split('\n');
      partial[stream] = lines.pop() ?? '';
      for (const line of lines) {
        if (killedAt === null && point.when(line, stream)) {
          killedAt = line;
          child.kill('SIGKILL');
        }
      }
    };
    child.stdout.on('data', watch('stdout'));
    child.stderr.on('data', watch('stderr'));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ killedAt, status, signal, ...text, seconds: (performance.now() - start) / 1000 }));
  });
}

const plus = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(Object.keys(a).map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)]));
const withoutAudit = <T extends { recorded?: unknown }>(r: T) => {
  const { recorded: _, ...rest } = r;
  return rest;
};
/** A statement as export writes it: without audit, appearances in document id order (they are a set). */
const asExported = <T extends { recorded?: unknown; appearances: { document: string }[] }>(s: T) => ({
  ...withoutAudit(s),
  appearances: [...s.appearances].sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0)),
});

describe.each(KILL_POINTS)('SIGKILL $name', (point) => {
  test('the reopened store holds the seed alone or the seed plus the whole bundle', async () => {
    const dataDir = join(tmp.path, point.name.replace(/\W+/g, '-'));
    cpSync(seededDir, dataDir, { recursive: true });
    const run = await importAndKill(dataDir, point);
    const where = `killed at: ${run.killedAt ?? '(never)'}\nexit ${run.status ?? run.signal} after ${run.seconds.toFixed(2)} s\n--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`;
    if (run.killedAt === null) throw new Error(`The import never reached the kill point:\n${where}`);
    if (point.mustLandInside && run.signal !== 'SIGKILL') {
      throw new Error(`The import ended before SIGKILL reached it, so this case tests nothing (was it not held at its line? see test/cli/hold-at-line.cjs).\n${where}`);
    }

    // The killed process held the store's lock; reopening must still work.
    let store: GraphStore;
    try {
      store = await openStore({ engine: 'embedded', path: join(dataDir, 'graph.grafeo') });
    } catch (error) {
      throw new Error(`FINDING: the store cannot be reopened after SIGKILL (${point.name}): ${error instanceof Error ? error.message : String(error)}\n${where}`);
    }
    try {
      const counts = await graphCounts(store);
      const bundleCounts = { sources: bundle.sources.length, entities: bundle.entities.length, documents: bundle.documents.length, claims: bundle.claims.length, statements: bundle.statements.length };
      const all = plus(seedCounts, bundleCounts);
      let outcome: 'nothing' | 'all';
      if (JSON.stringify(counts) === JSON.stringify(seedCounts)) outcome = 'nothing';
      else if (JSON.stringify(counts) === JSON.stringify(all)) outcome = 'all';
      else {
        throw new Error(
          `A partial import survived SIGKILL (${point.name}): the store holds ${JSON.stringify(counts)}, ` +
            `expected the seed ${JSON.stringify(seedCounts)} or the seed plus the bundle ${JSON.stringify(all)}.\n${where}`,
        );
      }
      outcomes.push(`${point.name.padEnd(42)} → ${outcome === 'all' ? 'ALL of the bundle' : 'NOTHING (seed only)'} (killed after ${run.seconds.toFixed(2)} s at "${run.killedAt}")`);

      const exported = await exportBundle(store);
      if (outcome === 'nothing') {
        expect(exported).toEqual(seedExport); // not even a relationship or a property of the bundle
      } else {
        // Every record of the bundle, with its relationships, next to the seed's.
        expect(exported.statements.length).toBe(seedExport.statements.length + bundle.statements.length);
        expect(exported.affiliations.length).toBe(seedExport.affiliations.length + bundle.affiliations.length);
        expect(exported.links.length).toBe(seedExport.links.length + bundle.links.length);
        const byId = new Map(exported.statements.map((s) => [s.id, asExported(s)]));
        const missing = bundle.statements.filter((s) => JSON.stringify(byId.get(s.id)) !== JSON.stringify(asExported(s)));
        expect(missing.map((s) => s.id)).toEqual([]);
        const claims = new Map(exported.claims.map((c) => [c.id, withoutAudit(c)]));
        expect(bundle.claims.filter((c) => JSON.stringify(claims.get(c.id)) !== JSON.stringify(withoutAudit(c))).map((c) => c.id)).toEqual([]);
      }
      if (point.mustBeAll) expect(outcome).toBe('all');
      // Held before its commit, an import cannot have committed.
      if (point.hold !== undefined) expect(outcome).toBe('nothing');
    } finally {
      await store.close();
    }
  });
});
