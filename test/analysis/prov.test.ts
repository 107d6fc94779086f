import { claimProvenance, type ProvFormat } from '../../src/analysis/prov';
import { ClaimgraphError } from '../../src/errors';
import { importBundle } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { codes, emptyStore, gql, RecordingStore, seededStore } from '../helpers';
import { NS, parseJsonLd, parseTurtle, Triples } from './rdf';

/*
 * The PROV-O of a claim, read back as triples: Turtle through n3's Parser,
 * JSON-LD through jsonld's toRDF (offline). Every check is on triples, never
 * on the text.
 */

const B = 'urn:claimgraph:';
const st = (id: string) => `${B}statement:${id}`;
const src = (id: string) => `${B}source:${id}`;
const doc = (id: string) => `${B}document:${id}`;
const claim = (id: string) => `${B}claim:${id}`;
const { prov, cg, schema, dcterms, foaf, rdfs, xsd } = NS;

async function both(store: GraphStore, claimId: string, base?: string): Promise<{ turtle: Triples; jsonld: Triples }> {
  const options = (format: ProvFormat) => (base === undefined ? { format } : { format, base });
  const turtle = new Triples(parseTurtle(await claimProvenance(store, claimId, options('TURTLE'))));
  const jsonld = new Triples(await parseJsonLd(await claimProvenance(store, claimId, options('JSONLD'))));
  return { turtle, jsonld };
}

async function rejection(promise: Promise<unknown>): Promise<ClaimgraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ClaimgraphError) return error;
    throw error;
  }
  throw new Error('expected a ClaimgraphError, got none');
}

