import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { acceptsEncoding } from '../../src/api/explorer';
import { MAX_BODY_BYTES, startHttpServer, type RunningServer } from '../../src/api/server';
import { loadApiConfig } from '../../src/config';
import type { GraphStore } from '../../src/store/port';
import { TEST_ENGINE } from '../engine';
import { seededStore } from '../helpers';

/* The API over real HTTP on a loopback port: what a client or a load balancer sees. */

let store: GraphStore;
let server: RunningServer;
let base: string;
beforeAll(async () => {
  store = await seededStore();
  server = await startHttpServer(store, 0, '127.0.0.1');
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await server.stop();
  await store.close();
});

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${base}/graphql`, { method: 'POST', headers, body });

it('answers a POSTed query with JSON', async () => {
  const res = await post(JSON.stringify({ query: '{ claim(id: "claim-al-masoud-was-civilian") { text sources { name } } }' }));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/(graphql-response\+)?json/);
  expect(await res.json()).toEqual({ data: { claim: { text: 'Khaled al-Masoud was a civilian.', sources: [{ name: 'Airwars' }] } } });
});

it('answers a GET query that carries a preflight header, and refuses one without it (CSRF prevention)', async () => {
  const url = `${base}/graphql?query=${encodeURIComponent('{ sources(first: 1) { totalCount } }')}`;
  const ok = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
  expect(await ok.json()).toEqual({ data: { sources: { totalCount: 19 } } });
  const blocked = await fetch(url);
  expect(blocked.status).toBe(400);
  expect(await blocked.text()).toMatch(/CSRF/);
});

it('rejects a body that is not JSON with 400 and says what was expected', async () => {
  const res = await post('{"query": ');
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON: expected {"query": "...", "variables": {...}}.', extensions: { code: 'BAD_REQUEST' } }] });
});

it('rejects an oversized body with 413 before parsing it', async () => {
  const res = await post(JSON.stringify({ query: `{ claims { totalCount } }`, padding: 'x'.repeat(MAX_BODY_BYTES) }));
  expect(res.status).toBe(413);
});

it('reports a NOT_FOUND over HTTP as a 200 with the error in the body (GraphQL over HTTP, application/json)', async () => {
  const res = await post(JSON.stringify({ query: '{ source(id: "nope") { id } }' }));
  const body = (await res.json()) as { data: unknown; errors: { extensions: { code: string } }[] };
  expect(res.status).toBe(200);
  expect([body.data, body.errors[0]?.extensions.code]).toEqual([{ source: null }, 'NOT_FOUND']);
});

it('serves a self-contained query console at /console (it must work offline: no external resources)', async () => {
  const res = await fetch(`${base}/console`);
  const html = await res.text();
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  expect(html).toContain("fetch('/graphql'");
  expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
});

describe('the explorer', () => {
  // An inline script of index.html, as build-app.ts writes its boot script there.
  const BOOT = 'window.booted = true;';
  let dir: string;
  let explorer: RunningServer;
  let at: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-app-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>claimgraph</title><script>${BOOT}</script><script type="module" src="/assets/main-1.js"></script>`);
    writeFileSync(join(dir, 'assets', 'main-1.js'), 'console.log("x".repeat(100));');
    // As build-app.ts writes it beside each file it serves.
    writeFileSync(join(dir, 'assets', 'main-1.js.br'), brotliCompressSync('console.log("x".repeat(100));'));
    explorer = await startHttpServer(store, 0, '127.0.0.1', { api: loadApiConfig({ NODE_ENV: 'production' }), appDir: dir });
    at = explorer.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await explorer.stop();
    rmSync(dir, { recursive: true });
  });

  it('serves the built app at / in production too, confined to this server by its CSP, while the console is off', async () => {
    const page = await fetch(`${at}/`);
    expect([page.status, page.headers.get('content-type'), page.headers.get('cache-control')]).toEqual([200, 'text/html; charset=utf-8', 'no-cache']);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*connect-src 'self'/);
    expect(await page.text()).toContain('/assets/main-1.js');
    expect((await fetch(`${at}/console`)).status).toBe(404);
  });

  it("allows the page's own inline script by its hash, and no other inline script", async () => {
    const policy = (await fetch(`${at}/`)).headers.get('content-security-policy') ?? '';
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe(`script-src 'self' 'sha256-${createHash('sha256').update(BOOT).digest('base64')}'`);
  });

  it('serves its hashed assets for good, gzipped when asked, and nothing else under /assets', async () => {
    const script = await fetch(`${at}/assets/main-1.js`);
    expect([script.status, script.headers.get('content-type'), script.headers.get('cache-control')]).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
    expect(await script.text()).toBe('console.log("x".repeat(100));');
    // fetch asks for gzip by itself and undoes it: the header says it came compressed.
    expect(script.headers.get('content-encoding')).toBe('gzip');
    for (const path of ['/assets/nope.js', '/assets/', '/assets/../index.html', '/index.html', '/assets/main-1.js.br']) {
      const res = await fetch(`${at}${path}`);
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 404, 'application/json; charset=utf-8']);
    }
  });

  it("sends the build's brotli form of an asset to a browser that accepts brotli, gzip to one that only accepts gzip, and the file as it is to one that refuses both", async () => {
    const as = async (acceptEncoding: string) => {
      const res = await fetch(`${at}/assets/main-1.js`, { headers: { 'accept-encoding': acceptEncoding } });
      // fetch undoes the coding: the body must be the script whichever came.
      return [res.headers.get('content-encoding'), await res.text()];
    };
    const script = 'console.log("x".repeat(100));';
    expect(await as('gzip, deflate, br, zstd')).toEqual(['br', script]);
    expect(await as('gzip, br;q=0')).toEqual(['gzip', script]);
    expect(await as('identity')).toEqual([null, script]);
    // index.html has no brotli form in this build: gzip it is.
    expect((await fetch(`${at}/`, { headers: { 'accept-encoding': 'br, gzip' } })).headers.get('content-encoding')).toBe('gzip');
  });

  it('reads Accept-Encoding by its weights: q=0 refuses a coding, * stands for those not named, and no header means none', () => {
    expect(acceptsEncoding('gzip;q=0, br', 'gzip')).toBe(false);
    expect(acceptsEncoding('GZIP; Q=0.5', 'gzip')).toBe(true);
    expect(acceptsEncoding('*', 'br')).toBe(true);
    expect(acceptsEncoding('*;q=0, gzip', 'br')).toBe(false);
    expect(acceptsEncoding(undefined, 'gzip')).toBe(false);
  });

  describe("a claim's permalink, /claims/<id>", () => {
    // As build-app.ts writes them: the app's own first operations, each taking the claim's id as $id.
    const OPERATIONS = [
      { query: 'query ClaimText($id: ID!) { claim(id: $id) { recordId text } }', variables: { id: '' } },
      // Answers whatever the id: its variables carry the id into the page as given.
      { query: 'query ClaimsNamed($id: String!) { claims(search: $id, first: 1) { totalCount } }', variables: { id: '' } },
    ];
    let permalinked: RunningServer;
    let url: string;
    beforeAll(async () => {
      writeFileSync(join(dir, 'index.html'), `<!doctype html><title>claimgraph</title><script>${BOOT}</script><script type="module" src="/assets/main-1.js"></script><body><div id="app"></div></body></html>`);
      writeFileSync(join(dir, 'claim-page-operations.json'), JSON.stringify(OPERATIONS));
      permalinked = await startHttpServer(store, 0, '127.0.0.1', { api: loadApiConfig({ NODE_ENV: 'production' }), appDir: dir });
      url = permalinked.url.replace(/\/graphql$/, '');
    });
    afterAll(async () => {
      await permalinked.stop();
    });
    const embedded = (html: string): unknown => JSON.parse(/<script type="application\/json" id="claimgraph-answers">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null');

    it("serves the app with the claim's first answers in it, as the API answers them, under the page's own CSP", async () => {
      const res = await fetch(`${url}/claims/claim-al-masoud-was-civilian`);
      const html = await res.text();
      expect([res.status, res.headers.get('content-type'), res.headers.get('content-security-policy')]).toEqual([200, 'text/html; charset=utf-8', (await fetch(`${url}/`)).headers.get('content-security-policy')]);
      const variables = { id: 'claim-al-masoud-was-civilian' };
      const ask = async (query: string) => ((await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json()) as { data: unknown }).data;
      const api = { data: await ask(OPERATIONS[0]!.query) };
      expect(embedded(html)).toEqual([
        { query: OPERATIONS[0]!.query, variables, data: api.data },
        { query: OPERATIONS[1]!.query, variables, data: await ask(OPERATIONS[1]!.query) },
      ]);
      expect(api.data).toEqual({ claim: { recordId: 'claim-al-masoud-was-civilian', text: 'Khaled al-Masoud was a civilian.' } });
      expect(html).toMatch(/<\/script>\n<\/body><\/html>$/);
    });

    it('decodes the id, leaves out a missing claim (NOT_FOUND: the app asks, and shows the API message), and answers a malformed id 404', async () => {
      const missing = await fetch(`${url}/claims/${encodeURIComponent('no such/claim')}`);
      expect([missing.status, embedded(await missing.text())]).toEqual([200, [{ query: OPERATIONS[1]!.query, variables: { id: 'no such/claim' }, data: { claims: { totalCount: 0 } } }]]);
      for (const path of ['/claims/%FF', '/claims/', '/claims/a/b']) expect([path, (await fetch(`${url}${path}`)).status]).toEqual([path, 404]);
    });

    it('escapes the answers so that no text in the graph can end their script element or start a script', async () => {
      const res = await fetch(`${url}/claims/${encodeURIComponent('</script><script>alert(1)</script>')}`);
      const html = await res.text();
      expect(html).not.toContain('<script>alert(1)');
      expect(embedded(html)).toEqual([{ query: OPERATIONS[1]!.query, variables: { id: '</script><script>alert(1)</script>' }, data: { claims: { totalCount: 0 } } }]);
    });

    it('leaves out an answer that errs: the app asks for it itself, and shows the API message', async () => {
      writeFileSync(join(dir, 'claim-page-operations.json'), JSON.stringify([{ query: 'query Broken($id: ID!) { claim(id: $id) { noSuchField } }', variables: { id: '' } }]));
      const broken = await startHttpServer(store, 0, '127.0.0.1', { api: loadApiConfig({}), appDir: dir });
      const res = await fetch(`${broken.url.replace(/\/graphql$/, '')}/claims/claim-al-masoud-was-civilian`);
      const html = await res.text();
      await broken.stop(0);
      writeFileSync(join(dir, 'claim-page-operations.json'), JSON.stringify(OPERATIONS));
      expect([res.status, embedded(html)]).toEqual([200, []]);
    });
  });

  it('says how to build it when it is not built', async () => {
    const bare = await startHttpServer(store, 0, '127.0.0.1', { appDir: join(dir, 'missing') });
    const res = await fetch(bare.url.replace(/graphql$/, ''));
    await bare.stop();
    expect([res.status, await res.json()]).toEqual([404, { error: 'The explorer is not built: `npm run build` builds it into dist/app. GraphQL is served at /graphql.' }]);
  });
});

