import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { createLogger } from '../../src/api/logging';
import { startHttpServer, type RunningServer } from '../../src/api/server';
import { loadApiConfig, type ApiConfig } from '../../src/config';
import type { GraphStore } from '../../src/store/port';
import { buildCliOnce, CLI, cliEnv, ROOT, tempDir } from '../cli/build';
import { seededStore } from '../helpers';
import { summarize } from './support';

/*
 * Malformed requests against a real production-mode server on a loopback
 * port, sent over a raw socket so that nothing between the test and the
 * server cleans them up: the request targets that once ended the process
 * (issue 14), malformed headers and bodies, then request lines generated
 * over RFC 9112's request-target grammar (origin-, absolute-, authority- and
 * asterisk-form, with bad ports, brackets, '@', percent-escapes, unicode,
 * empty hosts). After each one the server must still answer /health and a
 * GraphQL query. A client's mistake must be answered (a 4xx with a coded
 * JSON error, or a route's own answer) and logged as the client's error:
 * never at error level, never with a stack. Last, the issue's own
 * reproduction: the built `claimgraph serve` with only NODE_ENV=production,
 * where an uncaught throw ends the process.
 */

/** A logger whose JSON lines are kept in `lines`. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('debug', stream), lines };
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Undoes chunked transfer coding (our answers are small, so a lenient reading is enough). */
function dechunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const eol = rest.indexOf('\r\n');
    if (eol < 0) return out;
    const size = parseInt(rest.slice(0, eol), 16);
    if (!(size > 0)) return out;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}