describe('PROV-O of the seed (the Dumayr report)', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  const KHALED = 'st-al-masoud-asserts-general-security-member';
  const MOTHER = 'st-mother-asserts-identified-himself';
  const REPORT = doc('doc-dumayr-report');
  const quotation = (statement: string, document: string) => `${B}appearance:${statement}:${document}`;

  it.each(['TURTLE', 'JSONLD'] as const)("an intermediary: the report quotes Khaled al-Masoud's statement, which reached it through his mother (%s)", async (format) => {
    const { turtle, jsonld } = await both(store, 'claim-al-masoud-member-of-general-security');
    const g = format === 'TURTLE' ? turtle : jsonld;
    // The document quotes the statement (v1's REPORTED_VIA chain is now the appearance's intermediaries).
    expect(g.objects(REPORT, `${prov}wasQuotedFrom`)).toEqual([`<${st(KHALED)}>`]);
    const q = quotation(KHALED, 'doc-dumayr-report');
    expect(g.objects(REPORT, `${prov}qualifiedQuotation`)).toEqual([`<${q}>`]);
    expect(g.types(q).sort()).toEqual([`${cg}Appearance`, `${prov}Quotation`].sort());
    expect(g.objects(q, `${prov}entity`)).toEqual([`<${st(KHALED)}>`]);
    // The mother carried his words: the one intermediary, step 1, with no document of her own. A
    // quotation is an influence by an entity in PROV-O: the intermediary is on the step, not an agent of it.
    expect(g.objects(q, `${prov}agent`)).toEqual([]);
    const [step, ...more] = g.objects(q, `${cg}via`).map((o) => o.slice(1, -1));
    expect(more).toEqual([]);
    expect(g.objects(step as string, `${cg}order`)).toEqual([`"1"^^<${xsd}integer>`]);
    expect(g.objects(step as string, `${cg}intermediary`)).toEqual([`<${src('src-sabah-al-sheikh-al-kilani')}>`]);
    expect(g.objects(step as string, `${cg}document`)).toEqual([]);
    // The report only paraphrases him: the paraphrase is the report's, on the appearance; no quote, so no prov:value.
    expect(g.values(q, `${prov}value`)).toEqual([]);
    expect(g.values(q, `${cg}paraphrase`)).toEqual([expect.stringContaining('General Security')]);
    expect(g.values(st(KHALED), `${prov}value`)).toEqual([]);
    expect(g.values(st(KHALED), `${cg}paraphrase`)).toEqual([]);
    // His own statement: his, on the claim, firm, current, derived from nothing.
    expect(g.objects(st(KHALED), `${prov}wasAttributedTo`)).toEqual([`<${src('src-khaled-al-masoud')}>`]);
    expect(g.types(st(KHALED))).toEqual(expect.arrayContaining([`${prov}Entity`, `${cg}Statement`]));
    expect(g.values(st(KHALED), `${cg}stance`)).toEqual(['ASSERTS']);
    expect(g.objects(st(KHALED), `${cg}hedged`)).toEqual([`"false"^^<${xsd}boolean>`]);
    expect(g.objects(st(KHALED), `${cg}current`)).toEqual([`"true"^^<${xsd}boolean>`]);
    expect(g.objects(st(KHALED), `${cg}on`)).toEqual([`<${claim('claim-al-masoud-member-of-general-security')}>`]);
    expect(g.objects(st(KHALED), `${prov}wasDerivedFrom`)).toEqual([]);
    expect(g.objects(st(KHALED), `${prov}hadPrimarySource`)).toEqual([]);
    // A channel is not a speaker: nothing here is attributed to the mother, and her own statement (on another claim) is not part of it.
    expect(g.subjects(`${prov}wasAttributedTo`, src('src-sabah-al-sheikh-al-kilani'))).toEqual([]);
    expect(g.about(st(MOTHER))).toEqual([]);
    // The claim itself.
    expect(g.types(claim('claim-al-masoud-member-of-general-security'))).toEqual([`${schema}Claim`]);
    expect(g.values(claim('claim-al-masoud-member-of-general-security'), `${schema}text`)).toEqual(['Khaled al-Masoud was a member of General Security.']);
  });

  it('the mother, an intermediary, acted on behalf of the family, as its "mother" (qualified delegation), and is a named person', async () => {
    const { turtle: g } = await both(store, 'claim-al-masoud-member-of-general-security');
    const mother = src('src-sabah-al-sheikh-al-kilani');
    const family = src('src-al-masoud-family');
    expect(g.objects(mother, `${prov}actedOnBehalfOf`)).toEqual([`<${family}>`]);
    const [delegation] = g.objects(mother, `${prov}qualifiedDelegation`).map((o) => o.slice(1, -1));
    expect(delegation).toBeDefined();
    expect(g.types(delegation as string)).toEqual([`${prov}Delegation`]);
    expect(g.objects(delegation as string, `${prov}agent`)).toEqual([`<${family}>`]);
    const roles = g.objects(delegation as string, `${prov}hadRole`).map((o) => o.slice(1, -1));
    expect(roles.flatMap((r) => g.values(r, `${rdfs}label`))).toEqual(['mother']);
    expect(g.types(mother).sort()).toEqual([`${prov}Agent`, `${prov}Person`]);
    expect(g.values(mother, `${foaf}name`)).toEqual(['Sabah al-Sheikh al-Kilani']);
    // The family has no parent, and is a group: an agent, neither person nor organisation.
    expect(g.objects(family, `${prov}actedOnBehalfOf`)).toEqual([]);
    expect(g.types(family)).toEqual([`${prov}Agent`]);
    expect(g.values(family, `${cg}kind`)).toEqual(['GROUP']);
    // A group's name describes it: a label, not a name.
    expect(g.values(family, `${rdfs}label`)).toEqual(['Family of Khaled al-Masoud']);
    expect(g.values(family, `${foaf}name`)).toEqual([]);
  });

  it("the mother's own claim is her statement alone: carrying her son's words made it no relay of them", async () => {
    const { turtle: g } = await both(store, 'claim-al-masoud-identified-himself-as-general-security');
    expect(g.subjects(`${cg}on`, claim('claim-al-masoud-identified-himself-as-general-security'))).toEqual([st(MOTHER)]);
    expect(g.objects(st(MOTHER), `${prov}wasAttributedTo`)).toEqual([`<${src('src-sabah-al-sheikh-al-kilani')}>`]);
    expect(g.objects(REPORT, `${prov}wasQuotedFrom`)).toEqual([`<${st(MOTHER)}>`]);
    expect(g.about(st(KHALED))).toEqual([]);
    expect(g.quads.filter((q) => q.predicate.value === `${prov}wasDerivedFrom`)).toEqual([]);
  });

  it("derivation: Emily Tripp's statement on the US \"mistakes\" is derived from the US government's designation, which reached the report through her", async () => {
    const { turtle, jsonld } = await both(store, 'claim-multiple-us-mistakes');
    expect(jsonld.lines()).toEqual(turtle.lines());
    const g = turtle;
    const TRIPP = 'st-tripp-asserts-us-mistakes';
    const US = 'st-us-government-designated-mistakes';
    expect(g.objects(st(TRIPP), `${prov}wasDerivedFrom`)).toEqual([`<${st(US)}>`]);
    expect(g.objects(st(TRIPP), `${prov}hadPrimarySource`)).toEqual([`<${st(US)}>`]);
    expect(g.objects(st(US), `${prov}wasDerivedFrom`)).toEqual([]);
    expect(g.objects(st(US), `${prov}wasAttributedTo`)).toEqual([`<${src('src-us-government')}>`]);
    // The designation's one word is quoted, in the report, through Tripp.
    const q = quotation(US, 'doc-dumayr-report');
    expect(g.values(q, `${prov}value`)).toEqual(['mistakes']);
    const [trippStep] = g.objects(q, `${cg}via`).map((o) => o.slice(1, -1));
    expect(g.objects(trippStep as string, `${cg}intermediary`)).toEqual([`<${src('src-emily-tripp')}>`]);
    expect(g.objects(REPORT, `${prov}wasQuotedFrom`)).toEqual([`<${st(TRIPP)}>`, `<${st(US)}>`].sort());
    // Tripp speaks for Airwars; the US government is an organisation.
    expect(g.objects(src('src-emily-tripp'), `${prov}actedOnBehalfOf`)).toEqual([`<${src('src-airwars')}>`]);
    expect(g.types(src('src-us-government')).sort()).toEqual([`${prov}Agent`, `${prov}Organization`]);
  });

  it('the undercover claim: the three officials\' statement is attributed to an anonymous agent with no personal name', async () => {
    const { turtle: g } = await both(store, 'claim-al-masoud-undercover-against-is');
    const officials = src('src-three-syrian-officials');
    expect(g.objects(st('st-officials-assert-undercover'), `${prov}wasAttributedTo`)).toEqual([`<${officials}>`]);
    expect(g.types(officials)).toEqual([`${prov}Agent`]);
    expect(g.values(officials, `${foaf}name`)).toEqual([]);
    expect(g.objects(officials, `${cg}anonymous`)).toEqual([`"true"^^<${xsd}boolean>`]);
    expect(g.objects(officials, `${cg}count`)).toEqual([`"3"^^<${xsd}integer>`]);
    // Only the graph's own description of them, as a label.
    expect(g.values(officials, `${rdfs}label`)).toEqual(['Three Syrian officials speaking anonymously']);
    // They speak for the interim government, as its officials.
    expect(g.objects(officials, `${prov}actedOnBehalfOf`)).toEqual([`<${src('src-syrian-interim-government')}>`]);
    expect(g.types(src('src-syrian-interim-government')).sort()).toEqual([`${prov}Agent`, `${prov}Organization`]);
    // Two statements on the claim, each printed by the report directly: no intermediary, nothing derived.
    expect(g.subjects(`${cg}on`, claim('claim-al-masoud-undercover-against-is'))).toEqual([st('st-family-asserts-undercover'), st('st-officials-assert-undercover')]);
    expect(g.objects(REPORT, `${prov}wasQuotedFrom`)).toEqual([`<${st('st-family-asserts-undercover')}>`, `<${st('st-officials-assert-undercover')}>`]);
    expect(g.quads.filter((q) => q.predicate.value === `${cg}via` || q.predicate.value === `${prov}wasDerivedFrom`)).toEqual([]);
  });

  it('the report has no publisher, URL or date: no triple says otherwise', async () => {
    const { turtle, jsonld } = await both(store, 'claim-al-masoud-undercover-against-is');
    for (const g of [turtle, jsonld]) {
      const report = doc('doc-dumayr-report');
      expect(g.values(report, `${dcterms}title`)).toEqual(['Untitled report on the US raid in Dumayr']);
      expect(g.types(report).sort()).toEqual([`${prov}Entity`, `${cg}Document`]);
      const predicates = g.about(report).map((q) => q.predicate.value);
      for (const absent of [`${prov}wasAttributedTo`, `${dcterms}publisher`, `${dcterms}issued`, `${schema}url`]) expect(predicates).not.toContain(absent);
      // And nothing points at the report as something attributed to it.
      expect(g.quads.filter((q) => q.predicate.value === `${dcterms}publisher`)).toEqual([]);
    }
  });

  it('Turtle and JSON-LD give the same graph for every claim of the seed', async () => {
    const rows = await gql(store, '{ claims(first: 100) { nodes { id: recordId } } }');
    const ids = ((rows.data?.claims as { nodes: { id: string }[] }).nodes).map((n) => n.id);
    expect(ids).toHaveLength(34);
    for (const id of ids) {
      const { turtle, jsonld } = await both(store, id);
      expect(turtle.blankNodes()).toBe(0); // no blank nodes: equal triple sets are isomorphic graphs
      expect(jsonld.lines()).toEqual(turtle.lines());
      expect(turtle.lines().length).toBeGreaterThan(10);
    }
  });

  it('an unknown claim is NOT_FOUND; a bad IRI base is BAD_USER_INPUT', async () => {
    const missing = await rejection(claimProvenance(store, 'claim-nope'));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('No claim with id "claim-nope".');
    for (const base of ['no scheme', 'urn:with space', 'prov:clash/', '']) {
      const bad = await rejection(claimProvenance(store, 'claim-al-masoud-undercover-against-is', { base }));
      expect(bad.code).toBe('BAD_USER_INPUT');
      expect(bad.message).toContain(`got ${JSON.stringify(base)}`);
    }
  });
});

