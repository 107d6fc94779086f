#!/usr/bin/env node
/**
 * `npm run bench [-- --statements N]`: how claimgraph behaves on a synthetic
 * newsroom of N statements (src/graph/synthetic.ts), in one run on one
 * machine, on the embedded engine in memory:
 *
 * - the import of the bundle: statements/s and peak resident memory;
 * - each core question asked of many targets (and of the worst hub apart):
 *   median and p99 of the raw Cypher that the API runs for it, replayed on
 *   the store, and of the same question through GraphQL over HTTP, and the
 *   ratio of the medians;
 * - Cypher round trips per GraphQL operation, for a small and a hub target;
 * - requests/s under concurrent load on who-said-what (autocannon in a child
 *   process, so client and server do not share a thread).
 *
 * The report is printed and written as markdown (default
 * docs/benchmarks/<N>-statements.md) with the machine described.
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { startHttpServer } from '../api/server';
import type { Bundle } from '../graph/model';
import { importBundle } from '../graph/import';
import { mulberry32, syntheticBundle } from '../graph/synthetic';
import { projectRoot } from '../paths';
import { openStore } from '../store/open';
import { RecordingStore, replayCall } from '../store/recording-store';
import type { Params } from '../store/port';
import type { QueryName } from '../store/queries';
import { parseArgs, UsageError } from './args';
import { formatBytes, formatCount } from './format';

const HELP = `Usage: npm run bench [-- --statements N] [--seed S] [--runs R] [--targets K]
                      [--connections C] [--load-seconds S] [--out FILE|-]

Generates a synthetic newsroom of N statements (default 10000; the issue's
sizes are 10000, 100000 and 1000000), imports it into the embedded engine in
memory, then measures each core question over K random targets (default 200)
R times (default 300, each row capped at 30 s), raw Cypher against GraphQL
over HTTP; then C connections (default 32) of load on who-said-what for S
seconds (default 20). Writes markdown to FILE (default
docs/benchmarks/<N>-statements.md; "-" prints only).`;

interface Options {
  statements: number;
  seed: number;
  runs: number;
  targets: number;
  connections: number;
  loadSeconds: number;
  out: string | null;
}

function parseBenchArgs(argv: readonly string[]): Options | null {
  const args = parseArgs('bench', argv, { values: ['statements', 'seed', 'runs', 'targets', 'connections', 'load-seconds', 'out'] });
  if (args.help) return null;
  if (args.positional.length > 0) throw new UsageError(`bench takes no arguments, got ${args.positional.join(' ')}`);
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = args.values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got ${raw}`);
    return n;
  };
  const statements = integer('statements', 10_000, 100, 10_000_000);
  const out = args.values.get('out') ?? join(projectRoot(), 'docs', 'benchmarks', `${statements}-statements.md`);
  return {
    statements,
    seed: integer('seed', 1, 0, 2 ** 31),
    runs: integer('runs', 300, 1, 100_000),
    targets: integer('targets', 200, 1, 100_000),
    connections: integer('connections', 32, 1, 1_000),
    loadSeconds: integer('load-seconds', 20, 1, 3_600),
    out: out === '-' ? null : out,
  };
}

interface Question {
  name: string;
  query: string;
  /** Variables for each target. */
  variables: Record<string, unknown>[];
  /** The hub case, asked apart: one target that is far heavier than the rest. */
  hub?: { label: string; variables: Record<string, unknown> };
}

interface Stats {
  runs: number;
  median: number;
  p99: number;
}

const BUDGET_MS = 30_000;

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { runs: sorted.length, median: at(0.5), p99: at(0.99) };
}

/**
 * Runs `fn` over the targets in turn, `runs` times, within the time budget,
 * after a warm-up pass over at most 30 targets (and a sixth of the budget).
 */
async function sample(targets: number, runs: number, fn: (i: number) => Promise<unknown>): Promise<Stats> {
  const warming = performance.now();
  for (let i = 0; i < Math.min(targets, 30) && performance.now() - warming < BUDGET_MS / 6; i++) await fn(i);
  const times: number[] = [];
  const began = performance.now();
  for (let i = 0; i < runs && performance.now() - began < BUDGET_MS; i++) {
    const start = performance.now();
    await fn(i % targets);
    times.push(performance.now() - start);
  }
  return stats(times);
}