/** Sends `request` as bytes on a new connection and reads the answer until the server closes it. */
function rawRequest(port: number, request: Buffer | string, ms = 3_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${ms} ms (got ${JSON.stringify(Buffer.concat(chunks).toString('latin1').slice(0, 200))})`));
    }, ms);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = (split < 0 ? text : text.slice(0, split)).split('\r\n');
      const status = /^HTTP\/1\.[01] (\d{3}) /.exec(head[0] ?? '');
      if (status === null) return reject(new Error(`no status line in ${JSON.stringify(text.slice(0, 200))}`));
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const raw = split < 0 ? '' : text.slice(split + 4);
      resolve({ status: Number(status[1]), headers, body: headers['transfer-encoding'] === 'chunked' ? dechunk(raw) : raw });
    });
    socket.end(request);
  });
}

const requestLine = (method: string, target: string) => Buffer.from(`${method} ${target} HTTP/1.1\r\nHost: claimgraph.test\r\nConnection: close\r\n\r\n`, 'utf8');

/** The targets that ended the process before (issue 14), and the answer each gets now. */
const ISSUE_TARGETS: [target: string, status: number][] = [
  // Valid origin-form paths (RFC 9112 3.2.1: empty segments, ':' and '@' are allowed) that name no route.
  ['//', 404],
  ['///', 404],
  ['//@', 404],
  ['//:99999', 404],
  // Not valid request targets.
  ['//[', 400],
  ['//[::1', 400],
  ['http://[', 400],
  ['http://a:99999/', 400],
];

let store: GraphStore;
let api: ApiConfig;
let server: RunningServer;
let port: number;
let base: string;
const log = capturedLogger();

beforeAll(async () => {
  store = await seededStore();
  // As `NODE_ENV=production claimgraph serve` configures it, with nothing else set, but without the
  // explorer's static pages (whether dist/app is built must not change what `/` answers here; they
  // are tested in test/api/http.test.ts), so that every answer is JSON.
  api = loadApiConfig({ NODE_ENV: 'production' });
  server = await startHttpServer(store, 0, '127.0.0.1', { api, logger: log.logger, appDir: null });
  base = server.url.replace(/\/graphql$/, '');
  port = Number(new URL(base).port);
});
afterAll(async () => {
  await server.stop();
  await store.close();
});

/** Throws unless the server answers /health and a GraphQL query. */
async function expectStillServing(after: string): Promise<void> {
  const health = await rawRequest(port, requestLine('GET', '/health')).catch((error: unknown) => {
    throw new Error(`after ${after}: /health did not answer: ${String(error)}`);
  });
  if (health.status !== 200 || health.body !== '{"status":"ok"}') throw new Error(`after ${after}: /health answered ${health.status} ${health.body}`);
  const query = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ sources(first: 1) { totalCount } }' }) });
  const body = (await query.text()).trim();
  if (query.status !== 200 || body !== '{"data":{"sources":{"totalCount":19}}}') throw new Error(`after ${after}: the GraphQL query answered ${query.status} ${body}`);
}

/** Throws unless `res` is an answer to a client's mistake or a route's own answer: never a 5xx, always JSON. */
function expectClientAnswer(res: RawResponse, what: string, method = 'GET'): void {
  if (res.status >= 500) throw new Error(`${what}: a server error ${res.status} ${res.body}`);
  if (method === 'HEAD' || res.status === 204) return;
  if (!/^application\/(graphql-response\+)?json/.test(res.headers['content-type'] ?? '')) throw new Error(`${what}: not JSON: ${res.headers['content-type']} ${res.body}`);
  const body = JSON.parse(res.body) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  if (res.status === 400 || res.status === 405) {
    const error = body.errors?.[0];
    if (typeof error?.message !== 'string' || typeof error.extensions?.code !== 'string') throw new Error(`${what}: ${res.status} without a coded error: ${res.body}`);
  }
}

/** The log lines of server errors: nothing a client sends may produce one. */
const serverErrorLines = () => log.lines.filter((l) => Number(l.level) >= 50 || 'err' in l);

it('runs in production mode, as NODE_ENV=production sets it', async () => {
  expect(api.production).toBe(true);
  expect([api.console, api.introspection]).toEqual([false, false]);
  expect((await rawRequest(port, requestLine('GET', '/console'))).status).toBe(404);
  expect((await rawRequest(port, requestLine('GET', '/'))).status).toBe(404);
});

it.each(ISSUE_TARGETS)('GET %s gets %i, and the server goes on serving', async (target, status) => {
  const res = await rawRequest(port, requestLine('GET', target));
  expectClientAnswer(res, `GET ${target}`);
  expect(res.status).toBe(status);
  if (status === 400) {
    const { errors } = JSON.parse(res.body) as { errors: { message: string; extensions: { code: string } }[] };
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    // It says what was expected and what came.
    expect(errors[0]?.message).toMatch(/expected .*, got /);
    expect(errors[0]?.message).toContain(JSON.stringify(target));
  }
  await expectStillServing(`GET ${target}`);
  expect(serverErrorLines()).toEqual([]);
});

it('routes on the path of an absolute-form target, and answers OPTIONS * and CONNECT without touching a route', async () => {
  const absolute = await rawRequest(port, requestLine('GET', 'http://claimgraph.test/health'));
  expect([absolute.status, absolute.body]).toEqual([200, '{"status":"ok"}']);
  const asterisk = await rawRequest(port, requestLine('OPTIONS', '*'));
  expect([asterisk.status, asterisk.headers.allow]).toEqual([204, 'GET, POST']);
  const connectForm = await rawRequest(port, requestLine('CONNECT', 'claimgraph.test:443'));
  expect([connectForm.status, connectForm.headers.allow]).toEqual([405, 'GET, POST']);
  const badConnect = await rawRequest(port, requestLine('CONNECT', 'claimgraph.test:99999'));
  expect(badConnect.status).toBe(400);
  const asteriskGet = await rawRequest(port, requestLine('GET', '*'));
  expect(asteriskGet.status).toBe(400);
  for (const [what, res] of Object.entries({ connectForm, badConnect, asteriskGet })) expectClientAnswer(res, what);
  await expectStillServing('OPTIONS * and CONNECT');
});

it('answers a request line the HTTP parser refuses with a coded JSON 400', async () => {
  const res = await rawRequest(port, requestLine('GET', '/caf\u00e9'));
  expect(res.status).toBe(400);
  expect(JSON.parse(res.body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  await expectStillServing('a target with a raw non-ASCII byte');
});

/** Requests whose headers or body are malformed: each gets a coded 4xx, none stops the server. */
const MALFORMED: [what: string, request: string, status: number][] = [
  ['no Host header', 'GET /health HTTP/1.1\r\nConnection: close\r\n\r\n', 400],
  ['two Host headers', 'GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n', 400],
  ['a header line without a colon', 'GET /health HTTP/1.1\r\nHost: x\r\nnonsense\r\n\r\n', 400],
  ['a control character in a header value', 'GET /health HTTP/1.1\r\nHost: x\r\nx-a: b\u0001c\r\n\r\n', 400],
  ['a space before the colon', 'GET /health HTTP/1.1\r\nHost : x\r\n\r\n', 400],
  ['an obsolete folded header', 'GET /health HTTP/1.1\r\nHost: x\r\nx-a: b\r\n c\r\n\r\n', 400],
  ['two different Content-Lengths', 'POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\n{}', 400],
  ['a Content-Length that is not a number', 'POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-length: 1e3\r\n\r\n', 400],
  ['Content-Length and Transfer-Encoding together', 'POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-length: 2\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n', 400],
  ['an unknown HTTP version', 'GET /health HTTP/9.9\r\nHost: x\r\n\r\n', 400],
  ['an unknown method', 'FROB /health HTTP/1.1\r\nHost: x\r\n\r\n', 400],
  ['a bare LF request line', 'GET /health HTTP/1.1\nHost: x\n\n', 400],
  ['headers over the size limit', `GET /health HTTP/1.1\r\nHost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
  ['a body that is not JSON', 'POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 3\r\nConnection: close\r\n\r\n{"q', 400],
];