describe('PROV-O over GraphQL', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  it('Claim.provenance gives Turtle or JSON-LD (the default) of the same graph', async () => {
    const result = await gql(
      store,
      `query ($id: ID!) { claim(id: $id) { ttl: provenance(format: TURTLE) json: provenance } }`,
      { id: 'claim-al-masoud-member-of-general-security' },
    );
    expect(result.errors).toBeUndefined();
    const c = result.data?.claim as { ttl: string; json: { '@context': unknown } };
    // One JSON type for both formats: the JSON-LD is an object (as Claim.claimReview is), the Turtle a string.
    expect(typeof c.ttl).toBe('string');
    expect(typeof c.json).toBe('object');
    expect(typeof c.json['@context']).toBe('object');
    const turtle = new Triples(parseTurtle(c.ttl));
    const jsonld = new Triples(await parseJsonLd(JSON.stringify(c.json)));
    expect(jsonld.lines()).toEqual(turtle.lines());
    expect(turtle.has(doc('doc-dumayr-report'), `${prov}wasQuotedFrom`, st('st-al-masoud-asserts-general-security-member'))).toBe(true);
  });

  it('takes an IRI base', async () => {
    const result = await gql(store, `{ claim(id: "claim-al-masoud-undercover-against-is") { provenance(format: TURTLE, base: "https://example.org/id/") } }`);
    const g = new Triples(parseTurtle((result.data?.claim as { provenance: string }).provenance));
    expect(g.objects('https://example.org/id/statement:st-officials-assert-undercover', `${prov}wasAttributedTo`)).toEqual([
      '<https://example.org/id/source:src-three-syrian-officials>',
    ]);
    expect(g.quads.some((q) => q.subject.value.startsWith(B))).toBe(false);
  });

  it('an unknown claim is NOT_FOUND and a bad base BAD_USER_INPUT, saying what came', async () => {
    const missing = await gql(store, '{ claim(id: "claim-nope") { provenance } }');
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    const bad = await gql(store, '{ claim(id: "claim-al-masoud-undercover-against-is") { provenance(base: "not an iri") } }');
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0]?.message).toContain('got "not an iri"');
    const format = await gql(store, '{ claim(id: "claim-al-masoud-undercover-against-is") { provenance(format: RDFXML) } }');
    expect(codes(format)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('costs one round trip for the provenance of every claim on a page (40: provenance counts 500 in the cost)', async () => {
    const recording = new RecordingStore(store);
    const result = await gql(recording, '{ claims(first: 40) { nodes { provenance(format: TURTLE) } } }');
    expect(result.errors).toBeUndefined();
    expect((result.data?.claims as { nodes: unknown[] }).nodes).toHaveLength(34);
    expect(recording.calls.filter((c) => c === 'provenance-by-claims')).toHaveLength(1);
    expect(recording.calls).toHaveLength(2); // the page, then the provenance of all 34
  });
});

