import { readdirSync, readFileSync } from 'node:fs';
import { buildASTSchema, parse, validate } from 'graphql';
import { join } from 'node:path';
import { Parser, type Quad } from 'n3';
import { loadTypeDefs } from '../../src/api/schema';
import { startHttpServer, type RunningServer } from '../../src/api/server';
import { loadApiConfig } from '../../src/config';
import { projectRoot } from '../../src/paths';
import type { GraphStore } from '../../src/store/port';
import { seededStore } from '../helpers';

/*
 * Every GraphQL example of the README, sent as printed to a running server on
 * the seed, and its answer compared with the README's excerpt. An excerpt
 * matches the answer, or says what it leaves out, in the forms the README
 * uses:
 *
 *   - a string ending in "…" stands for any string that begins with it;
 *   - a last array item "… <words>" stands for the items left out after it;
 *   - a Turtle excerpt is a subset of the answer's triples, and the text
 *     after it says "excerpt".
 *
 * An example with variables shows them in a ```json block that comes right
 * after it and starts with "// variables"; a mutation runs as the editor the
 * example's own text names, with CLAIMGRAPH_AUTH=off, as the example says.
 */

const README = readFileSync(join(projectRoot(), 'README.md'), 'utf8');

interface Example {
  line: number;
  query: string;
  variables: Record<string, unknown>;
  answer: { lang: 'json' | 'turtle'; text: string } | null;
  /** The prose after the example, up to the next heading. */
  after: string;
}

function examples(): Example[] {
  const blocks: { lang: string; text: string; line: number; end: number }[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```\n/gm;
  for (let m = fence.exec(README); m !== null; m = fence.exec(README)) {
    blocks.push({ lang: m[1]!, text: m[2]!, line: README.slice(0, m.index).split('\n').length, end: m.index + m[0].length });
  }
  const found: Example[] = [];
  blocks.forEach((b, i) => {
    if (b.lang !== 'graphql') return;
    let j = i + 1;
    let variables: Record<string, unknown> = {};
    const adjacent = (k: number) => blocks[k] !== undefined && blocks[k]!.line === README.slice(0, blocks[k - 1]!.end).split('\n').length;
    if (adjacent(j) && blocks[j]!.lang === 'json' && blocks[j]!.text.startsWith('// variables')) {
      variables = JSON.parse(blocks[j]!.text.replace(/^\/\/ variables.*\n/, '')) as Record<string, unknown>;
      j += 1;
    }
    const answer = adjacent(j) && (blocks[j]!.lang === 'json' || blocks[j]!.lang === 'turtle') ? { lang: blocks[j]!.lang as 'json' | 'turtle', text: blocks[j]!.text } : null;
    const last = answer === null ? blocks[j - 1]! : blocks[j]!;
    const rest = README.slice(last.end);
    found.push({ line: b.line, query: b.text, variables, answer, after: rest.slice(0, rest.search(/^#/m) === -1 ? undefined : rest.search(/^#/m)) });
  });
  return found;
}

/** Where `got` differs from the excerpt `want`, or null when it matches. */
function differs(want: unknown, got: unknown, path: string): string | null {
  if (typeof want === 'string' && want.endsWith('…')) {
    return typeof got === 'string' && got.startsWith(want.slice(0, -1)) ? null : `${path}: expected a string beginning ${JSON.stringify(want.slice(0, -1))}, got ${JSON.stringify(got)}`;
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return `${path}: expected a list, got ${JSON.stringify(got)}`;
    const elided = want.length > 0 && typeof want.at(-1) === 'string' && (want.at(-1) as string).startsWith('… ');
    const shown = elided ? want.slice(0, -1) : want;
    if (elided ? got.length <= shown.length : got.length !== shown.length) return `${path}: expected ${elided ? 'more than ' : ''}${shown.length} items, got ${got.length}`;
    for (let i = 0; i < shown.length; i++) {
      const d = differs(shown[i], got[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (typeof want === 'object' && want !== null) {
    if (typeof got !== 'object' || got === null || Array.isArray(got)) return `${path}: expected an object, got ${JSON.stringify(got)}`;
    const keys = Object.keys(want);
    if (JSON.stringify(keys.sort()) !== JSON.stringify(Object.keys(got).sort())) return `${path}: expected the fields ${keys.join(', ')}, got ${Object.keys(got).join(', ')}`;
    for (const k of keys) {
      const d = differs((want as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], `${path}.${k}`);
      if (d !== null) return d;
    }
    return null;
  }
  return want === got ? null : `${path}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
}

const triples = (text: string): Set<string> =>
  new Set(new Parser({ format: 'text/turtle' }).parse(text).map((q: Quad) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}`));

let store: GraphStore;
let server: RunningServer;
beforeAll(async () => {
  store = await seededStore();
  server = await startHttpServer(store, 0, '127.0.0.1', { api: loadApiConfig({ CLAIMGRAPH_AUTH: 'off' }) });
});
afterAll(async () => {
  await server.stop();
  await store.close();
});

const all = examples();

it('finds the README\'s GraphQL examples', () => {
  expect(all.length).toBeGreaterThanOrEqual(10);
});

it.each(all.map((e) => [e.line, e] as const))('the example at README.md line %i runs as printed, and its answer matches or says what it leaves out', async (_, example) => {
  const mutation = /^\s*mutation\b/m.test(example.query);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (mutation) {
    // The README states at the example how it runs: the key it sends, or CLAIMGRAPH_AUTH=off with the editor it names.
    expect(example.after + example.query).toMatch(/CLAIMGRAPH_AUTH=off|Authorization: Bearer/);
    headers['x-claimgraph-editor'] = 'alice@example.org';
  }
  const res = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query: example.query, variables: example.variables }) });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  if (example.answer === null) return;
  if (example.answer.lang === 'turtle') {
    const field = (body.data as { claim: { provenance: string } }).claim.provenance;
    const prefixes = field.split('\n').filter((l) => l.startsWith('@prefix')).join('\n');
    const got = triples(field);
    const missing = [...triples(`${prefixes}\n${example.answer.text}`)].filter((t) => !got.has(t));
    expect(missing).toEqual([]);
    expect(example.after).toMatch(/excerpt/);
    return;
  }
  expect(differs(JSON.parse(example.answer.text), body, '$')).toBeNull();
});

describe('the GraphQL examples of docs/', () => {
  const schema = buildASTSchema(loadTypeDefs());
  const docs = readdirSync(join(projectRoot(), 'docs')).filter((f) => f.endsWith('.md'));
  const operations = docs.flatMap((file) => {
    const text = readFileSync(join(projectRoot(), 'docs', file), 'utf8');
    // A block may hold several operations, one after the other, each starting a line.
    return [...text.matchAll(/^```graphql\n([\s\S]*?)^```/gm)].flatMap((m) => m[1]!.split(/\n(?=mutation|query|\{)/).map((op) => [file, op] as const));
  });

  it('are found', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it.each(operations)('%s: %s is valid against the schema', (_, op) => {
    expect(validate(schema, parse(op)).map((e) => e.message)).toEqual([]);
  });
});
