#!/usr/bin/env node
/**
 * `npm run load [-- --connections N] [--duration S] [--url URL] [--key KEY]`:
 * a load test of the GraphQL API over HTTP with autocannon. By default it
 * starts the real HTTP server in this process on 127.0.0.1 (a free port),
 * on the embedded engine in memory, loaded with the seed, configured from
 * the environment as `claimgraph serve` is. With `--url` it targets a
 * running server instead, which must hold the seed and listen on a loopback
 * address (load is never sent anywhere else).
 *
 * Each connection sends the core questions in turn: who said a claim, what
 * a source said, the conflicts on a claim and for a source, a claim's
 * corroboration, and a search. Prints p50 and p99 latency, requests per
 * second, errors, non-2xx responses and responses carrying GraphQL errors,
 * and exits 1 if there was any (2 on a usage error).
 */
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import type { RunningServer } from '../api/server';
import { startHttpServer } from '../api/server';
import { loadApiConfig } from '../config';
import { seed } from '../analysis/seed';
import { openStore } from '../store/open';
import type { GraphStore } from '../store/port';
import { parseArgs, UsageError } from './args';

/** The mix: the users' core questions over the seed, as in `npm run bench`. */
export const CORE_QUERIES: { name: string; query: string }[] = [
  { name: 'who said a claim', query: '{ claim(id: "claim-al-masoud-undercover-against-is") { text statements { stance quote source { name } document { title } } } }' },
  { name: 'what a source said', query: '{ source(id: "src-dumayr-report") { name statements { stance quote claim { text } } } }' },
  { name: 'conflicts on a claim', query: '{ conflicts(claimId: "claim-al-masoud-was-is-official") { totalCount nodes { kind claim { id } opposingClaim { id } sources { name } opposingSources { name } reason } } }' },
  { name: 'conflicts for a source', query: '{ conflicts(sourceId: "src-al-masoud-family") { totalCount nodes { kind claim { id } opposingClaim { id } sources { name } opposingSources { name } } } }' },
  { name: 'corroboration', query: '{ claim(id: "claim-al-masoud-undercover-against-is") { corroboration { assertingSources independentSources anonymousSources hedgingSources denyingSources contradictedBy } } }' },
  { name: 'search', query: '{ claims(search: "undercover") { totalCount nodes { id text } } sources(search: "syrian") { totalCount nodes { id name } } }' },
];

const HELP = `Usage: npm run load [-- --connections N] [--duration SECONDS] [--url URL] [--key KEY]

Load-tests the GraphQL API with autocannon: N connections (default 50) for
SECONDS (default 60), each sending the core questions in turn. Without --url,
starts the server in this process on 127.0.0.1, embedded engine in memory,
seeded. --url targets a running server on a loopback address (127.0.0.0/8,
localhost, ::1) that holds the seed. --key sends "Authorization: Bearer KEY".
Exits 1 if any request failed, 2 on a usage error.`;

interface Options {
  connections: number;
  duration: number;
  url: string | null;
  key: string | null;
}