describe('PROV-O rules on a small graph (a version 1 bundle, upgraded on the way in)', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await emptyStore();
    await importBundle(
      store,
      {
        format: 'claimgraph-bundle',
        version: 1,
        sources: [
          { id: 's-reporter', name: 'Rita Reporter', kind: 'PERSON', anonymous: false },
          { id: 's-paper', name: 'The Daily Example', kind: 'ORGANIZATION', anonymous: false },
          { id: 's-media', name: 'Example Media Group', kind: 'ORGANIZATION', anonymous: false },
          { id: 's-witness', name: 'A witness who asked not to be named', kind: 'PERSON', anonymous: true },
          { id: 's-spokes', name: 'Sam Spokes', kind: 'PERSON', anonymous: false },
          { id: 's-ministry', name: 'Ministry of Bridges', kind: 'ORGANIZATION', anonymous: false },
          { id: 's-other', name: 'Someone else', kind: 'UNKNOWN', anonymous: true },
          { id: 's-odd/id:1', name: 'Odd Id', kind: 'PERSON', anonymous: false },
        ],
        affiliations: [
          { source: 's-reporter', parent: 's-paper', role: 'correspondent' },
          { source: 's-paper', parent: 's-media' },
          { source: 's-spokes', parent: 's-ministry', role: 'spokesperson' },
        ],
        documents: [
          { id: 'd1', title: 'Daily Example story', publisher: 's-paper', url: 'https://example.org/story?id=1&x=y', publishedAt: '2024-03-01' },
          { id: 'd2', title: 'Press release' },
        ],
        claims: [
          { id: 'c1', text: 'The bridge collapsed at night.' },
          { id: 'c2', text: 'A witness saw the bridge collapse.' },
          { id: 'c3', text: 'Something else.' },
          { id: 'c4', text: 'The bridge was old.' },
          { id: 'c-empty', text: 'Nobody spoke of this.' },
        ],
        statements: [
          // The witness's words reach d1 through the spokesman, whom the reporter quotes.
          { id: 'st-witness', source: 's-witness', claim: 'c1', stance: 'ASSERTS', quote: 'I saw it fall at 2am', document: 'd1', reportedVia: 'st-spokes' },
          { id: 'st-spokes', source: 's-spokes', claim: 'c2', stance: 'ASSERTS', paraphrase: 'The spokesman said a witness saw it.', document: 'd2', reportedVia: 'st-reporter' },
          { id: 'st-reporter', source: 's-reporter', claim: 'c2', stance: 'ASSERTS', document: 'd1' },
          { id: 'st-ministry', source: 's-ministry', claim: 'c1', stance: 'HEDGES', hedge: 'possibly', quote: 'No "collapse"\nhappened, possibly', document: 'd2', madeAt: 'Sunday' },
          // The spokesman also carried this one: not part of c1's chain.
          { id: 'st-other', source: 's-other', claim: 'c3', stance: 'ASSERTS', reportedVia: 'st-spokes' },
          { id: 'st odd/1:x', source: 's-odd/id:1', claim: 'c4', stance: 'ASSERTS', document: 'd1' },
        ],
      },
      { editor: 'test' },
    );
  });
  afterAll(() => store.close());

  it("a version 1 relay chain, upgraded: the witness's words reach d1 through the reporter and the spokesman, in that order", async () => {
    const { turtle: g, jsonld } = await both(store, 'c1');
    expect(jsonld.lines()).toEqual(g.lines());
    // d1 quotes the witness; the chain of relays is the appearance's intermediaries, outermost first.
    expect(g.objects(doc('d1'), `${prov}wasQuotedFrom`)).toEqual([`<${st('st-witness')}>`]);
    const q = `${B}appearance:st-witness:d1`;
    expect(g.values(q, `${prov}value`)).toEqual(['I saw it fall at 2am']);
    const steps = g.objects(q, `${cg}via`).map((o) => o.slice(1, -1));
    const byOrder = steps.map((step) => [g.objects(step, `${cg}order`), g.objects(step, `${cg}intermediary`), g.objects(step, `${cg}document`)]);
    expect(byOrder.sort()).toEqual([
      [[`"1"^^<${xsd}integer>`], [`<${src('s-reporter')}>`], []],
      // The spokesman's own words were in the press release.
      [[`"2"^^<${xsd}integer>`], [`<${src('s-spokes')}>`], [`<${doc('d2')}>`]],
    ]);
    expect(g.objects(q, `${prov}agent`)).toEqual([]);
    // The relays spoke on another claim: they are channels here, their statements not part of c1's record.
    expect(g.about(st('st-spokes'))).toEqual([]);
    expect(g.about(st('st-reporter'))).toEqual([]);
    expect(g.objects(st('st-witness'), `${prov}wasDerivedFrom`)).toEqual([]);
    // The other statement the spokesman carried is not in c1's chain.
    expect(g.about(st('st-other'))).toEqual([]);
    expect(g.about(claim('c3'))).toEqual([]);
    expect(g.about(src('s-other'))).toEqual([]);
  });

  it("a version 1 relay on the relayed statement's own claim becomes a derivation: the reporter's statement is derived from the spokesman's", async () => {
    const { turtle: g, jsonld } = await both(store, 'c2');
    expect(jsonld.lines()).toEqual(g.lines());
    expect(g.objects(st('st-reporter'), `${prov}wasDerivedFrom`)).toEqual([`<${st('st-spokes')}>`]);
    expect(g.objects(st('st-reporter'), `${prov}hadPrimarySource`)).toEqual([`<${st('st-spokes')}>`]);
    expect(g.objects(st('st-spokes'), `${prov}wasDerivedFrom`)).toEqual([]);
    expect(g.objects(doc('d1'), `${prov}wasQuotedFrom`)).toEqual([`<${st('st-reporter')}>`]);
    expect(g.objects(doc('d2'), `${prov}wasQuotedFrom`)).toEqual([`<${st('st-spokes')}>`]);
  });

  it('quotes, hedges and the date as given survive both serialisations exactly', async () => {
    const { turtle, jsonld } = await both(store, 'c1');
    for (const g of [turtle, jsonld]) {
      // The words printed in a document are that appearance's.
      expect(g.values(`${B}appearance:st-ministry:d2`, `${prov}value`)).toEqual(['No "collapse"\nhappened, possibly']);
      expect(g.values(st('st-ministry'), `${prov}value`)).toEqual([]);
      // Version 1's HEDGES: an assertion, hedged, with its words.
      expect(g.values(st('st-ministry'), `${cg}hedge`)).toEqual(['possibly']);
      expect(g.values(st('st-ministry'), `${cg}stance`)).toEqual(['ASSERTS']);
      expect(g.objects(st('st-ministry'), `${cg}hedged`)).toEqual([`"true"^^<${xsd}boolean>`]);
      // "Sunday" is the document's word for the time, not a date.
      expect(g.values(st('st-ministry'), `${cg}madeAt`)).toEqual(['Sunday']);
      expect(g.values(st('st-ministry'), `${cg}date`)).toEqual([]);
      expect(g.values(`${B}appearance:st-witness:d1`, `${prov}value`)).toEqual(['I saw it fall at 2am']);
    }
  });

  it('affiliations up to the top, a delegation without a role has no role, and the anonymous witness has no name', async () => {
    const { turtle: g } = await both(store, 'c1');
    expect(g.objects(src('s-reporter'), `${prov}actedOnBehalfOf`)).toEqual([`<${src('s-paper')}>`]);
    expect(g.objects(src('s-paper'), `${prov}actedOnBehalfOf`)).toEqual([`<${src('s-media')}>`]);
    expect(g.types(src('s-media')).sort()).toEqual([`${prov}Agent`, `${prov}Organization`]);
    const [paperDelegation] = g.objects(src('s-paper'), `${prov}qualifiedDelegation`).map((o) => o.slice(1, -1));
    expect(g.objects(paperDelegation as string, `${prov}agent`)).toEqual([`<${src('s-media')}>`]);
    expect(g.objects(paperDelegation as string, `${prov}hadRole`)).toEqual([]);
    expect(g.types(src('s-witness')).sort()).toEqual([`${prov}Agent`, `${prov}Person`]);
    expect(g.values(src('s-witness'), `${foaf}name`)).toEqual([]);
    expect(g.values(src('s-spokes'), `${foaf}name`)).toEqual(['Sam Spokes']);
  });

  it('a known publisher, URL and date are stated, typed', async () => {
    const { turtle, jsonld } = await both(store, 'c1');
    for (const g of [turtle, jsonld]) {
      expect(g.objects(doc('d1'), `${prov}wasAttributedTo`)).toEqual([`<${src('s-paper')}>`]);
      expect(g.objects(doc('d1'), `${dcterms}publisher`)).toEqual([`<${src('s-paper')}>`]);
      expect(g.objects(doc('d1'), `${dcterms}issued`)).toEqual([`"2024-03-01"^^<${xsd}date>`]);
      expect(g.objects(doc('d1'), `${schema}url`)).toEqual([`"https://example.org/story?id=1&x=y"^^<${xsd}anyURI>`]);
      expect(g.objects(doc('d2'), `${prov}wasAttributedTo`)).toEqual([]);
    }
  });

  it('a publisher that made no statement is still an agent, with its parents', async () => {
    const { turtle: g } = await both(store, 'c4');
    expect(g.types(src('s-paper'))).toContain(`${prov}Organization`);
    expect(g.objects(src('s-paper'), `${prov}actedOnBehalfOf`)).toEqual([`<${src('s-media')}>`]);
    expect(g.about(src('s-reporter'))).toEqual([]);
  });

  it('ids are percent-encoded into one IRI segment', async () => {
    const { turtle: g, jsonld } = await both(store, 'c4');
    expect(jsonld.lines()).toEqual(g.lines());
    expect(g.objects(`${B}statement:st%20odd%2F1%3Ax`, `${prov}wasAttributedTo`)).toEqual([`<${B}source:s-odd%2Fid%3A1>`]);
  });

  it('a claim nobody spoke of is a claim with no statements', async () => {
    const { turtle: g, jsonld } = await both(store, 'c-empty');
    expect(jsonld.lines()).toEqual(g.lines());
    expect(g.lines()).toEqual([
      `<${claim('c-empty')}> <${NS.rdf}type> <${schema}Claim> .`,
      `<${claim('c-empty')}> <${schema}text> "Nobody spoke of this." .`,
    ]);
  });
});

