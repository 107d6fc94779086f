import { exportBundle, type BundleJson } from '../../src/graph/export';
import { importBundle } from '../../src/graph/import';
import { searchTerms } from '../../src/graph/names';
import type { GraphStore } from '../../src/store/port';
import { codes, gql, seededStore } from '../helpers';
import { counts, expectBadInput } from './support';

/*
 * Injection attempts are data. Each payload below (Cypher fragments that
 * would end a string or a map and delete the graph, backticks, parameter
 * syntax, NUL and control characters, bidirectional overrides, zero-width
 * characters, homoglyphs, combining marks, separators, megabyte strings) is
 * written into every text field and every id of a record of each kind
 * (appearances, intermediaries, selectors, former ids, questions, ratings
 * and assessments included), through a bundle import (version 2, and
 * version 1 as upgraded) and through the mutations. It must come back
 * byte for byte, through GraphQL and through the export; the graph must hold
 * exactly the records written and nothing else must change (nothing was
 * executed); and a search for it must answer with data, finding the record
 * whenever the payload has a word search can match (docs/MODEL.md, "Search").
 */

const PAYLOADS: [string, string][] = [
  ['a Cypher string end, then DETACH DELETE', "'}) MATCH (n) DETACH DELETE n //"],
  ['the same with double quotes', '"}) MATCH (n) DETACH DELETE n //'],
  ['a second statement after a semicolon', "x'; MATCH (n) DETACH DELETE n; //"],
  ['a subquery', "') CALL () { MATCH (n) DETACH DELETE n } RETURN 1 //"],
  ['backticks', '`Claim` `) DETACH DELETE (n` `` `'],
  ['parameter syntax', '$id $rows {id} ${id} $0 $$'],
  ['comments', '/* open */ // -- # <!--'],
  ['SQL', "'; DROP TABLE claims; --"],
  ['escape sequences as text', "\\' \\\" \\u0027 \\\\ \\n"],
  ['a NUL in the middle', 'before\u0000after'],
  ['control characters and ANSI colours', '\u0001\u0007\u001b[31mred\u001b[0m\u007f\u0085'],
  ['a right-to-left override', 'invoice\u202egpj.exe'],
  ['bidi isolates and embeddings', '\u2067abc\u2069 \u202ade\u202c \u2066x\u2069'],
  ['zero-width joiner, non-joiner, space, word joiner', 'a\u200db\u200cc\u200bd\u2060e'],
  ['a BOM inside', 'x\ufeffy'],
  ['emoji ZWJ sequences and flags', '👨‍👩‍👧‍👦 🏳️‍🌈 🇸🇾'],
  ['homoglyphs (Cyrillic, Greek)', 'Аirwаrs ΟΡΕΝ ѕrс-аirwаrs'],
  ['combining marks, NFC beside NFD', 'e\u0301 \u00e9 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻͊'],
  ['line and paragraph separators, CR LF', 'a\u2028b\u2029c\r\nd'],
  ['case-folding specials', 'İstanbul ß ǅ ΐ ﬃ'],
  ['astral and private-use characters', '𝕳𝖊𝖑𝖑𝖔 𐍈 \u{10FFFD} \u{E0041}'],
  ['HTML, a Mongo operator, CDATA end', '<script>alert(1)</script> {"$ne": null} ]]>'],
  ['regex metacharacters', '.* ^$ (?i) [a-z]+ \\d |'],
  ['percent and entity escapes', '%27%7D%29 &#x27; &apos;'],
  ['many quotes', `'"\`'"\``.repeat(30)],
];

/** Cases run, printed at the end. */
let cases = 0;
afterAll(() => console.log(`injection: ${PAYLOADS.length} payloads, ${cases} cases (import, mutations, searches, lookups, megabyte strings, unpaired surrogates)`));

let store: GraphStore;
beforeEach(async () => {
  store = await seededStore();
});
afterEach(() => store.close());

const EDITOR = 'mallory@example.org';