it('tags every response with a request id: the one the client (or a proxy) sent, else a new one', async () => {
  const given = await fetch(`${base}/health`, { headers: { 'x-request-id': 'proxy-42' } });
  expect(given.headers.get('x-request-id')).toBe('proxy-42');
  const made = await Promise.all([fetch(`${base}/nope`), post(JSON.stringify({ query: '{ __typename }' }))]);
  const ids = made.map((r) => r.headers.get('x-request-id'));
  expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(id ?? ''))).toBe(true);
  expect(ids[0]).not.toBe(ids[1]);
});

it('answers 404 with a hint for an unknown path', async () => {
  const res = await fetch(`${base}/graphq`);
  expect([res.status, await res.json()]).toEqual([404, { error: 'No route GET /graphq: GraphQL is served at /graphql.' }]);
});

// Last in the file: it closes the store the server runs on (one store at a time, as on one Neo4j database).
it('serves liveness and readiness, and readiness fails when the store is gone', async () => {
  expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
  const ready = await fetch(`${base}/ready`);
  expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', engine: TEST_ENGINE }]);

  await store.close();
  const notReady = await fetch(`${base}/ready`);
  expect([notReady.status, await notReady.json()]).toEqual([503, { status: 'unavailable', engine: TEST_ENGINE }]);
  // Liveness is the process's, not the store's.
  expect((await fetch(`${base}/health`)).status).toBe(200);
});
