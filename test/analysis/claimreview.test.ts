import * as jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimReviewFeed, claimReviewJsonLd, claimReviewProblems, firstAppearance, publisherFromEnv, readClaimReviews, toClaimReview } from '../../src/analysis/claimreview';
import { projectRoot } from '../../src/paths';
import { assessClaim } from '../../src/analysis/judgements';
import { ClaimgraphError } from '../../src/errors';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql, seededStore } from '../helpers';
import { bundle, documentRecord, load, says, source } from './judged-graphs';

/*
 * The ClaimReview export, read back as RDF: jsonld's toRDF (and expand) with
 * a document loader that serves a minimal local schema.org context and
 * refuses every other URL, so nothing is fetched. Every check is on triples.
 */

const S = 'https://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
// The context shipped beside the ClaimReviews (and served at /contexts/schema.org.jsonld): nothing is fetched.
const SCHEMA_CONTEXT = JSON.parse(readFileSync(join(projectRoot(), 'schema', 'schema.org.context.jsonld'), 'utf8')) as object;
const fetched: string[] = [];

const documentLoader = async (url: string) => {
  fetched.push(url);
  if (url === 'https://schema.org' || url === 'https://schema.org/') return { contextUrl: null, documentUrl: url, document: SCHEMA_CONTEXT };
  throw new Error(`The test refuses to fetch ${url}.`);
};

class Graph {
  constructor(readonly quads: Quad[]) {}
  /** Objects of (subject, predicate), as terms. */
  out(subject: string, predicate: string): Quad['object'][] {
    return this.quads.filter((q) => q.subject.value === subject && (q.predicate.value === S + predicate || q.predicate.value === predicate)).map((q) => q.object);
  }
  one(subject: string, predicate: string): Quad['object'] {
    const found = this.out(subject, predicate);
    if (found.length !== 1) throw new Error(`expected one ${predicate} of ${subject}, got ${found.length}`);
    return found[0] as Quad['object'];
  }
  value(subject: string, predicate: string): string {
    return this.one(subject, predicate).value;
  }
  values(subject: string, predicate: string): string[] {
    return this.out(subject, predicate).map((o) => o.value).sort();
  }
  types(subject: string): string[] {
    return this.out(subject, RDF_TYPE).map((o) => o.value.replace(S, '')).sort();
  }
  subjectsOfType(type: string): string[] {
    return this.quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === S + type).map((q) => q.subject.value);
  }
}

async function triples(doc: object): Promise<Graph> {
  const nquads = await jsonld.toRDF(doc as jsonld.JsonLdDocument, { format: 'application/n-quads', documentLoader: documentLoader as never });
  return new Graph(new Parser({ format: 'N-Quads' }).parse(nquads as string));
}