it.each(MALFORMED)('answers %s with a coded 4xx, and goes on serving', async (what, request, status) => {
  const res = await rawRequest(port, request);
  expect(res.status).toBe(status);
  expectClientAnswer(res, what);
  expect(JSON.parse(res.body)).toMatchObject({ errors: [{ message: expect.stringMatching(/expected /), extensions: { code: expect.any(String) } }] });
  await expectStillServing(what);
  expect(serverErrorLines()).toEqual([]);
});

// ---------------------------------------------------------------------------
// Generated request lines, over RFC 9112 section 3.2 and RFC 3986's grammar,
// with the mistakes a parser trips on mixed in.

const chars = (alphabet: string, maxLength: number) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((cs) => cs.join(''));
const UNRESERVED = 'abcxyzABZ019-._~';
const SUB_DELIMS = "!$&'()*+,;=";
const pctEncoded = fc.oneof(
  fc.constantFrom('%41', '%2F', '%2f', '%00', '%25', '%C3%A9', '%5B', '%40', '%3A'),
  // Broken escapes.
  fc.constantFrom('%', '%4', '%zz', '%%', '%G0'),
);
/** Characters outside the grammar, some of which Node's parser lets through. */
const stray = fc.constantFrom('[', ']', '{', '}', '|', '\\', '^', '`', '"', '<', '>', '#', ' ', '\t', '\u0000', '\u007f', 'é', '\u00ff', '€', '😀', '\ud800');
const segment = fc.array(fc.oneof({ weight: 6, arbitrary: chars(UNRESERVED + SUB_DELIMS + ':@', 6) }, { weight: 2, arbitrary: pctEncoded }, { weight: 1, arbitrary: stray }, { weight: 1, arbitrary: fc.constantFrom('.', '..') }), { maxLength: 3 }).map((parts) => parts.join(''));
const path = fc.array(segment, { maxLength: 4 }).map((segments) => segments.map((s) => `/${s}`).join(''));
const routePath = fc.constantFrom('/graphql', '/health', '/ready', '/', '//graphql', '/graphql/', '/%67raphql');
const query = fc.option(
  fc.oneof(
    chars(UNRESERVED + SUB_DELIMS + ':@/?', 12),
    fc.constantFrom('query=%7B__typename%7D', 'query={__typename}', 'query=%', 'a=%zz&b', '??', '&&=='),
    fc.tuple(chars(UNRESERVED, 4), stray).map(([a, b]) => a + b),
  ),
  { nil: undefined },
).map((q) => (q === undefined ? '' : `?${q}`));
const portText = fc.oneof(
  fc.constant(''),
  fc.integer({ min: 0, max: 65535 }).map(String),
  fc.constantFrom('99999', '65536', '000080', '-1', '1e3', 'x', '80:80', '4294967297', ' 80'),
);
const ipv6 = fc.constantFrom('::1', '::', '2001:db8::1', 'fe80::1%25eth0', '::ffff:127.0.0.1', 'v1.x', 'vz.x', '1:2:3:4:5:6:7:8:9', 'g::1', '');
const host = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('claimgraph.test', 'localhost', 'a', '127.0.0.1', '256.1.1.1', 'xn--caf-dma.test', '') },
  { weight: 2, arbitrary: ipv6.map((ip) => `[${ip}]`) },
  // Unclosed, unopened and doubled brackets.
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('[', ']', '[[', '[]', '[::1', '::1]', '[::1]]'), chars(UNRESERVED, 3)).map(([b, s]) => b + s) },
  { weight: 2, arbitrary: fc.tuple(chars(UNRESERVED + SUB_DELIMS, 8), fc.option(fc.oneof(pctEncoded, stray), { nil: '' })).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.constantFrom('café.test', 'ü', '例え.jp', '☃.net') },
);
const userinfo = fc.constantFrom('', '', '', 'u@', 'u:p@', '@', '@@', ':@', 'a%40b@');
const authority = fc.tuple(userinfo, host, fc.option(portText, { nil: undefined })).map(([u, h, p]) => `${u}${h}${p === undefined ? '' : `:${p}`}`);
const scheme = fc.constantFrom('http', 'https', 'HTTP', 'hTtPs', 'ftp', 'mailto', 'h', '1http', 'http+x', '');

