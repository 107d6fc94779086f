/**
 * `claimgraph export --format prov-jsonld|prov-turtle --claim ID`, run as a
 * user runs it (in-process: test/cli/in-process.ts) on a seeded embedded store;
 * the output is read back as triples with n3 (and jsonld for JSON-LD).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NS, parseJsonLd, parseTurtle, Triples } from '../analysis/rdf';
import { type CliResult, SEED_FILE, tempDir } from './build';
import { cliInProcess } from './in-process';
import { assessClaim } from '../../src/analysis/judgements';
import { openStore } from '../../src/store/open';

jest.setTimeout(60_000);

const UNDERCOVER = 'claim-al-masoud-undercover-against-is';
const OFFICIALS = 'urn:claimgraph:statement:st-officials-assert-undercover';

let tmp: { path: string; remove: () => void };
let dir: string;

function expectExit(r: CliResult, code: number): void {
  if (r.status !== code) throw new Error(`expected exit code ${code}, got ${r.status ?? r.signal}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
}

beforeAll(async () => {
  tmp = tempDir('claimgraph-export-formats-');
  dir = join(tmp.path, 'data');
  expectExit(await cliInProcess(['import', SEED_FILE], dir), 0);
}, 90_000);
afterAll(() => tmp?.remove());

describe('export --format prov-*', () => {
  test('prov-turtle writes the claim\'s attribution chain as Turtle that n3 parses', async () => {
    const r = await cliInProcess(['export', '--format', 'prov-turtle', '--claim', UNDERCOVER], dir);
    expectExit(r, 0);
    const g = new Triples(parseTurtle(r.stdout));
    expect(g.objects(OFFICIALS, `${NS.prov}wasAttributedTo`)).toEqual(['<urn:claimgraph:source:src-three-syrian-officials>']);
    expect(g.values(`urn:claimgraph:claim:${UNDERCOVER}`, `${NS.schema}text`)).toEqual([expect.stringContaining('working undercover')]);
    expect(g.objects('urn:claimgraph:source:src-three-syrian-officials', `${NS.prov}actedOnBehalfOf`)).toEqual([
      '<urn:claimgraph:source:src-syrian-interim-government>',
    ]);
    expect(r.stderr).toContain(`Exported claim ${UNDERCOVER} as PROV-O (Turtle)`);
  });

  test('prov-jsonld --out FILE gives the same triples as prov-turtle', async () => {
    const out = join(tmp.path, 'undercover.jsonld');
    expectExit(await cliInProcess(['export', '--format=prov-jsonld', '--claim', UNDERCOVER, '--out', out], dir), 0);
    const jsonld = new Triples(await parseJsonLd(readFileSync(out, 'utf8')));
    const turtle = new Triples(parseTurtle((await cliInProcess(['export', '--format', 'prov-turtle', '--claim', UNDERCOVER], dir)).stdout));
    expect(jsonld.lines()).toEqual(turtle.lines());
    expect(jsonld.lines().length).toBeGreaterThan(20);
  });

  test('--base names the records under another IRI', async () => {
    const r = await cliInProcess(['export', '--format', 'prov-turtle', '--claim', UNDERCOVER, '--base', 'https://example.org/id/'], dir);
    expectExit(r, 0);
    const g = new Triples(parseTurtle(r.stdout));
    expect(g.objects('https://example.org/id/statement:st-officials-assert-undercover', `${NS.prov}wasAttributedTo`)).toEqual([
      '<https://example.org/id/source:src-three-syrian-officials>',
    ]);
  });

  test('the default format is still a bundle', async () => {
    const r = await cliInProcess(['export', '--document', 'doc-dumayr-report'], dir);
    expectExit(r, 0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'claimgraph-bundle', version: 2 });
  });

  test('an unknown claim exits 1, naming it, and writes nothing to stdout', async () => {
    const r = await cliInProcess(['export', '--format', 'prov-turtle', '--claim', 'claim-nope'], dir);
    expectExit(r, 1);
    expect(r.stderr).toContain('NOT_FOUND: No claim with id "claim-nope".');
    expect(r.stdout).toBe('');
  });

  test.each([
    [['--format', 'prov-rdfxml', '--claim', UNDERCOVER], 'must be one of bundle, prov-jsonld, prov-turtle, claimreview, claimreview-feed, got "prov-rdfxml"'],
    [['--format', 'prov-turtle'], 'needs --claim ID'],
    [['--claim', UNDERCOVER], 'need --format prov-jsonld, prov-turtle or claimreview, got --format bundle'],
    [['--format', 'prov-turtle', '--claim', UNDERCOVER, '--document', 'doc-dumayr-report'], 'does not go with --format prov-turtle'],
    [['--format', 'prov-turtle', '--claim', UNDERCOVER, '--base', 'not an iri'], 'got "not an iri"'],
  ])('a usage error exits 2 and says what was expected: %j', async (args, message) => {
    const r = await cliInProcess(['export', ...args], dir);
    expectExit(r, 2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});

describe('export --format claimreview', () => {
  test('writes the latest assessment of a claim as ClaimReview JSON-LD whose triples name the claim and the rating', async () => {
    // An editor's assessment, recorded through the graph functions the assessClaim mutation uses.
    const store = await openStore({ engine: 'embedded', path: join(dir, 'graph.grafeo') });
    try {
      await assessClaim(store, 'claim-al-masoud-was-is-official', { verdict: 'FALSE', rating: 1, explanation: 'Test assessment: the report says he was not.' }, { editor: 'test-editor' });
    } finally {
      await store.close();
    }
    const r = await cliInProcess(['export', '--format', 'claimreview', '--claim', 'claim-al-masoud-was-is-official'], dir);
    expectExit(r, 0);
    const g = new Triples(await parseJsonLd(r.stdout));
    expect(g.lines().join('\n')).toContain(`<${NS.schema}claimReviewed> "Khaled al-Masoud was an Islamic State official."`);
    expect(g.lines().join('\n')).toMatch(/alternateName> "False"/);
    // Written, but it cannot be published as it is: the profile requires a url, and no publishing organisation is set.
    expect(r.stderr).toMatch(/Warning: the ClaimReview cannot be published as it is: it has no url/);
    expect(r.stderr).toMatch(/CLAIMGRAPH_PUBLISHER_NAME/);
    const published = await cliInProcess(['export', '--format', 'claimreview', '--claim', 'claim-al-masoud-was-is-official'], dir, { env: { CLAIMGRAPH_PUBLISHER_NAME: 'Example Checks' } });
    expect(JSON.parse(published.stdout).author).toEqual({ '@type': 'Organization', name: 'Example Checks' });
    expect(published.stderr).not.toMatch(/CLAIMGRAPH_PUBLISHER_NAME/);
  });

  test('claimreview-feed writes every assessed claim as one DataFeed, and warns of each review left out for want of a url', async () => {
    const store = await openStore({ engine: 'embedded', path: join(dir, 'graph.grafeo') });
    try {
      await assessClaim(store, 'claim-al-masoud-was-civilian', { verdict: 'MIXED', rating: 3, explanation: 'Test.', url: 'https://checks.example/civilian' }, { editor: 'test-editor' });
    } finally {
      await store.close();
    }
    const r = await cliInProcess(['export', '--format', 'claimreview-feed'], dir, { env: { CLAIMGRAPH_PUBLISHER_NAME: 'Example Checks' } });
    expectExit(r, 0);
    const feed = JSON.parse(r.stdout) as { '@type': string; dataFeedElement: { url: string }[] };
    expect(feed['@type']).toBe('DataFeed');
    expect(feed.dataFeedElement.map((e) => e.url)).toEqual(['https://checks.example/civilian']);
    expect(r.stderr).toContain('Warning: left out the ClaimReview of claim claim-al-masoud-was-is-official: no url');
    expect((await cliInProcess(['export', '--format', 'claimreview-feed', '--claim', UNDERCOVER], dir)).status).toBe(2);
  });

  test('a claim without an assessment exits 1 and says how to record one', async () => {
    const r = await cliInProcess(['export', '--format', 'claimreview', '--claim', UNDERCOVER], dir);
    expectExit(r, 1);
    expect(r.stderr).toContain('has no assessment');
    expect(r.stdout).toBe('');
  });
});
