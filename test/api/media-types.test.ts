/**
 * What a POST to /graphql must declare and send (issue 15): media types
 * compared as RFC 9110 says (case-insensitive, exact), and bodies in UTF-8,
 * refused with the byte offset otherwise. The same rule for the CLI's files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { startHttpServer, type RunningServer } from '../../src/api/server';
import { InputError, readBundleJson } from '../../src/cli/bundle-files';
import type { GraphStore } from '../../src/store/port';
import { utf8Problem } from '../../src/utf8';
import { emptyStore } from '../helpers';

let store: GraphStore;
let server: RunningServer;
beforeAll(async () => {
  store = await emptyStore();
  server = await startHttpServer(store, 0, '127.0.0.1', { appDir: null });
});
afterAll(async () => {
  await server.stop();
  await store.close();
});

const post = async (contentType: string, body: string | Buffer = JSON.stringify({ query: '{ __typename }' })) => {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] } };
};

describe('the Content-Type of a POST', () => {
  it.each(['application/json', 'APPLICATION/JSON', 'Application/Json; charset=UTF-8', 'application/json;charset="utf-8"'])('accepts %p', async (type) => {
    expect(await post(type)).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it.each(['application/jsonp', 'application/json-patch+json', 'application/jsonx; charset=utf-8', 'application/graphql'])('refuses %p with 415, saying what it expects', async (type) => {
    const { status, body } = await post(type);
    expect([status, body.errors?.[0]?.message, body.errors?.[0]?.extensions.code]).toEqual([415, `Unsupported Content-Type: expected application/json, got ${JSON.stringify(type)}.`, 'BAD_REQUEST']);
  });

  it('refuses JSON declared in another charset', async () => {
    const { status, body } = await post('application/json; charset=latin1');
    expect([status, body.errors?.[0]?.message]).toEqual([415, expect.stringMatching(/^Unsupported charset: expected application\/json in UTF-8/)]);
  });

  it('still lets CSRF prevention answer a simple-request type', async () => {
    const { status, body } = await post('text/plain');
    expect([status, body.errors?.[0]?.message]).toEqual([400, expect.stringMatching(/Cross-Site Request Forgery/)]);
  });
});

describe('bytes that are not UTF-8', () => {
  // "Café" in Latin-1: 0xE9 where UTF-8 wants two bytes.
  const latin1 = Buffer.concat([Buffer.from('{"query":"{ __typename }","variables":{"id":"Caf'), Buffer.from([0xe9]), Buffer.from('"}}')]);

  it('in an HTTP body are refused with the byte offset, not read as U+FFFD', async () => {
    const { status, body } = await post('application/json', latin1);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toEqual({
      message: expect.stringMatching(/^The request body is not UTF-8: byte 0xE9 at offset 48 \(line 1, column 49\) starts no valid UTF-8 sequence/),
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('in a bundle file or on stdin are refused with the byte offset (exit 1: invalid input)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-utf8-'));
    try {
      const file = join(dir, 'latin1.json');
      writeFileSync(file, Buffer.concat([Buffer.from('{\n  "format": "claimgraph-bundle", "version": 2,\n  "sources": [{"id": "src-caf'), Buffer.from([0xe9]), Buffer.from('"}]\n}\n')]));
      const read = readBundleJson({ label: 'latin1.json', path: file });
      await expect(read).rejects.toBeInstanceOf(InputError);
      await expect(read).rejects.toThrow(/^latin1\.json is not UTF-8: byte 0xE9 at offset 78 \(line 3, column 30\) starts no valid UTF-8 sequence/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are found exactly where a strict decoder fails (overlong forms, surrogates, truncated sequences)', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const strictOk = (bytes: Uint8Array) => {
      try {
        decoder.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const p = utf8Problem(bytes);
        expect(p === null).toBe(strictOk(bytes));
        // The bytes before the offset decode on their own, and the byte named is there.
        if (p !== null) {
          expect(strictOk(bytes.subarray(0, p.offset))).toBe(true);
          expect(bytes[p.offset]).toBe(p.byte);
        }
      }),
      { numRuns: 2000 },
    );
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) expect(utf8Problem(Uint8Array.from(bad))).toEqual({ offset: 0, byte: bad[0] });
  });
});