/** The questions, with targets drawn by a seeded PRNG from the bundle: the same run, the same targets. */
function questions(bundle: Bundle, count: number, seed: number): Question[] {
  const rand = mulberry32(seed ^ 0x5eed);
  const draw = <T>(xs: readonly T[]): T[] => Array.from({ length: Math.min(count, xs.length) }, () => xs[Math.floor(rand() * xs.length)] as T);
  const perClaim = new Map<string, number>();
  const perSource = new Map<string, number>();
  for (const s of bundle.statements) {
    perClaim.set(s.claim, (perClaim.get(s.claim) ?? 0) + 1);
    perSource.set(s.source, (perSource.get(s.source) ?? 0) + 1);
  }
  const heaviest = (m: Map<string, number>): [string, number] => [...m].reduce((a, b) => (b[1] > a[1] ? b : a));
  const [hubClaim, hubClaimCount] = heaviest(perClaim);
  const [hubSource, hubSourceCount] = heaviest(perSource);
  // Claims that take part in a conflict: linked by CONTRADICTS, or denied by someone.
  const disputed = [...new Set([...bundle.links.filter((l) => l.type === 'CONTRADICTS').flatMap((l) => [l.from, l.to]), ...bundle.statements.filter((s) => s.stance === 'DENIES').map((s) => s.claim)])];
  const stated = [...perClaim.keys()];
  const speakers = [...perSource.keys()];
  // Search words: the verbs and objects the claims are worded with, and place names of entities.
  const words = draw(bundle.claims).map((c) => c.text.split(/\s+/).filter((w) => /^[a-z]{5,}$/.test(w))[0] ?? 'report');

  const claimIds = draw(stated).map((id) => ({ id }));
  const sourceIds = draw(speakers).map((id) => ({ id }));
  return [
    {
      name: 'who said a claim',
      query: 'query($id: ID!) { claim(id: $id) { text statements { stance quote paraphrase source { name } document { title } } } }',
      variables: claimIds,
      hub: { label: `most-stated claim (${formatCount(hubClaimCount)} statements)`, variables: { id: hubClaim } },
    },
    {
      name: 'what a source said',
      query: 'query($id: ID!) { source(id: $id) { name statements { stance quote claim { text } } } }',
      variables: sourceIds,
      hub: { label: `most prolific source (${formatCount(hubSourceCount)} statements)`, variables: { id: hubSource } },
    },
    {
      name: 'conflicts on a claim',
      query: 'query($id: ID!) { conflicts(claimId: $id) { totalCount nodes { kind claim { id } opposingClaim { id } sources { name } opposingSources { name } } } }',
      variables: draw(disputed.length > 0 ? disputed : stated).map((id) => ({ id })),
      hub: { label: 'most-stated claim', variables: { id: hubClaim } },
    },
    {
      name: 'conflicts for a source',
      query: 'query($id: ID!) { conflicts(sourceId: $id) { totalCount nodes { kind claim { id } opposingClaim { id } sources { name } opposingSources { name } } } }',
      variables: sourceIds,
      hub: { label: 'most prolific source', variables: { id: hubSource } },
    },
    {
      name: 'corroboration of a claim',
      query: 'query($id: ID!) { claim(id: $id) { corroboration { assertingSources independentSources anonymousSources hedgingSources denyingSources contradictedBy } } }',
      variables: claimIds,
      hub: { label: 'most-stated claim', variables: { id: hubClaim } },
    },
    {
      name: 'search claims',
      query: 'query($q: String!) { claims(search: $q) { totalCount nodes { id text } } }',
      variables: words.map((q) => ({ q })),
    },
  ];
}

type Measured = {
  name: string;
  /** How many distinct targets were asked. */
  targets: number;
} & ({ raw: Stats; http: Stats; roundTrips: number[] } | { failed: string });

interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** The load leg, in a child process: autocannon on who-said-what, rotating through the targets. */
async function loadChild(url: string, bodies: string[], connections: number, seconds: number): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + graphqlErrors,
  };
}

function runLoadChild(url: string, bodies: string[], connections: number, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--load-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LoadResult | undefined;
    child.on('message', (m) => (result = m as LoadResult));
    child.on('error', reject);
    child.on('exit', (code, signal) => (result !== undefined ? resolve(result) : reject(new Error(`the load leg failed (exit ${code ?? signal})`))));
    child.send({ url, bodies, connections, seconds });
  });
}