/** The export without the records whose id is in `ids` (and the judgements of those): what must not change. */
function without(b: BundleJson, ids: Set<string>): BundleJson {
  return {
    ...b,
    sources: b.sources.filter((r) => !ids.has(r.id)),
    entities: b.entities.filter((r) => !ids.has(r.id)),
    documents: b.documents.filter((r) => !ids.has(r.id)),
    claims: b.claims.filter((r) => !ids.has(r.id)),
    statements: b.statements.filter((r) => !ids.has(r.id)),
    affiliations: b.affiliations.filter((r) => !ids.has(r.source)),
    links: b.links.filter((r) => !ids.has(r.from) && !ids.has(r.to)),
    questions: b.questions.filter((r) => !ids.has(r.id)),
    ratings: b.ratings.filter((r) => !ids.has(r.source)),
    assessments: b.assessments.filter((r) => !ids.has(r.claim)),
  };
}

const strip = <T extends { recorded?: unknown }>(r: T | undefined) => {
  if (r === undefined) return undefined;
  const { recorded: _r, ...rest } = r;
  return rest;
};

/** One record of every kind, every text field and every id carrying the payload, as export writes records back. */
function payloadBundle(p: string) {
  const ids = {
    source: `src-${p}`, channel: `via-${p}`, entity: `ent-${p}`, document: `doc-${p}`, claim: `claim-${p}`, statement: `st-${p}`, revision: `st2-${p}`, question: `q-${p}`,
  };
  const bundle = {
    format: 'claimgraph-bundle' as const,
    version: 2 as const,
    sources: [
      { id: ids.source, name: `${p} (a source)`, kind: 'PERSON', anonymous: false, count: null, description: p, aliases: [p, `${p} (alias)`], formerIds: [`src-old-${p}`] },
      { id: ids.channel, name: `${p} (an intermediary)`, kind: 'ORGANIZATION', anonymous: false, count: null, description: null, aliases: [], formerIds: [] },
    ],
    affiliations: [{ source: ids.source, parent: 'src-airwars', role: p }],
    entities: [{ id: ids.entity, name: `${p} (an entity)`, description: p, aliases: [p], formerIds: [] }],
    documents: [{ id: ids.document, title: p, publisher: ids.source, url: p, publishedAt: '2025-06-01', note: p, text: p, formerIds: [] }],
    claims: [{ id: ids.claim, text: p, about: [ids.entity], formerIds: [`claim-old-${p}`] }],
    statements: [
      {
        id: ids.statement, source: ids.source, claim: ids.claim, stance: 'ASSERTS', hedged: true, hedge: p, date: null, madeAt: p, quote: p, paraphrase: p,
        appearances: [{ document: ids.document, quote: p, paraphrase: p, via: [{ source: ids.channel, document: ids.document }], selector: { exact: p, prefix: null, suffix: null } }],
        derivedFrom: 'st-airwars-asserts-us-operation-killed', supersedes: [], formerIds: [],
      },
      {
        id: ids.revision, source: ids.source, claim: ids.claim, stance: 'WITHDRAWS', hedged: false, hedge: null, date: null, madeAt: p, quote: null, paraphrase: p,
        appearances: [], derivedFrom: null, supersedes: [ids.statement], formerIds: [],
      },
    ],
    links: [{ type: 'CONTRADICTS', from: ids.claim, to: 'claim-al-masoud-was-civilian', linkedBy: p, reason: p }],
    questions: [{ id: ids.question, text: p, hypotheses: ['claim-al-masoud-was-civilian', ids.claim].sort(), cells: [] }],
    ratings: [{ id: `rating-${p}`, source: ids.source, grade: 'C', reason: p, by: p, at: '2031-01-01T00:00Z' }],
    assessments: [{ id: `assessment-${p}`, claim: ids.claim, verdict: 'MIXED', rating: 3, explanation: p, url: null, by: p, at: '2031-01-01T00:00Z' }],
  };
  return { ids, bundle };
}

/** The same records as a version 1 bundle (what version 1 has of them), upgraded on the way in. */
function payloadBundleV1(p: string) {
  const ids = { source: `src1-${p}`, document: `doc1-${p}`, claim: `claim1-${p}`, statement: `st1-${p}` };
  const bundle = {
    format: 'claimgraph-bundle',
    version: 1,
    sources: [{ id: ids.source, name: `${p} (a v1 source)`, kind: 'PERSON', anonymous: false, count: null, description: p, aliases: [p] }],
    documents: [{ id: ids.document, title: p, publisher: ids.source, url: p, publishedAt: null, note: p }],
    claims: [{ id: ids.claim, text: p, about: [] }],
    statements: [{ id: ids.statement, source: ids.source, claim: ids.claim, stance: 'HEDGES', quote: p, paraphrase: p, hedge: p, document: ids.document, reportedVia: null, madeAt: p }],
  };
  return { ids, bundle };
}