describe('ClaimReview of the seed', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  it('is null before any assessment, and NOT_FOUND for an unknown claim', async () => {
    expect(await claimReviewJsonLd(store, 'claim-al-masoud-undercover-against-is')).toBeNull();
    const error = await claimReviewJsonLd(store, 'claim-nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClaimgraphError);
    expect((error as ClaimgraphError).code).toBe('NOT_FOUND');
  });

  it('states the review, the rating, the claim with its authors and appearance, the editor and the date, as triples', async () => {
    await assessClaim(store, 'claim-al-masoud-undercover-against-is', {
      verdict: 'MOSTLY_TRUE', rating: 4, explanation: 'Two independent accounts against one unattributed assumption.',
      url: 'https://example.org/reviews/undercover',
    }, { editor: 'erin@example.org', now: '2026-02-03T09:30:00.000Z' });
    const doc = await claimReviewJsonLd(store, 'claim-al-masoud-undercover-against-is');
    expect(doc).not.toBeNull();
    fetched.length = 0;
    const g = await triples(doc!);
    expect(fetched).toEqual(['https://schema.org']);

    const [review, ...others] = g.subjectsOfType('ClaimReview');
    expect(others).toEqual([]);
    expect(g.value(review!, 'claimReviewed')).toBe(
      'Khaled al-Masoud had been working undercover against the Islamic State group for years, secretly gathering intelligence on it.',
    );
    expect(g.value(review!, 'datePublished')).toBe('2026-02-03T09:30:00.000Z');
    expect(g.value(review!, 'url')).toBe('https://example.org/reviews/undercover');

    const rating = g.value(review!, 'reviewRating');
    expect(g.types(rating)).toEqual(['Rating']);
    expect(g.value(rating, 'alternateName')).toBe('Mostly true');
    expect([g.value(rating, 'ratingValue'), g.value(rating, 'bestRating'), g.value(rating, 'worstRating')]).toEqual(['4', '5', '1']);

    const editor = g.value(review!, 'author');
    expect(g.types(editor)).toEqual(['Person']);
    expect(g.value(editor, 'name')).toBe('erin@example.org');

    const claim = g.value(review!, 'itemReviewed');
    expect(g.types(claim)).toEqual(['Claim']);
    const authors = g.out(claim, 'author').map((a) => a.value);
    expect(authors).toHaveLength(2);
    // The family is named; the three officials are anonymous: named by their label, as the profile needs a name, and said to be anonymous.
    const described = authors.map((a) => ({ types: g.types(a), names: g.values(a, 'name'), descriptions: g.values(a, 'description') }));
    expect(described).toEqual(expect.arrayContaining([
      { types: ['Organization'], names: ['Family of Khaled al-Masoud'], descriptions: [] },
      { types: ['Organization'], names: ['Three Syrian officials speaking anonymously'], descriptions: [expect.stringMatching(/withheld/)] },
    ]));

    const [appearance, ...more] = g.out(claim, 'appearance').map((a) => a.value);
    expect(more).toEqual([]);
    expect(g.types(appearance!)).toEqual(['CreativeWork']);
    expect(g.value(appearance!, 'headline')).toBe('Untitled report on the US raid in Dumayr');
    // The report has no known url or date: none is invented.
    expect(g.out(appearance!, 'url')).toEqual([]);
    expect(g.out(appearance!, 'datePublished')).toEqual([]);
    // One appearance: it is the first.
    expect(g.types(g.value(claim, 'firstAppearance'))).toEqual(['CreativeWork']);
  });

  it('expands to the same terms (jsonld.expand)', async () => {
    const doc = await claimReviewJsonLd(store, 'claim-al-masoud-undercover-against-is');
    const [expanded] = await jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader: documentLoader as never });
    expect(expanded?.['@type']).toEqual([`${S}ClaimReview`]);
    expect(Object.keys(expanded ?? {}).sort()).toEqual(
      ['@type', `${S}author`, `${S}claimReviewed`, `${S}datePublished`, `${S}itemReviewed`, `${S}reviewRating`, `${S}url`].sort(),
    );
  });

  it('an unattributed source of unknown kind is an Organization with a name; no url when none is given, and that is a problem to publish', async () => {
    await assessClaim(store, 'claim-al-masoud-was-is-official', { verdict: 'FALSE', rating: 1, explanation: 'The report says he was not.' }, { editor: 'carol@example.org' });
    const g = await triples((await claimReviewJsonLd(store, 'claim-al-masoud-was-is-official'))!);
    const [review] = g.subjectsOfType('ClaimReview');
    expect(g.out(review!, 'url')).toEqual([]);
    expect(g.value(g.value(review!, 'reviewRating'), 'alternateName')).toBe('False');
    const author = g.value(g.value(review!, 'itemReviewed'), 'author');
    expect(g.types(author)).toEqual(['Organization']);
    expect(g.value(author, 'name')).toBe('Unattributed initial assumptions');
    const review2 = (await claimReviewJsonLd(store, 'claim-al-masoud-was-is-official'))!;
    expect(claimReviewProblems(review2, { name: 'Example Checks', url: null })).toEqual([expect.stringMatching(/no url, which the ClaimReview profile requires/)]);
    expect(claimReviewProblems({ ...review2, url: 'https://example.org/r' }, null)).toEqual([expect.stringMatching(/CLAIMGRAPH_PUBLISHER_NAME/)]);
    expect(claimReviewProblems({ ...review2, url: 'https://example.org/r' }, { name: 'Example Checks', url: null })).toEqual([]);
  });

  it('is served as Claim.claimReview, the same document, and null where there is no assessment', async () => {
    const result = await gql(store, `{ a: claim(id: "claim-al-masoud-was-is-official") { claimReview } b: claim(id: "claim-killing-was-a-mistake") { claimReview } }`);
    expect(result.errors).toBeUndefined();
    const data = result.data as { a: { claimReview: object }; b: { claimReview: null } };
    expect(data.a.claimReview).toEqual(await claimReviewJsonLd(store, 'claim-al-masoud-was-is-official'));
    expect(data.b.claimReview).toBeNull();
  });
});