const target = fc.oneof(
  // origin-form: absolute-path [ "?" query ]
  { weight: 4, arbitrary: fc.tuple(fc.oneof(path, routePath), query).map(([p, q]) => (p === '' ? `/${q}` : p + q)) },
  // absolute-form: absolute-URI, and what lies next to it
  { weight: 4, arbitrary: fc.tuple(scheme, fc.constantFrom('://', ':', ':/', ':///', '//'), authority, fc.oneof(path, routePath), query).map(([s, sep, a, p, q]) => s + sep + a + p + q) },
  // scheme-relative forms: a network-path reference is not a request target, but WHATWG parses it as one
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('//', '///', '\\\\', '/\\'), authority, path, query).map(([s, a, p, q]) => s + a + p + q) },
  // authority-form: uri-host ":" port
  { weight: 2, arbitrary: authority },
  // asterisk-form
  { weight: 1, arbitrary: fc.constantFrom('*', '**', '*/', '/*', '*?x', '*:80') },
  // anything at all, short of a line break
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }).map((s) => s.replace(/[\r\n]/g, '')).filter((s) => s !== '') },
);
const method = fc.constantFrom('GET', 'GET', 'GET', 'POST', 'OPTIONS', 'CONNECT', 'HEAD', 'PUT', 'DELETE');

/** Which part of the server answered: Node's parser refused the line, our target parser refused it, or a route answered. */
function answeredBy(res: RawResponse): 'parser' | 'target' | 'route' {
  if (res.body.includes('"Malformed request: ')) return 'parser';
  if (res.body.includes('"Bad request target: ')) return 'target';
  return 'route';
}