/** Whether search can find the payload: a word of 2 letters or more that is no stop word (docs/MODEL.md, "Search"). */
const hasSearchWord = (p: string) => searchTerms(p).words.some((w) => w.length >= 2);

/** What a search for the payload sends: the search argument is trimmed and capped at 200 characters. */
const searchable = (p: string) => p.trim() !== '' && p.trim().length <= 200;

describe.each(PAYLOADS)('%s', (_, p) => {
  it('imported as a bundle: stored verbatim in every field and id, read back byte-identical, nothing else touched', async () => {
    cases++;
    const before = await exportBundle(store);
    const countsBefore = await counts(store);
    const { ids, bundle } = payloadBundle(p);
    const report = await importBundle(store, JSON.parse(JSON.stringify(bundle)), { editor: EDITOR });
    for (const kind of ['entities', 'documents', 'claims', 'affiliations', 'links', 'questions', 'ratings', 'assessments'] as const) expect([kind, report[kind].created]).toEqual([kind, 1]);
    expect([report.sources.created, report.statements.created]).toEqual([2, 2]);
    // Nothing of it is another record: no name of it is a name the graph holds.
    expect(report.matched).toEqual([]);

    expect(await counts(store)).toEqual({
      sources: countsBefore.sources! + 2, entities: countsBefore.entities! + 1, documents: countsBefore.documents! + 1,
      claims: countsBefore.claims! + 1, statements: countsBefore.statements! + 2,
    });
    const after = await exportBundle(store);
    expect(without(after, new Set([...Object.values(ids), `rating-${p}`, `assessment-${p}`]))).toEqual(before);
    for (const record of bundle.sources) expect(strip(after.sources.find((r) => r.id === record.id))).toEqual(record);
    expect(strip(after.entities.find((r) => r.id === ids.entity))).toEqual(bundle.entities[0]);
    expect(strip(after.documents.find((r) => r.id === ids.document))).toEqual(bundle.documents[0]);
    expect(strip(after.claims.find((r) => r.id === ids.claim))).toEqual(bundle.claims[0]);
    expect(strip(after.statements.find((r) => r.id === ids.statement))).toEqual(bundle.statements[0]);
    expect(strip(after.statements.find((r) => r.id === ids.revision))).toEqual(bundle.statements[1]);
    expect(after.affiliations.filter((a) => a.source === ids.source).map(strip)).toEqual(bundle.affiliations);
    expect(after.links.filter((l) => l.from === ids.claim).map(strip)).toEqual(bundle.links);
    expect(after.questions.filter((q) => q.id === ids.question).map(strip)).toEqual(bundle.questions);
    expect(after.ratings.filter((r) => r.source === ids.source)).toEqual(bundle.ratings);
    expect(after.assessments.filter((a) => a.claim === ids.claim)).toEqual(bundle.assessments);

    const read = await gql(store, `query($claim: ID!, $source: ID!, $old: ID!) {
      claim(id: $claim) { id: recordId text about { id: recordId name description aliases } links { linkedBy reason }
        statements { id: recordId quote paraphrase hedge madeAt current source { id: recordId name description aliases affiliationRoles { role } } document { id: recordId title url publishedAt note }
          appearances { quote paraphrase via { source { id: recordId name } document { id: recordId } } selector { exact prefix suffix } } } }
      source(id: $source) { id: recordId }
      old: source(id: $old) { id: recordId } }`, { claim: ids.claim, source: ids.source, old: `src-old-${p}` });
    expect(read.errors).toBeUndefined();
    const document = { id: ids.document, title: p, url: p, publishedAt: '2025-06-01', note: p };
    const source = { id: ids.source, name: `${p} (a source)`, description: p, aliases: [p, `${p} (alias)`], affiliationRoles: [{ role: p }] };
    expect(read.data).toEqual({
      claim: {
        id: ids.claim, text: p, about: [{ id: ids.entity, name: `${p} (an entity)`, description: p, aliases: [p] }],
        links: [{ linkedBy: p, reason: p }],
        statements: expect.arrayContaining([
          {
            id: ids.statement, quote: p, paraphrase: p, hedge: p, madeAt: p, current: false, source, document,
            appearances: [{ quote: p, paraphrase: p, via: [{ source: { id: ids.channel, name: `${p} (an intermediary)` }, document: { id: ids.document } }], selector: { exact: p, prefix: null, suffix: null } }],
          },
          { id: ids.revision, quote: null, paraphrase: p, hedge: null, madeAt: p, current: true, source, document: null, appearances: [] },
        ]),
      },
      source: { id: ids.source },
      // The former id is a redirect, keyed by the payload: it resolves.
      old: { id: ids.source },
    });

    // Importing it again changes nothing: the stored text hashes as the sent text.
    const again = await importBundle(store, JSON.parse(JSON.stringify(bundle)), { editor: 'someone-else' });
    expect([again.claims, again.statements, again.sources, again.questions]).toEqual([
      { created: 0, updated: 0, unchanged: 1 }, { created: 0, updated: 0, unchanged: 2 }, { created: 0, updated: 0, unchanged: 2 }, { created: 0, updated: 0, unchanged: 1 },
    ]);
    expect(await exportBundle(store)).toEqual(after);
  });

  it('imported in version 1: upgraded, stored verbatim, read back byte-identical', async () => {
    cases++;
    const { ids, bundle } = payloadBundleV1(p);
    const report = await importBundle(store, JSON.parse(JSON.stringify(bundle)), { editor: EDITOR });
    expect([report.sources.created, report.statements.created, report.matched]).toEqual([1, 1, []]);
    const after = await exportBundle(store);
    expect(strip(after.statements.find((r) => r.id === ids.statement))).toEqual({
      id: ids.statement, source: ids.source, claim: ids.claim, stance: 'ASSERTS', hedged: true, hedge: p, date: null, madeAt: p, quote: null, paraphrase: null,
      appearances: [{ document: ids.document, quote: p, paraphrase: p, via: [], selector: null }], derivedFrom: null, supersedes: [], formerIds: [],
    });
    expect(strip(after.documents.find((r) => r.id === ids.document))).toEqual({ ...bundle.documents[0], text: null, formerIds: [] });
    const again = await importBundle(store, JSON.parse(JSON.stringify(bundle)), { editor: 'someone-else' });
    expect(again.statements).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('written by the mutations: stored verbatim, read back byte-identical, one record each and nothing else', async () => {
    cases++;
    const before = await exportBundle(store);
    const countsBefore = await counts(store);
    const ids = { source: `src-${p}`, claim: `claim-${p}`, statement: `st-${p}` };
    const source = await gql(store, `mutation($input: CreateSourceInput!) { createSource(input: $input) { source { id: recordId name description aliases } } }`,
      { input: { id: ids.source, name: `${p} (a source)`, kind: 'GROUP', anonymous: true, description: p, aliases: [p] } }, EDITOR);
    expect(source.errors).toBeUndefined();
    expect(source.data).toEqual({ createSource: { source: { id: ids.source, name: `${p} (a source)`, description: p, aliases: [p] } } });
    const claim = await gql(store, `mutation($input: CreateClaimInput!) { createClaim(input: $input) { claim { id: recordId text } } }`, { input: { id: ids.claim, text: p } }, EDITOR);
    expect(claim.data).toEqual({ createClaim: { claim: { id: ids.claim, text: p } } });
    const statement = await gql(store, `mutation($input: RecordStatementInput!) { recordStatement(input: $input) { statement { id: recordId position quote paraphrase hedge madeAt appearances { quote via { source { id: recordId } } } } } }`,
      { input: { id: ids.statement, source: ids.source, claim: ids.claim, stance: 'ASSERTS', quote: p, paraphrase: p, hedge: p, madeAt: p,
        appearances: [{ document: 'doc-dumayr-report', quote: p, via: [{ source: ids.source }] }] } }, EDITOR);
    expect(statement.errors).toBeUndefined();
    expect(statement.data).toEqual({ recordStatement: { statement: { id: ids.statement, position: 'HEDGES', quote: p, paraphrase: p, hedge: p, madeAt: p, appearances: [{ quote: p, via: [{ source: { id: ids.source } }] }] } } });
    const link = await gql(store, `mutation($from: ID!, $reason: String!) { linkClaims(input: { type: SUPPORTS, from: $from, to: "claim-al-masoud-was-civilian", reason: $reason }) { from { links { linkedBy reason } } } }`,
      { from: ids.claim, reason: p }, EDITOR);
    expect(link.data).toEqual({ linkClaims: { from: { links: [{ linkedBy: EDITOR, reason: p }] } } });
    const updated = await gql(store, `mutation($id: ID!, $text: String!) { updateClaim(input: { id: $id, text: $text }) { claim { text } } }`, { id: ids.claim, text: `${p}${p}` }, EDITOR);
    expect(updated.data).toEqual({ updateClaim: { claim: { text: `${p}${p}` } } });

    expect(await counts(store)).toEqual({ ...countsBefore, sources: countsBefore.sources! + 1, claims: countsBefore.claims! + 1, statements: countsBefore.statements! + 1 });
    const after = await exportBundle(store);
    expect(without(after, new Set(Object.values(ids)))).toEqual(before);
    expect(after.claims.find((c) => c.id === ids.claim)?.text).toBe(`${p}${p}`);
    expect(after.statements.find((s) => s.id === ids.statement)).toMatchObject({
      quote: p, paraphrase: p, hedged: true, hedge: p, madeAt: p, source: ids.source, claim: ids.claim,
      appearances: [{ document: 'doc-dumayr-report', quote: p, paraphrase: null, via: [{ source: ids.source, document: null }], selector: null }],
    });
  });

  it('searched for: data, not an error, and the record holding it is found when it has a word to match', async () => {
    cases++;
    const { ids, bundle } = payloadBundle(p);
    await importBundle(store, bundle, { editor: EDITOR });
    const countsBefore = await counts(store);
    const search = searchable(p) ? p : p.slice(0, 150);
    const result = await gql(store, `query($q: String!) {
      claims(search: $q, first: 100) { totalCount nodes { id: recordId } } sources(search: $q, first: 100) { totalCount nodes { id: recordId } } entities(search: $q, first: 100) { totalCount nodes { id: recordId } } }`, { q: search });
    expect(result.errors).toBeUndefined();
    const data = result.data as Record<'claims' | 'sources' | 'entities', { totalCount: number; nodes: { id: string }[] }>;
    if (hasSearchWord(search)) {
      expect(data.claims.nodes.map((n) => n.id)).toContain(ids.claim);
      expect(data.sources.nodes.map((n) => n.id)).toContain(ids.source);
      expect(data.entities.nodes.map((n) => n.id)).toContain(ids.entity);
    } else {
      // Search matches words: punctuation, symbols, emoji and one-letter words are none, so nothing matches.
      expect([data.claims.totalCount, data.sources.totalCount, data.entities.totalCount]).toEqual([0, 0, 0]);
    }
    // Lookups by ids that are Cypher: an answer about that id, nothing run.
    for (const lookup of ['claim(id: $id) { id: recordId }', 'statement(id: $id) { id: recordId }', 'deletionPreview(kind: SOURCE, id: $id) { confirm }']) {
      // An admin asks: a deletion preview is for the role that may delete.
      expect(codes(await gql(store, `query($id: ID!) { ${lookup} }`, { id: p }, 'test-admin'))).toEqual(['NOT_FOUND']);
    }
    expect(await counts(store)).toEqual(countsBefore);
  });
});

describe('megabyte strings', () => {
  const MB = 1024 * 1024;
  /** A megabyte of text with a marker in the middle, in several scripts so that bytes and UTF-16 units differ. */
  const big = (marker: string) => `${'a'.repeat(MB / 2)}${marker}${'é漢😀'.repeat(MB / 16)}`;

  it('a 1 MiB claim text, quote and description, through import and mutations: stored whole, read back identical, found by search', async () => {
    cases++;
    const countsBefore = await counts(store);
    const text = big('NEEDLE-import');
    await importBundle(store, { format: 'claimgraph-bundle', version: 1, claims: [{ id: 'claim-mb', text }], sources: [{ id: 'src-mb', name: 'Megabyte source', kind: 'PERSON', anonymous: false, description: text }] }, { editor: EDITOR });
    const quote = big('NEEDLE-quote');
    const st = await gql(store, `mutation($q: String!) { recordStatement(input: { id: "st-mb", source: "src-mb", claim: "claim-mb", stance: ASSERTS, quote: $q }) { statement { id: recordId } } }`, { q: quote }, EDITOR);
    expect(st.errors).toBeUndefined();
    const created = await gql(store, `mutation($t: String!) { createClaim(input: { id: "claim-mb-2", text: $t }) { claim { id: recordId } } }`, { t: big('NEEDLE-mutation') }, EDITOR);
    expect(created.errors).toBeUndefined();

    expect(await counts(store)).toEqual({ ...countsBefore, sources: countsBefore.sources! + 1, claims: countsBefore.claims! + 2, statements: countsBefore.statements! + 1 });
    const read = await gql(store, `{ claim(id: "claim-mb") { text statements { quote } } source(id: "src-mb") { description } other: claim(id: "claim-mb-2") { text } }`);
    const data = read.data as { claim: { text: string; statements: { quote: string }[] }; source: { description: string }; other: { text: string } };
    expect(data.claim.text === text).toBe(true);
    expect(data.claim.statements[0]?.quote === quote).toBe(true);
    expect(data.source.description === text).toBe(true);
    expect(data.other.text === big('NEEDLE-mutation')).toBe(true);
    const exported = await exportBundle(store);
    expect(exported.claims.find((c) => c.id === 'claim-mb')?.text === text).toBe(true);

    // Claims are found by their text and by their statements' words; sources by name and aliases (not descriptions).
    const found = await gql(store, `{ a: claims(search: "needle-import") { nodes { id: recordId } } b: claims(search: "NEEDLE-QUOTE") { nodes { id: recordId } } c: claims(search: "needle-mutation") { nodes { id: recordId } } s: sources(search: "Megabyte") { nodes { id: recordId } } }`);
    expect(found.data).toEqual({ a: { nodes: [{ id: 'claim-mb' }] }, b: { nodes: [{ id: 'claim-mb' }] }, c: { nodes: [{ id: 'claim-mb-2' }] }, s: { nodes: [{ id: 'src-mb' }] } });
  });

  it('a 1 MiB id: stored, found by it, exported identical', async () => {
    cases++;
    const id = `claim-${big('id')}`;
    await importBundle(store, { format: 'claimgraph-bundle', version: 1, claims: [{ id, text: 'A claim with a megabyte id.' }] }, { editor: EDITOR });
    const read = await gql(store, `query($id: ID!) { claim(id: $id) { id: recordId text } }`, { id });
    expect((read.data?.claim as { id: string } | undefined)?.id === id).toBe(true);
    expect((await exportBundle(store)).claims.filter((c) => c.id === id)).toHaveLength(1);
  });

  it('a search longer than 200 characters is refused as BAD_USER_INPUT, not run', async () => {
    cases++;
    const result = await gql(store, `query($q: String!) { claims(search: $q) { totalCount } }`, { q: 'x'.repeat(MB) });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('unpaired surrogates, which no UTF-8 engine can store as sent', () => {
  // Grafeo (and Neo4j through Bolt) would store U+FFFD in their place: the
  // record would come back different and could not be found by its own id.
  it.each([
    ['a lone high surrogate in a claim text', { claims: [{ id: 'claim-lone', text: 'half a pair: \ud83d' }] }, '$.claims[0].text'],
    ['a lone low surrogate in an id', { claims: [{ id: 'claim-\udc00', text: 'fine' }] }, '$.claims[0].id'],
    ['a reversed pair in an alias', { sources: [{ id: 'src-lone', name: 'Fine', kind: 'PERSON', anonymous: false, aliases: ['ok', '\ude00\ud83d'] }] }, '$.sources[0].aliases[1]'],
  ])('%s is refused with BAD_USER_INPUT at its path, and nothing is written', async (_, sections, path) => {
    cases++;
    const before = await exportBundle(store);
    const error = await importBundle(store, { format: 'claimgraph-bundle', version: 1, ...sections }, { editor: EDITOR }).catch((e: unknown) => e);
    expect(expectBadInput(error).map((p) => p.path)).toEqual([path]);
    expect(await exportBundle(store)).toEqual(before);
  });

  it('through a mutation too, with the problem at the input path', async () => {
    cases++;
    const before = await exportBundle(store);
    const result = await gql(store, `mutation($t: String!) { createClaim(input: { text: $t }) { claim { id: recordId } } }`, { t: 'half a pair: \ud83d' }, EDITOR);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    // The problem names the record by the id it was to get (generated, as none was given).
    expect(result.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'input.text', id: expect.stringMatching(/^claim-/), expected: 'well-formed Unicode text (no unpaired surrogate)', got: '"half a pair: \\ud83d"' },
    ]);
    expect(await exportBundle(store)).toEqual(before);
  });
});
