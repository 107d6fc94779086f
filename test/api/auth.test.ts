import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey, hashKey, KeyRing, keyLine, MUTATION_ROLES, parseKeyEntries, presentedKey, roleOfMutation } from '../../src/api/auth';
import { startHttpServer, type RunningServer } from '../../src/api/server';
import { loadApiConfig } from '../../src/config';
import { ClaimgraphError } from '../../src/errors';
import { exportBundle } from '../../src/graph/export';
import type { GraphStore } from '../../src/store/port';
import { seededStore } from '../helpers';

/*
 * API keys and roles: the key format and its parsing, constant-time lookup,
 * and over real HTTP who may read, who may write what, what is recorded,
 * and the 401/403 a client gets otherwise.
 */

const KEYS = { reader: generateKey(), editor: generateKey(), admin: generateKey() };
const KEY_ENV = {
  CLAIMGRAPH_API_KEYS: [keyLine('reader', 'rita@example.org', KEYS.reader), keyLine('editor', 'alice@example.org', KEYS.editor), keyLine('admin', 'ops:root', KEYS.admin)].join(','),
};

describe('keys', () => {
  it('are random, prefixed, and configured by their SHA-256 only', () => {
    const a = generateKey();
    expect(a).toMatch(/^cgk_[A-Za-z0-9_-]{43}$/);
    expect(generateKey()).not.toBe(a);
    const line = keyLine('editor', 'alice@example.org', a);
    expect(line).toBe(`editor:alice@example.org:${hashKey(a).toString('hex')}`);
    expect(line).not.toContain(a);
  });

  it('parse from lines: comments and blanks skipped, the editor may hold colons', () => {
    const k = generateKey();
    const { entries, problems } = parseKeyEntries(['# ops keys', '', `  ${keyLine('admin', 'urn:ops:bob', k)}  `], 'line');
    expect(problems).toEqual([]);
    expect(entries).toEqual([{ role: 'admin', editor: 'urn:ops:bob', hash: hashKey(k) }]);
  });

  it('report each bad line with what was expected, never echoing a key pasted in place of its hash', () => {
    const pasted = generateKey();
    const { entries, problems } = parseKeyEntries(['owner:bob:' + 'a'.repeat(64), 'editor::' + 'b'.repeat(64), `editor:carol:${pasted}`, 'just-a-key'], 'line');
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      'line 1: expected a role of reader, editor, admin, got "owner"',
      'line 2: expected an editor of 1 to 100 printable characters, got a blank value',
      'line 3: expected the SHA-256 of the key as 64 hex digits, got 47 characters (this looks like a key itself: put its SHA-256 here, never the key)',
      'line 4: expected role:editor:sha256-hex (npx claimgraph key create prints one), got 10 characters with no colon',
    ]);
    expect(problems.join('\n')).not.toContain(pasted);
  });

  it('are found by the key, and no other string finds them', () => {
    const ring = new KeyRing(parseKeyEntries(KEY_ENV.CLAIMGRAPH_API_KEYS.split(','), 'entry').entries);
    expect(ring.find(KEYS.editor)).toMatchObject({ role: 'editor', editor: 'alice@example.org' });
    expect(ring.find(KEYS.admin)).toMatchObject({ role: 'admin', editor: 'ops:root' });
    expect(ring.find(KEYS.editor.slice(0, -1))).toBeNull();
    expect(ring.find(hashKey(KEYS.editor).toString('hex'))).toBeNull(); // the hash is not a key
    expect(ring.find('')).toBeNull();
  });

  it('come from Authorization: Bearer or x-api-key; a malformed or conflicting header is UNAUTHENTICATED', () => {
    expect(presentedKey({ authorization: 'Bearer abc' })).toBe('abc');
    expect(presentedKey({ authorization: 'bearer   abc ' })).toBe('abc');
    expect(presentedKey({ 'x-api-key': 'abc' })).toBe('abc');
    expect(presentedKey({ authorization: 'Bearer abc', 'x-api-key': 'abc' })).toBe('abc');
    expect(presentedKey({})).toBeNull();
    for (const headers of [{ authorization: 'Basic YWxpY2U6cHc=' }, { authorization: 'Bearer' }, { authorization: 'Bearer a b' }, { authorization: 'Bearer a', 'x-api-key': 'b' }, { authorization: ['Bearer a', 'Bearer a'] }]) {
      expect(() => presentedKey(headers)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    }
  });

  it('are read from CLAIMGRAPH_API_KEYS_FILE, and a missing or bad file is a CONFIG_INVALID naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-keys-'));
    try {
      const file = join(dir, 'keys');
      writeFileSync(file, `# claimgraph keys\n${keyLine('editor', 'alice@example.org', KEYS.editor)}\n\n${keyLine('reader', 'rita', KEYS.reader)}\n`);
      expect(loadApiConfig({ CLAIMGRAPH_API_KEYS_FILE: file }).auth.keys.map((k) => [k.role, k.editor])).toEqual([['editor', 'alice@example.org'], ['reader', 'rita']]);
      writeFileSync(file, `editor:alice:${KEYS.editor}\n`);
      const bad = (env: NodeJS.ProcessEnv) => {
        try {
          loadApiConfig(env);
        } catch (error) {
          return error as ClaimgraphError;
        }
        throw new Error('expected CONFIG_INVALID');
      };
      const pasted = bad({ CLAIMGRAPH_API_KEYS_FILE: file });
      expect([pasted.code, pasted.message]).toEqual(['CONFIG_INVALID', expect.stringContaining(`CLAIMGRAPH_API_KEYS_FILE (${file}) line 1: expected the SHA-256`)]);
      expect(pasted.message).not.toContain(KEYS.editor);
      expect(bad({ CLAIMGRAPH_API_KEYS_FILE: join(dir, 'nope') }).message).toMatch(/CLAIMGRAPH_API_KEYS_FILE: expected a readable file of keys, got ENOENT/);
      const twice = keyLine('editor', 'alice', KEYS.editor);
      expect(bad({ CLAIMGRAPH_API_KEYS: `${twice},${twice}` }).message).toMatch(/expected each key once, got the same key twice/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('roles', () => {
  it('edits need editor; delete, merge and import need admin; an unlisted mutation needs admin', () => {
    // Rejecting a possible duplicate is one editor's judgement on one pair: it rewrites no record.
    for (const edit of ['createSource', 'updateClaim', 'recordStatement', 'linkClaims', 'unlinkClaims', 'rejectDuplicate']) expect(roleOfMutation(edit)).toBe('editor');
    // Merges and set imports rewrite or redirect many records at once.
    for (const destructive of ['delete', 'mergeSources', 'mergeClaims', 'mergeEntities', 'importBundle', 'importBundles']) expect(roleOfMutation(destructive)).toBe('admin');
    expect(roleOfMutation('someFutureMutation')).toBe('admin');
    expect(Object.values(MUTATION_ROLES).every((r) => r === 'editor' || r === 'admin')).toBe(true);
  });
});

describe('over HTTP', () => {
  let store: GraphStore;
  let server: RunningServer;
  beforeEach(async () => {
    store = await seededStore();
    server = await startHttpServer(store, 0, '127.0.0.1', { api: loadApiConfig(KEY_ENV) });
  });
  afterEach(async () => {
    await server.stop();
    await store.close();
  });

  const post = (query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  const CREATE = 'mutation { createEntity(input: { name: "Keyed entity" }) { entity { id: recordId recorded { createdBy } } } }';
  const codeOf = async (res: Response) => ((await res.json()) as { errors?: { extensions: { code: string } }[] }).errors?.map((e) => e.extensions.code);

  it('lets anyone read (open read access is the default)', async () => {
    const res = await post('{ claims { totalCount } }');
    expect([res.status, await res.json()]).toEqual([200, { data: { claims: { totalCount: 34 } } }]);
  });

  it('refuses a mutation without a key with 401 UNAUTHENTICATED and a Bearer challenge, writing nothing', async () => {
    const before = await exportBundle(store);
    const res = await post(CREATE);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="claimgraph"');
    const body = await res.json();
    expect(body).toEqual({ errors: [{ message: 'The mutation createEntity needs an API key with role editor: send "Authorization: Bearer <API key>".', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(await exportBundle(store)).toEqual(before);
  });

  it('refuses an unknown key with 401 and error="invalid_token", for reads too, with no stack trace', async () => {
    for (const query of ['{ claims { totalCount } }', CREATE]) {
      const res = await post(query, bearer(generateKey()));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="claimgraph", error="invalid_token"');
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The API key is not valid: it matches no configured key.', extensions: { code: 'UNAUTHENTICATED' } }] });
      expect(text).not.toMatch(/stacktrace|\bat .*\.ts:\d+/);
    }
  });

  it("records the key's editor, not a name the client sends in x-claimgraph-editor", async () => {
    const res = await post(CREATE, { ...bearer(KEYS.editor), 'x-claimgraph-editor': 'mallory' });
    expect(await res.json()).toEqual({ data: { createEntity: { entity: { id: expect.stringMatching(/^ent-/), recorded: { createdBy: 'alice@example.org' } } } } });
  });

  it('accepts the key in x-api-key as well', async () => {
    const res = await post(CREATE, { 'x-api-key': KEYS.editor });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { createEntity: { entity: { recorded: unknown } } } }).data.createEntity.entity.recorded).toEqual({ createdBy: 'alice@example.org' });
  });

  it('refuses a reader key a mutation with 403 FORBIDDEN, and an editor key delete, merge and import', async () => {
    const before = await exportBundle(store);
    const reader = await post(CREATE, bearer(KEYS.reader));
    expect([reader.status, reader.headers.get('www-authenticate'), await codeOf(reader)]).toEqual([403, null, ['FORBIDDEN']]);
    const merge = 'mutation { mergeSources(input: { keep: "src-us-government", merge: "src-us-government-officials" }) { mergedId } }';
    const del = 'mutation { delete(input: { kind: STATEMENT, id: "st-airwars-asserts-52-incidents", confirm: "x" }) { deletedIds } }';
    const imp = 'mutation($b: JSON!) { importBundle(input: { bundle: $b }) { result { dryRun } } }';
    const mergeClaims = 'mutation { mergeClaims(input: { keep: "claim-al-masoud-was-civilian", merge: "claim-2023-drone-strike-killed-farmer" }) { mergedId } }';
    const mergeEntities = 'mutation { mergeEntities(input: { keep: "ent-damascus", merge: "ent-dumayr" }) { mergedId } }';
    const imps = 'mutation($b: [JSON!]!) { importBundles(input: { bundles: $b }) { result { dryRun } } }';
    for (const [query, variables] of [[merge, {}], [del, {}], [imp, { b: { version: 1 } }], [mergeClaims, {}], [mergeEntities, {}], [imps, { b: [{ version: 2 }] }]] as const) {
      const res = await post(query, bearer(KEYS.editor), variables);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect([res.status, body.errors[0]?.extensions.code]).toEqual([403, 'FORBIDDEN']);
      expect(body.errors[0]?.message).toMatch(/needs role admin; this key has role editor/);
    }
    expect(await exportBundle(store)).toEqual(before);
  });

  it('checks mutations selected through a fragment on Mutation', async () => {
    const res = await post('mutation { ...M } fragment M on Mutation { mergeSources(input: { keep: "src-us-government", merge: "src-us-government-officials" }) { mergedId } }', bearer(KEYS.editor));
    expect([res.status, await codeOf(res)]).toEqual([403, ['FORBIDDEN']]);
  });

  it('lets an editor key reject a possible duplicate, and refuses a reader key', async () => {
    // "Relatives" is a generic name the family also goes by: listed for an editor, never merged.
    const create = await post('mutation { createSource(input: { id: "src-relatives", name: "Relatives", kind: GROUP, anonymous: false }) { source { id: recordId } } }', bearer(KEYS.editor));
    expect(await create.json()).toEqual({ data: { createSource: { source: { id: 'src-relatives' } } } });
    const reject = 'mutation { rejectDuplicate(input: { kind: SOURCE, a: "src-relatives", b: "src-al-masoud-family" }) { possibleDuplicate { a b reason rejected } } }';
    const reader = await post(reject, bearer(KEYS.reader));
    expect([reader.status, await codeOf(reader)]).toEqual([403, ['FORBIDDEN']]);
    const editor = await post(reject, bearer(KEYS.editor));
    expect([editor.status, await editor.json()]).toEqual([200, { data: { rejectDuplicate: { possibleDuplicate: { a: 'src-al-masoud-family', b: 'src-relatives', reason: 'GENERIC_NAME', rejected: true } } } }]);
  });

  it('lets an admin key merge, recorded under its editor', async () => {
    const res = await post('mutation { mergeSources(input: { keep: "src-us-government", merge: "src-us-government-officials" }) { source { id: recordId recorded { updatedBy } } } }', bearer(KEYS.admin));
    expect(await res.json()).toEqual({ data: { mergeSources: { source: { id: 'src-us-government', recorded: expect.objectContaining({ updatedBy: 'ops:root' }) } } } });
  });
});

describe('closed reading, and no key configured', () => {
  it('with CLAIMGRAPH_READ_ACCESS=key, a read without a key is 401 and one with a reader key is answered', async () => {
    const store = await seededStore();
    const server = await startHttpServer(store, 0, '127.0.0.1', { api: loadApiConfig({ ...KEY_ENV, CLAIMGRAPH_READ_ACCESS: 'key' }) });
    try {
      const ask = (headers: Record<string, string>) =>
        fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ sources { totalCount } }' }) });
      const anonymous = await ask({});
      expect([anonymous.status, anonymous.headers.get('www-authenticate'), await anonymous.json()]).toEqual([
        401,
        'Bearer realm="claimgraph"',
        { errors: [{ message: 'This server needs an API key to answer: send "Authorization: Bearer <API key>".', extensions: { code: 'UNAUTHENTICATED' } }] },
      ]);
      expect(await (await ask({ authorization: `Bearer ${KEYS.reader}` })).json()).toEqual({ data: { sources: { totalCount: 19 } } });
    } finally {
      await server.stop();
      await store.close();
    }
  });

  it('with no key configured, reads are open and writes are refused with 403 saying how to configure a key', async () => {
    const store = await seededStore();
    const server = await startHttpServer(store, 0, '127.0.0.1', { api: loadApiConfig({}) });
    try {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-claimgraph-editor': 'alice' },
        body: JSON.stringify({ query: 'mutation { createEntity(input: { name: "X" }) { entity { id: recordId } } }' }),
      });
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect([res.status, body.errors[0]?.extensions.code]).toEqual([403, 'FORBIDDEN']);
      expect(body.errors[0]?.message).toMatch(/no API key is configured.*claimgraph key create --role editor --editor NAME.*CLAIMGRAPH_API_KEYS_FILE/);
    } finally {
      await server.stop();
      await store.close();
    }
  });

  it('refuses CLAIMGRAPH_AUTH=off with keys or in production, and CLAIMGRAPH_READ_ACCESS=key without keys', () => {
    const message = (env: NodeJS.ProcessEnv) => {
      try {
        loadApiConfig(env);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message({ ...KEY_ENV, CLAIMGRAPH_AUTH: 'off' })).toMatch(/CLAIMGRAPH_AUTH: expected "on" when API keys are configured/);
    expect(message({ CLAIMGRAPH_AUTH: 'off', NODE_ENV: 'production' })).toMatch(/CLAIMGRAPH_AUTH: expected "on" in production/);
    expect(message({ CLAIMGRAPH_READ_ACCESS: 'key' })).toMatch(/CLAIMGRAPH_READ_ACCESS: "key" needs at least one key/);
  });
});