describe('PROV-O of appearances, intermediaries, derivation and revision (a version 2 bundle)', () => {
  let store: GraphStore;
  const TEXT = 'Officials said: "We hit the depot at dawn," the agency reported.';
  beforeAll(async () => {
    store = await emptyStore();
    await importBundle(store, {
      format: 'claimgraph-bundle',
      version: 2,
      sources: [
        { id: 's-official', name: 'An official speaking anonymously', kind: 'PERSON', anonymous: true },
        { id: 's-agency', name: 'Example Agency', kind: 'ORGANIZATION', anonymous: false },
        { id: 's-paper', name: 'The Daily Example', kind: 'ORGANIZATION', anonymous: false },
        { id: 's-blog', name: 'Example Blog', kind: 'ORGANIZATION', anonymous: false },
        { id: 's-ministry', name: 'Ministry of Defence', kind: 'ORGANIZATION', anonymous: false },
      ],
      documents: [
        { id: 'd-agency', title: 'Agency wire', publisher: 's-agency', publishedAt: '2025-03-15T09:30Z', text: TEXT },
        { id: 'd-paper', title: 'Paper story', publisher: 's-paper', publishedAt: '2025-03-16' },
        { id: 'd-blog', title: 'Blog post', publisher: 's-blog', publishedAt: '2025-03' },
        { id: 'd-inquiry', title: 'Inquiry report', publisher: 's-ministry', publishedAt: '2025-10-30' },
      ],
      claims: [
        { id: 'c-depot', text: 'The strike hit a weapons depot.' },
        { id: 'c-school', text: 'The strike hit a school.' },
      ],
      statements: [
        // One remark, printed three times: directly by the agency, by the paper citing the agency,
        // and by the blog citing the paper citing the agency.
        {
          id: 'st-official', source: 's-official', claim: 'c-depot', stance: 'ASSERTS', date: '2025-03-15', madeAt: 'at dawn on Saturday',
          appearances: [
            { document: 'd-agency', quote: 'We hit the depot at dawn', selector: { exact: 'We hit the depot at dawn', prefix: 'said: "', suffix: '," the' } },
            { document: 'd-paper', paraphrase: 'An official said the depot was hit.', via: [{ source: 's-agency', document: 'd-agency' }] },
            { document: 'd-blog', via: ['s-paper', { source: 's-agency' }] },
          ],
        },
        // The paper, then the blog, repeating it in their own voice without saying whose it was.
        { id: 'st-paper', source: 's-paper', claim: 'c-depot', stance: 'ASSERTS', derivedFrom: 'st-official', appearances: [{ document: 'd-paper' }] },
        { id: 'st-blog', source: 's-blog', claim: 'c-depot', stance: 'ASSERTS', derivedFrom: 'st-paper', appearances: [{ document: 'd-blog' }] },
        // The ministry first asserted the depot, then its inquiry found the school was hit (the claims contradict).
        { id: 'st-ministry-spring', source: 's-ministry', claim: 'c-depot', stance: 'ASSERTS', date: '2025-03-16' },
        { id: 'st-ministry-autumn', source: 's-ministry', claim: 'c-school', stance: 'ASSERTS', hedged: true, hedge: 'most likely', date: '2025-10-30', appearances: [{ document: 'd-inquiry' }] },
        // And on the school claim, a doubt it later revised explicitly.
        { id: 'st-ministry-doubt', source: 's-ministry', claim: 'c-school', stance: 'DENIES', hedged: true, hedge: 'not confident', date: '2025-06-01' },
      ],
      links: [{ type: 'CONTRADICTS', from: 'c-depot', to: 'c-school', linkedBy: 'test', reason: 'One target was hit.' }],
    }, { editor: 'test' });
  });
  afterAll(() => store.close());

  it('each document that printed the remark quotes it, in its own words, through its own intermediaries', async () => {
    const { turtle: g, jsonld } = await both(store, 'c-depot');
    expect(jsonld.lines()).toEqual(g.lines());
    const q = (d: string) => `${B}appearance:st-official:${d}`;
    for (const d of ['d-agency', 'd-paper', 'd-blog']) {
      expect(g.objects(doc(d), `${prov}wasQuotedFrom`)).toEqual(expect.arrayContaining([`<${st('st-official')}>`]));
      expect(g.objects(doc(d), `${prov}qualifiedQuotation`)).toContain(`<${q(d)}>`);
      expect(g.objects(q(d), `${prov}entity`)).toEqual([`<${st('st-official')}>`]);
    }
    // The agency printed the words, found in its text by a TextQuoteSelector.
    expect(g.values(q('d-agency'), `${prov}value`)).toEqual(['We hit the depot at dawn']);
    expect(g.values(q('d-agency'), `${cg}exact`)).toEqual(['We hit the depot at dawn']);
    expect(g.values(q('d-agency'), `${cg}prefix`)).toEqual(['said: "']);
    expect(g.values(q('d-agency'), `${cg}suffix`)).toEqual(['," the']);
    expect(g.objects(q('d-agency'), `${prov}agent`)).toEqual([]);
    // The paper paraphrased it, citing the agency's wire.
    expect(g.values(q('d-paper'), `${cg}paraphrase`)).toEqual(['An official said the depot was hit.']);
    expect(g.values(q('d-paper'), `${prov}value`)).toEqual([]);
    const [paperStep] = g.objects(q('d-paper'), `${cg}via`).map((o) => o.slice(1, -1));
    expect(g.objects(paperStep as string, `${cg}intermediary`)).toEqual([`<${src('s-agency')}>`]);
    expect(g.objects(paperStep as string, `${cg}document`)).toEqual([`<${doc('d-agency')}>`]);
    // The blog: citing the paper, citing the agency (outermost first).
    const steps = g.objects(q('d-blog'), `${cg}via`).map((o) => o.slice(1, -1));
    const ordered = steps.map((step) => [g.values(step, `${cg}order`)[0], g.objects(step, `${cg}intermediary`)[0]]).sort();
    expect(ordered).toEqual([['1', `<${src('s-paper')}>`], ['2', `<${src('s-agency')}>`]]);
    // One act of saying: one statement, attributed to the official alone, dated as said.
    expect(g.objects(st('st-official'), `${prov}wasAttributedTo`)).toEqual([`<${src('s-official')}>`]);
    expect(g.objects(st('st-official'), `${cg}date`)).toEqual([`"2025-03-15"^^<${xsd}date>`]);
    expect(g.values(st('st-official'), `${cg}madeAt`)).toEqual(['at dawn on Saturday']);
    // The intermediaries are agents of the record, never authors of the official's statement.
    expect(g.types(src('s-agency'))).toContain(`${prov}Organization`);
    expect(g.subjects(`${prov}wasAttributedTo`, src('s-agency'))).toEqual([doc('d-agency')]);
  });

  it('a derived statement prov:wasDerivedFrom the one it took its content from, with the end of the chain as its primary source', async () => {
    const { turtle: g } = await both(store, 'c-depot');
    expect(g.objects(st('st-blog'), `${prov}wasDerivedFrom`)).toEqual([`<${st('st-paper')}>`]);
    expect(g.objects(st('st-blog'), `${prov}hadPrimarySource`)).toEqual([`<${st('st-official')}>`]);
    expect(g.objects(st('st-paper'), `${prov}wasDerivedFrom`)).toEqual([`<${st('st-official')}>`]);
    expect(g.objects(st('st-paper'), `${prov}hadPrimarySource`)).toEqual([`<${st('st-official')}>`]);
    expect(g.objects(st('st-official'), `${prov}hadPrimarySource`)).toEqual([]);
    expect(g.objects(st('st-blog'), `${prov}wasAttributedTo`)).toEqual([`<${src('s-blog')}>`]);
  });

  it('a revision: the later statement prov:wasRevisionOf the earlier, which is no longer current, across claims and within one', async () => {
    const depot = (await both(store, 'c-depot')).turtle;
    // The spring assertion of the depot, superseded by the autumn finding on the contradicting claim.
    expect(depot.objects(st('st-ministry-spring'), `${cg}current`)).toEqual([`"false"^^<${xsd}boolean>`]);
    expect(depot.objects(st('st-ministry-autumn'), `${prov}wasRevisionOf`)).toEqual([`<${st('st-ministry-spring')}>`]);
    expect(depot.objects(st('st-ministry-autumn'), `${cg}on`)).toEqual([`<${claim('c-school')}>`]);
    expect(depot.objects(st('st-ministry-autumn'), `${cg}hedged`)).toEqual([`"true"^^<${xsd}boolean>`]);
    // Those who never revised stand.
    for (const id of ['st-official', 'st-paper', 'st-blog']) expect(depot.objects(st(id), `${cg}current`)).toEqual([`"true"^^<${xsd}boolean>`]);

    const school = (await both(store, 'c-school')).turtle;
    // On the school claim: the June doubt, then the October finding, which revises it. (The spring
    // assertion it also revised is on the depot claim: its record shows that revision, this one does not.)
    expect(school.objects(st('st-ministry-autumn'), `${prov}wasRevisionOf`)).toEqual([`<${st('st-ministry-doubt')}>`]);
    expect(school.about(st('st-ministry-spring'))).toEqual([]);
    expect(school.values(st('st-ministry-doubt'), `${cg}stance`)).toEqual(['DENIES']);
    expect(school.values(st('st-ministry-doubt'), `${cg}hedge`)).toEqual(['not confident']);
    expect(school.objects(st('st-ministry-doubt'), `${cg}current`)).toEqual([`"false"^^<${xsd}boolean>`]);
    expect(school.objects(st('st-ministry-autumn'), `${cg}current`)).toEqual([`"true"^^<${xsd}boolean>`]);
    expect(school.objects(doc('d-inquiry'), `${prov}wasQuotedFrom`)).toEqual([`<${st('st-ministry-autumn')}>`]);
  });
});