const ms = (n: number): string => (Number.isNaN(n) ? '—' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const rss = (): number => process.memoryUsage().rss;
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

function machine(): string {
  const cpu = cpus();
  const grafeo = (JSON.parse(readFileSync(join(projectRoot(), 'node_modules', '@grafeo-db', 'js', 'package.json'), 'utf8')) as { version: string }).version;
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${formatBytes(totalmem())} RAM, ${type()} ${release()}, Node ${process.version}, @grafeo-db/js ${grafeo}`;
}

/** Runs the benchmark; resolves to the markdown report and the number of rows that failed. */
async function bench(options: Options): Promise<{ report: string; failures: number }> {
  const lines: string[] = [];
  let failures = 0;
  const say = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  say(`# Benchmark: ${formatCount(options.statements)} statements`);
  say();
  say(`- Date: ${new Date().toISOString()}`);
  say(`- Machine: ${machine()}`);
  say(`- Command: \`npm run bench -- --statements ${options.statements} --seed ${options.seed} --runs ${options.runs} --targets ${options.targets} --connections ${options.connections} --load-seconds ${options.loadSeconds}\``);
  say('- Engine: embedded (Grafeo), in memory; API and store in one process, load client in another; all figures from this one run.');

  let start = performance.now();
  let bundle: Bundle | null = syntheticBundle({ statements: options.statements, seed: options.seed });
  const generated = (performance.now() - start) / 1000;
  const b = bundle;
  say(`- Graph: ${formatCount(b.statements.length)} statements, ${formatCount(b.claims.length)} claims, ${formatCount(b.sources.length)} sources, ` +
    `${formatCount(b.affiliations.length)} affiliations, ${formatCount(b.documents.length)} documents, ${formatCount(b.entities.length)} entities, ${formatCount(b.links.length)} links ` +
    `(synthetic, seed ${options.seed}, generated in ${generated.toFixed(1)} s)`);
  const asked = questions(b, options.targets, options.seed);

  const rssBefore = rss();
  const inner = await openStore({ engine: 'embedded', path: null });
  // The server runs on a recording wrapper, so that the raw side replays exactly what the API ran.
  const store = new RecordingStore(inner);
  start = performance.now();
  await importBundle(inner, bundle, { editor: 'bench' });
  const importSeconds = (performance.now() - start) / 1000;
  const peakAfterImport = peakRss();
  bundle = null; // the graph is in the store now; the bundle's memory may go
  (globalThis as { gc?: () => void }).gc?.();
  const serving = rss();
  say();
  say('## Import');
  say();
  say('| statements | seconds | statements/s | RSS before import (bundle in memory) | peak RSS | RSS after, bundle released |');
  say('|---:|---:|---:|---:|---:|---:|');
  say(`| ${formatCount(options.statements)} | ${importSeconds.toFixed(1)} | ${formatCount(options.statements / importSeconds)} | ${formatBytes(rssBefore)} | ${formatBytes(peakAfterImport)} | ${formatBytes(serving)} |`);

  const server = await startHttpServer(store, 0, '127.0.0.1');
  try {
    // node:http on one kept-alive socket rather than fetch: the client shares the
    // server's thread, and fetch's own cost (about 1 ms a request here) is not the API's.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (query: string, variables: Record<string, unknown>): Promise<void> =>
      new Promise((resolve, reject) => {
        const req = request(server.url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const body = JSON.parse(text) as { errors?: unknown; data?: unknown };
            if (res.statusCode !== 200 || body.errors !== undefined) reject(new Error(`${query} ${JSON.stringify(variables)}: HTTP ${res.statusCode} ${text.slice(0, 500)}`));
            else resolve();
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(JSON.stringify({ query, variables }));
      });
    /** What the API runs for one operation: its queries in order, recorded on a first request. */
    const record = async (query: string, variables: Record<string, unknown>) => {
      store.runs.splice(0); // what other requests ran is of no use
      await post(query, variables);
      return store.runs.splice(0);
    };
    const replay = async (calls: { name: QueryName; params: Params }[]) => {
      for (const call of calls) await replayCall(inner, call);
    };

    const measured: Measured[] = [];
    const hubs: Measured[] = [];
    /** Measures one row; a question that fails (an engine time limit, say) is reported as failed, and the run goes on. */
    const measure = async (name: string, targets: Record<string, unknown>[], runs: number, query: string): Promise<Measured> => {
      // Slow questions get fewer targets: recording stops after a third of the budget.
      const recorded: { name: QueryName; params: Params }[][] = [];
      const recording = performance.now();
      try {
        for (const v of targets) {
          if (recorded.length > 0 && performance.now() - recording > BUDGET_MS / 3) break;
          recorded.push(await record(query, v));
        }
        const raw = await sample(recorded.length, runs, (i) => replay(recorded[i] ?? []));
        const http = await sample(recorded.length, runs, (i) => post(query, targets[i] ?? {}));
        return { name, targets: recorded.length, raw, http, roundTrips: recorded.map((r) => r.length) };
      } catch (error) {
        failures++;
        const message = error instanceof Error ? error.message : String(error);
        return { name, targets: recorded.length + 1, failed: `${message.slice(0, 300)} (after ${((performance.now() - recording) / 1000).toFixed(1)} s)` };
      }
    };
    for (const q of asked) {
      measured.push(await measure(q.name, q.variables, options.runs, q.query));
      if (q.hub) hubs.push(await measure(`${q.name}: ${q.hub.label}`, [q.hub.variables], Math.max(5, Math.floor(options.runs / 10)), q.query));
      console.error(`  measured ${q.name}`);
    }

    say();
    say(`## Core questions, up to ${formatCount(options.targets)} random targets each`);
    say();
    say(`Milliseconds. Raw: the named Cypher queries the API runs for the operation (recorded from it), replayed one after the other on the store. HTTP: the GraphQL operation POSTed to /graphql by one client (node:http, one kept-alive connection, in the server's process), answer parsed. Up to ${options.runs} runs per row after a warm-up, at most ${BUDGET_MS / 1000} s per row; a slow question is asked of fewer targets (recording them stops after ${BUDGET_MS / 3000} s). Round trips: Cypher queries per operation, smallest–largest over the targets (an empty answer skips the nested levels).`);
    say();
    const table = (rows: Measured[]) => {
      say('| question | targets | runs | raw median | raw p99 | HTTP median | HTTP p99 | HTTP / raw (median) | round trips |');
      say('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
      for (const m of rows) {
        if (!('raw' in m)) {
          say(`| ${m.name} | ${m.targets} | FAILED: ${m.failed.replace(/\s+/g, ' ').replace(/\|/g, '\\|')} | | | | | | |`);
          continue;
        }
        const trips = [...new Set(m.roundTrips)].sort((x, y) => x - y);
        say(`| ${m.name} | ${m.targets} | ${m.http.runs} | ${ms(m.raw.median)} | ${ms(m.raw.p99)} | ${ms(m.http.median)} | ${ms(m.http.p99)} | ${(m.http.median / m.raw.median).toFixed(1)}× | ${trips.join('–')} |`);
      }
    };
    table(measured);
    say();
    say('## The hubs, apart');
    say();
    table(hubs);

    const whoSaid = asked[0] as Question;
    const bodies = whoSaid.variables.map((variables) => JSON.stringify({ query: whoSaid.query, variables }));
    const load = await runLoadChild(server.url, bodies, options.connections, options.loadSeconds);
    say();
    say('## Load: who said a claim');
    say();
    say(`autocannon, ${options.connections} connections for ${options.loadSeconds} s, rotating through the ${formatCount(bodies.length)} claims above.`);
    say();
    say('| requests | req/s | p50 ms | p99 ms | errors (connection, non-2xx, GraphQL) |');
    say('|---:|---:|---:|---:|---:|');
    say(`| ${formatCount(load.requests)} | ${formatCount(load.perSecond)} | ${load.p50} | ${load.p99} | ${formatCount(load.errors)} |`);
    say();
    say(`Peak RSS of the bench process over the whole run: ${formatBytes(peakRss())}.`);
    if (failures > 0) say(`\n**${failures} row(s) FAILED**: see the tables.`);
    agent.destroy();
  } finally {
    await server.stop(1_000);
    await inner.close();
  }
  return { report: `${lines.join('\n')}\n`, failures };
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--load-child') {
    process.once('message', (m) => {
      const { url, bodies, connections, seconds } = m as { url: string; bodies: string[]; connections: number; seconds: number };
      loadChild(url, bodies, connections, seconds).then(
        (result) => process.send?.(result, () => process.exit(0)),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
    return;
  }
  const options = parseBenchArgs(argv);
  if (options === null) {
    console.log(HELP);
    return;
  }
  const { report, failures } = await bench(options);
  if (options.out !== null) {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, report);
    console.log(`\nWritten to ${relative(process.cwd(), options.out) || options.out}`);
  }
  if (failures > 0) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? `bench: ${error.message}\n\n${HELP}` : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