it('answers 200 generated request lines as a client error or a route, and goes on serving after each', async () => {
  const tally = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(method, target, async (m, t) => {
      const what = `${m} ${summarize(t)}`;
      const res = await rawRequest(port, requestLine(m, t));
      const key = `${answeredBy(res)} ${res.status}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
      expectClientAnswer(res, what, m);
      await expectStillServing(what);
    }),
    { numRuns: 200 },
  );
  console.log(`http-targets: 200 generated request lines, answered by ${JSON.stringify(Object.fromEntries([...tally].sort()))}`);
  // All three came up: lines the HTTP parser refused, targets ours refused, and targets routed.
  const by = (who: string) => [...tally].filter(([key]) => key.startsWith(who)).reduce((n, [, count]) => n + count, 0);
  expect([by('parser'), by('target'), by('route')].every((n) => n > 0)).toBe(true);
  expect(serverErrorLines()).toEqual([]);
  expect(server.server.listening).toBe(true);
}, 60_000);

// ---------------------------------------------------------------------------
// Client errors are logged as such.

it('refuses a subscription (the schema has none) as a validation error, logged at info without a stack', async () => {
  const before = log.lines.length;
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'sub-1' },
    body: JSON.stringify({ query: 'subscription { claims { totalCount } }' }),
  });
  const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
  expect(res.status).toBe(400);
  expect(body.errors).toEqual([{ message: expect.stringMatching(/expected a query or a mutation, got a subscription/), locations: expect.anything(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  await expectStillServing('a subscription');
  const lines = log.lines.slice(before).filter((l) => l.reqId === 'sub-1');
  expect(lines.map((l) => [l.level, l.msg])).toEqual([[30, 'request']]);
  expect(lines[0]).toMatchObject({ status: 400, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
  expect(serverErrorLines()).toEqual([]);
});

it('refuses a persisted query whose hash does not match as BAD_REQUEST, logged at info without a stack', async () => {
  const before = log.lines.length;
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'apq-1' },
    body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }),
  });
  expect([res.status, await res.json()]).toEqual([400, { errors: [{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }] }]);
  const lines = log.lines.slice(before).filter((l) => l.reqId === 'apq-1');
  expect(lines.map((l) => [l.level, l.msg, l.errorCodes])).toEqual([[30, 'request', ['BAD_REQUEST']]]);
  expect(serverErrorLines()).toEqual([]);
});

it('logs a bad target and a malformed request line at info, without a stack', async () => {
  const before = log.lines.length;
  await rawRequest(port, `GET //[ HTTP/1.1\r\nHost: x\r\nx-request-id: bad-target-1\r\nConnection: close\r\n\r\n`);
  await rawRequest(port, requestLine('GET', '/\u0001'));
  const lines = log.lines.slice(before);
  const refused = lines.find((l) => l.reqId === 'bad-target-1');
  expect(refused).toMatchObject({ level: 30, msg: 'request', status: 400, target: '//[', errorCodes: ['BAD_USER_INPUT'] });
  expect(lines.some((l) => l.level === 30 && l.msg === 'malformed request' && l.code === 'HPE_INVALID_URL')).toBe(true);
  expect(serverErrorLines()).toEqual([]);
});

it('answers a body the HTTP parser refuses with a coded JSON 400, logged at info without a stack', async () => {
  const before = log.lines.length;
  const res = await rawRequest(
    port,
    'POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nx-request-id: chunk-1\r\n\r\n5\r\n{"que\r\nzz\r\n',
  );
  expect(res.status).toBe(400);
  expect(JSON.parse(res.body)).toMatchObject({ errors: [{ message: expect.stringMatching(/^Malformed request: .*HPE_INVALID_CHUNK_SIZE/), extensions: { code: 'BAD_USER_INPUT' } }] });
  await expectStillServing('a bad chunk');
  expect(log.lines.slice(before).some((l) => l.msg === 'malformed request' && l.level === 30 && l.code === 'HPE_INVALID_CHUNK_SIZE')).toBe(true);
  expect(serverErrorLines()).toEqual([]);
});

it('logs a client that goes away in the middle of its body at info, without a stack', async () => {
  const before = log.lines.length;
  await new Promise<void>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\nx-request-id: gone-1\r\n\r\n{"query":');
      setTimeout(() => socket.destroy(), 50);
    });
    socket.on('close', () => resolve());
  });
  const deadline = Date.now() + 5_000;
  while (!log.lines.slice(before).some((l) => l.reqId === 'gone-1' && l.msg === 'request') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const lines = log.lines.slice(before).filter((l) => l.reqId === 'gone-1');
  expect(lines.map((l) => [l.level, l.msg]).sort()).toEqual([
    [30, 'request'],
    [30, 'the request broke off before its body ended'],
  ]);
  expect(lines.find((l) => l.msg === 'request')).toMatchObject({ aborted: true });
  await expectStillServing('a client that went away');
  expect(serverErrorLines()).toEqual([]);
});

// ---------------------------------------------------------------------------
// The reproduction of issue 14: the built server, in its own process.

describe('`NODE_ENV=production claimgraph serve`', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  let dir: { path: string; remove: () => void } | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    dir?.remove();
  });

  it("answers every target of the issue and goes on serving, with nothing logged as the server's error", async () => {
    buildCliOnce();
    dir = tempDir('cg-targets-');
    const logs: Record<string, unknown>[] = [];
    let stderr = '';
    let partial = '';
    // PORT=0 only so the test finds a free port; the rest is as the issue ran it.
    child = spawn(process.execPath, [CLI, 'serve'], { cwd: ROOT, env: cliEnv(dir.path, { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1' }), stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts.filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child?.on('close', (code, signal) => resolve({ code, signal })));
    const deadline = Date.now() + 20_000;
    while (!logs.some((l) => l.msg === 'serving GraphQL')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not start: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const started = logs.find((l) => l.msg === 'serving GraphQL');
    expect(started).toMatchObject({ production: true });
    const childPort = Number(new URL(String(started?.url)).port);

    for (const [target, status] of ISSUE_TARGETS) {
      const res = await rawRequest(childPort, requestLine('GET', target));
      expect([target, res.status]).toEqual([target, status]);
      const health = await rawRequest(childPort, requestLine('GET', '/health'));
      expect([target, health.status]).toEqual([target, 200]);
    }
    expect(child.exitCode).toBeNull();
    expect(stderr).toBe('');
    expect(logs.filter((l) => Number(l.level) >= 50)).toEqual([]);

    // And it stops as production servers are stopped: gracefully, on SIGTERM, exiting 0.
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(logs.map((l) => l.msg).slice(-2)).toEqual(['stopping: no new connections; finishing in-flight requests', 'stopped']);
  }, 90_000);
});