describe('ClaimReview appearances on a small graph', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await emptyStore();
  });
  afterEach(() => store.close());

  const itemReviewed = async (claim: string): Promise<{ g: Graph; claim: string }> => {
    await assessClaim(store, claim, { verdict: 'MIXED', rating: 3, explanation: 'Partly.' }, { editor: 'ed', now: '2026-01-01T00:00:00.000Z' });
    const g = await triples((await claimReviewJsonLd(store, claim))!);
    return { g, claim: g.value(g.subjectsOfType('ClaimReview')[0]!, 'itemReviewed') };
  };
  const headlines = (g: Graph, claim: string) => g.out(claim, 'appearance').map((a) => g.value(a.value, 'headline')).sort();
  const authorNames = (g: Graph, claim: string) => g.out(claim, 'author').flatMap((a) => g.values(a.value, 'name')).sort();

  it('lists each document of an asserting or hedging statement once, with url and date when known, and the earliest as firstAppearance', async () => {
    await load(store, bundle({
      sources: [source('p', 'PERSON'), source('o'), source('n')],
      documents: [
        { ...documentRecord('doc-1', '2025-10-20', 'https://news.example/1'), title: 'First report' },
        { ...documentRecord('doc-2', '2025-11-02'), title: 'Follow-up' },
        { ...documentRecord('doc-3', '2025-09-01'), title: 'A denial' },
      ],
      statements: [says('p', 'c', 'ASSERTS', { documents: ['doc-1'] }), says('o', 'c', 'HEDGES', { documents: ['doc-2'] }), says('n', 'c', 'DENIES', { documents: ['doc-3'] })],
    }));
    const { g, claim } = await itemReviewed('c');
    const appearances = g.out(claim, 'appearance').map((a) => a.value);
    expect(headlines(g, claim)).toEqual(['First report', 'Follow-up']);
    const first = appearances.find((a) => g.value(a, 'headline') === 'First report')!;
    expect(g.value(first, 'url')).toBe('https://news.example/1');
    expect(g.value(first, 'datePublished')).toBe('2025-10-20');
    expect(g.value(g.value(claim, 'firstAppearance'), 'headline')).toBe('First report');
    // Only the asserting person is an author, as a Person with a name.
    const [author, ...more] = g.out(claim, 'author').map((a) => a.value);
    expect(more).toEqual([]);
    expect(g.types(author!)).toEqual(['Person']);
    expect(g.value(author!, 'name')).toBe('Source p');
  });

  it('one remark printed by three outlets is one author with three appearances; the outlets that carried it are not authors', async () => {
    await load(store, bundle({
      sources: [source('official', 'PERSON'), source('wire'), source('paper')],
      documents: [documentRecord('d-wire', '2025-03-15T09:00Z'), documentRecord('d-paper', '2025-03-15T14:00+01:00'), documentRecord('d-weekly', '2025-03')],
      statements: [{
        ...says('official', 'c'),
        appearances: [
          { document: 'd-wire', quote: 'We struck the depot', paraphrase: null, via: [], selector: null },
          { document: 'd-paper', quote: null, paraphrase: 'An official said the depot was struck.', via: [{ source: 'wire', document: 'd-wire' }], selector: null },
          { document: 'd-weekly', quote: null, paraphrase: null, via: [{ source: 'paper', document: null }, { source: 'wire', document: null }], selector: null },
        ],
      }],
    }));
    const { g, claim } = await itemReviewed('c');
    expect(authorNames(g, claim)).toEqual(['Source official']);
    expect(headlines(g, claim)).toEqual(['Document d-paper', 'Document d-weekly', 'Document d-wire']);
    // "2025-03" overlaps both days: which document printed it first cannot be told.
    expect(g.out(claim, 'firstAppearance')).toEqual([]);
  });

  it('leaves out the documents and the author of a statement its source has since revised', async () => {
    await load(store, bundle({
      sources: [source('ministry'), source('ngo')],
      documents: [documentRecord('d-spring', '2025-04-02'), documentRecord('d-autumn', '2025-10-30'), documentRecord('d-ngo', '2025-05-01')],
      statements: [
        says('ministry', 'c', 'ASSERTS', { date: '2025-04-01', documents: ['d-spring'] }),
        says('ministry', 'c', 'DENIES', { date: '2025-10-30', documents: ['d-autumn'] }),
        says('ngo', 'c', 'ASSERTS', { documents: ['d-ngo'] }),
      ],
    }));
    const { g, claim } = await itemReviewed('c');
    expect(authorNames(g, claim)).toEqual(['Source ngo']);
    expect(headlines(g, claim)).toEqual(['Document d-ngo']);
  });

  it('tells the first appearance only when the dates decide it', () => {
    const d = (id: string, publishedAt: string | null) => ({ id, title: id, url: null, publishedAt });
    expect(firstAppearance([])).toBeNull();
    expect(firstAppearance([d('a', null)])?.id).toBe('a');
    expect(firstAppearance([d('a', '2025-10-20'), d('b', '2025-10-19')])?.id).toBe('b');
    expect(firstAppearance([d('a', '2025-10-20'), d('b', null)])).toBeNull(); // b might be earlier
    expect(firstAppearance([d('a', '2025-10'), d('b', '2025-10-19')])).toBeNull(); // October may be before or after the 19th
    expect(firstAppearance([d('a', '2025-10-19'), d('b', '2025-10-19')])).toBeNull(); // a tie
    // Times are compared in UTC: 23:30 at UTC-5 is 04:30 the next day, after 01:00Z.
    expect(firstAppearance([d('a', '2025-10-19T23:30-05:00'), d('b', '2025-10-20T01:00Z')])?.id).toBe('b');
    expect(firstAppearance([d('a', '2025-09'), d('b', '2025-10-19'), d('c', '2025')])).toBeNull(); // the year holds them all
    expect(firstAppearance([d('a', '2025-09'), d('b', '2025-10-19'), d('c', '2026')])?.id).toBe('a');
  });
});