/** True for an address on this machine's loopback: the only place load is sent. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

export function parseLoadArgs(argv: readonly string[]): Options | null {
  const args = parseArgs('load', argv, { values: ['connections', 'duration', 'url', 'key'] });
  if (args.help) return null;
  if (args.positional.length > 0) throw new UsageError(`load takes no arguments, got ${args.positional.join(' ')}`);
  const integer = (name: string, fallback: number, max: number): number => {
    const raw = args.values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be an integer from 1 to ${max}, got ${raw}`);
    return n;
  };
  const url = args.values.get('url') ?? null;
  if (url !== null) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`--url must be a URL such as http://127.0.0.1:4000/graphql, got ${url}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--url must be http or https, got ${parsed.protocol}`);
    if (!isLoopback(parsed.hostname)) throw new UsageError(`--url must be on this machine's loopback (127.0.0.0/8, localhost, ::1): load is sent nowhere else; got ${parsed.hostname}`);
  }
  return { connections: integer('connections', 50, 10_000), duration: integer('duration', 60, 3_600), url, key: args.values.get('key') ?? null };
}

/** Asks each question once and fails with its answer unless it comes back as data without errors. */
async function preflight(url: string, headers: Record<string, string>): Promise<void> {
  for (const q of CORE_QUERIES) {
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: q.query }) }).catch((error: unknown) => {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new Error(`Cannot reach ${url}${cause ? ` (${cause})` : ''}: is the server running?`);
    });
    const text = await res.text();
    let body: { data?: Record<string, unknown> | null; errors?: unknown[] } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      /* reported below */
    }
    const empty = body.data === undefined || body.data === null || Object.values(body.data).some((v) => v === null);
    if (res.status !== 200 || body.errors !== undefined || empty) {
      throw new Error(`The server does not answer "${q.name}" (HTTP ${res.status}): ${text.slice(0, 500)}\nDoes it hold the seed, and do reads need a key (--key)?`);
    }
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Runs the load test as the command line asked; resolves to the exit code. */
export async function runLoad(argv: readonly string[]): Promise<number> {
  const options = parseLoadArgs(argv);
  if (options === null) {
    console.log(HELP);
    return 0;
  }
  let store: GraphStore | null = null;
  let server: RunningServer | null = null;
  let url = options.url;
  let target = `the server at ${url}`;
  try {
    if (url === null) {
      store = await openStore({ engine: 'embedded', path: null });
      await seed(store);
      server = await startHttpServer(store, 0, '127.0.0.1', { api: loadApiConfig(process.env) });
      url = server.url;
      target = `the server started in this process at ${url} (embedded engine in memory, seeded)`;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.key === null ? {} : { authorization: `Bearer ${options.key}` }) };
    await preflight(url, headers);

    const perQuery = CORE_QUERIES.map((q) => ({ name: q.name, responses: 0, failed: 0 }));
    let graphqlErrors = 0;
    let firstFailure: string | null = null;
    const requests = CORE_QUERIES.map((q, i) => ({
      method: 'POST' as const,
      headers,
      body: JSON.stringify({ query: q.query }),
      onResponse: (status: number, body: string) => {
        const stats = perQuery[i]!;
        stats.responses++;
        // A GraphQL error comes back with 200: look for it in the body (a string test, not a parse, to keep the client cheap).
        if (status !== 200 || body.includes('"errors"')) {
          stats.failed++;
          if (status === 200) graphqlErrors++;
          firstFailure ??= `${q.name}: HTTP ${status}: ${body.slice(0, 300)}`;
        }
      },
    }));

    const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, ${process.platform}`;
    console.log(`Load test: ${options.connections} connections for ${options.duration} s against ${target}.`);
    console.log(`Machine: ${machine}. Autocannon runs in this process${server === null ? '' : ', beside the server'}.`);
    console.log(`Each connection sends, in turn: ${CORE_QUERIES.map((q) => q.name).join(', ')}.`);

    const result = await autocannon({ url, connections: options.connections, duration: options.duration, requests });

    const errors = result.errors + result.non2xx + graphqlErrors;
    console.log('');
    console.log(`requests     ${fmt(result.requests.total)} in ${fmt(result.duration, 1)} s: ${fmt(result.requests.average, 1)} req/s on average (per second: min ${fmt(result.requests.min)}, max ${fmt(result.requests.max)})`);
    console.log(`latency      p50 ${fmt(result.latency.p50)} ms, p90 ${fmt(result.latency.p90)} ms, p99 ${fmt(result.latency.p99)} ms, max ${fmt(result.latency.max)} ms (mean ${fmt(result.latency.average, 1)} ms)`);
    console.log(`throughput   ${fmt(result.throughput.average / 1024, 0)} KiB/s on average`);
    console.log(`errors       ${fmt(result.errors)} connection errors (${fmt(result.timeouts)} timeouts), ${fmt(result.non2xx)} non-2xx responses, ${fmt(graphqlErrors)} responses with GraphQL errors`);
    console.log('per query    ' + perQuery.map((q) => `${q.name} ${fmt(q.responses)}${q.failed > 0 ? ` (${fmt(q.failed)} failed)` : ''}`).join('; '));
    if (firstFailure !== null) console.log(`first failure: ${firstFailure}`);
    if (result.requests.total === 0) {
      console.log('No request completed.');
      return 1;
    }
    console.log(errors === 0 ? 'OK: no errors.' : `FAILED: ${fmt(errors)} errors.`);
    return errors === 0 ? 0 : 1;
  } finally {
    await server?.stop(1_000);
    await store?.close();
  }
}

if (require.main === module) {
  runLoad(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof UsageError ? `load: ${error.message}\n\n${HELP}` : error);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}