describe('publishing', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await seededStore();
    await assessClaim(store, 'claim-al-masoud-undercover-against-is', { verdict: 'MOSTLY_TRUE', rating: 4, explanation: 'Two accounts.', url: 'https://checks.example/undercover' }, { editor: 'erin@example.org', now: '2026-02-03T09:30:00.000Z' });
    await assessClaim(store, 'claim-al-masoud-was-is-official', { verdict: 'FALSE', rating: 1, explanation: 'No.' }, { editor: 'erin@example.org', now: '2026-02-04T09:30:00.000Z' });
  });
  afterAll(() => store.close());

  it('the author is the configured publishing organisation, not the editor', async () => {
    expect(publisherFromEnv({ CLAIMGRAPH_PUBLISHER_NAME: ' Example Checks ', CLAIMGRAPH_PUBLISHER_URL: 'https://checks.example/' })).toEqual({ name: 'Example Checks', url: 'https://checks.example/' });
    expect(publisherFromEnv({})).toBeNull();
    const facts = (await readClaimReviews(store, ['claim-al-masoud-undercover-against-is'])).get('claim-al-masoud-undercover-against-is')!;
    const g = await triples(toClaimReview(facts, { name: 'Example Checks', url: 'https://checks.example/' })!);
    const author = g.value(g.subjectsOfType('ClaimReview')[0]!, 'author');
    expect(g.types(author)).toEqual(['Organization']);
    expect([g.value(author, 'name'), g.value(author, 'url')]).toEqual(['Example Checks', 'https://checks.example/']);
    expect(JSON.stringify(toClaimReview(facts, { name: 'Example Checks', url: null }))).not.toContain('erin@example.org');
  });

  it('one DataFeed of every assessed claim\'s review, leaving out a review without url and saying which', async () => {
    const { feed, omitted, problems } = await claimReviewFeed(store, { name: 'Example Checks', url: null }, new Date('2026-03-01T00:00:00Z'));
    expect(omitted).toEqual([{ claim: 'claim-al-masoud-was-is-official', problem: expect.stringMatching(/no url/) }]);
    expect(problems).toEqual([]);
    expect(feed).toEqual(expect.objectContaining({ '@context': 'https://schema.org', '@type': 'DataFeed', dateModified: '2026-03-01T00:00:00.000Z' }));
    const g = await triples(feed);
    const [dataFeed] = g.subjectsOfType('DataFeed');
    const elements = g.out(dataFeed!, 'dataFeedElement').map((e) => e.value);
    expect(elements).toHaveLength(1);
    expect(g.types(elements[0]!)).toEqual(['ClaimReview']);
    expect(g.value(elements[0]!, 'url')).toBe('https://checks.example/undercover');
    expect((await claimReviewFeed(store, null)).problems).toEqual([expect.stringMatching(/CLAIMGRAPH_PUBLISHER_NAME/)]);
  });
});

describe('the claim\'s publication date', () => {
  it('is itemReviewed.datePublished: the earliest known date of a document that printed it, as written', async () => {
    const store = await emptyStore();
    try {
      await load(store, bundle({
        sources: [source('p', 'PERSON'), source('o')],
        documents: [documentRecord('doc-1', '2025-10-20'), documentRecord('doc-2', '2025-10'), documentRecord('doc-3', null)],
        statements: [says('p', 'c', 'ASSERTS', { documents: ['doc-1', 'doc-3'] }), says('o', 'c', 'ASSERTS', { documents: ['doc-2'] })],
      }));
      await assessClaim(store, 'c', { verdict: 'MIXED', rating: 3, explanation: 'Partly.' }, { editor: 'ed' });
      const g = await triples((await claimReviewJsonLd(store, 'c'))!);
      expect(g.value(g.value(g.subjectsOfType('ClaimReview')[0]!, 'itemReviewed'), 'datePublished')).toBe('2025-10');
    } finally {
      await store.close();
    }
  });
});
