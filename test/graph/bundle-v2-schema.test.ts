import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { BUNDLE_STANCES, checkBundle, FIELDS } from '../../src/graph/bundle';
import { ACH_CELLS, CLAIM_LINK_TYPES, RELIABILITY_GRADES, SOURCE_KINDS, VERDICTS } from '../../src/graph/model';
import { minimalV2, type Raw } from './minimal-bundle';

/**
 * The JSON Schema of version 2 (schema/bundle-v2.schema.json) and the
 * validator (checkBundle) describe the same format. The schema checks each
 * record's shape; checkBundle checks that too, and everything that spans
 * records. These tests keep the two in agreement and make the division of
 * labour explicit (bundle-schema.test.ts does the same for version 1).
 */

const root = join(__dirname, '..', '..');
const readJson = (path: string): Raw => JSON.parse(readFileSync(join(root, path), 'utf8')) as Raw;
const schema = readJson('schema/bundle-v2.schema.json');

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

/** Where each schema error points, as a JSON pointer; a missing or unknown field points at the field itself. */
const schemaErrorsAt = (value: unknown): string[] | null => {
  if (validate(value)) return null;
  return (validate.errors ?? []).map((e: ErrorObject) => {
    const field = (e.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ?? (e.params as { additionalProperty?: string }).additionalProperty;
    return field === undefined ? e.instancePath : `${e.instancePath}/${field}`;
  });
};

/** `$.statements[3].stance` → `/statements/3/stance`. */
const pointer = (path: string): string => path.replace(/^\$/, '').replace(/\[(\d+)\]/g, '/$1').replace(/\./g, '/');

const audit = (): Raw => ({
  createdAt: '2031-03-14T09:00:00.000Z',
  createdBy: 'editor@example.org',
  updatedAt: '2031-03-15T10:30:00.000Z',
  updatedBy: 'reviewer@example.org',
});

// Every field of every record given a value.
const full = (): Raw => ({
  format: 'claimgraph-bundle',
  version: 2,
  description: 'Every field filled in.',
  sources: [
    { id: 's1', name: 'Two officials', kind: 'GROUP', anonymous: true, count: 2, description: 'Speaking anonymously.', aliases: ['the officials'], formerIds: ['s1-old'], recorded: audit(), entity: 'e1' },
    { id: 's2', name: 'Example Org', kind: 'ORGANIZATION', anonymous: false, count: null, description: null, aliases: [], formerIds: [], recorded: null },
  ],
  affiliations: [{ source: 's1', parent: 's2', role: 'officials of', recorded: audit() }],
  entities: [{ id: 'e1', name: 'Example Town', description: 'Fictional.', aliases: ['Sampleton'], formerIds: ['e1-old'], recorded: audit() }],
  documents: [
    {
      id: 'd1', title: 'A report', publisher: 's2', url: 'https://example.org/r', publishedAt: '2031-03-14', note: 'Title supplied by an editor.',
      text: 'Officials said: "It happened." Then they said nothing.', formerIds: ['d1-old'], recorded: audit(),
    },
  ],
  claims: [
    { id: 'c1', text: 'Something happened.', about: ['e1'], formerIds: ['c1-old'], recorded: audit() },
    { id: 'c2', text: 'Nothing happened.', about: [], formerIds: [], recorded: audit() },
  ],
  statements: [
    {
      id: 't1', source: 's1', claim: 'c1', stance: 'ASSERTS', hedged: false, hedge: null, date: '2031-03-13T18:00Z', madeAt: 'Thursday evening',
      quote: null, paraphrase: null, document: 'd1',
      appearances: [{ document: 'd1', quote: 'It happened.', paraphrase: 'Officials confirmed it.', via: ['s2', { source: 's2', document: 'd1' }], selector: { exact: 'It happened.', prefix: 'said: "', suffix: '" Then' },
        retracted: { by: 's2', date: '2031-03-15', document: 'd1', reason: 'We should not have printed it.' } }],
      derivedFrom: null, supersedes: [], formerIds: ['t1-copy'], recorded: audit(),
    },
    {
      id: 't2', source: 's1', claim: 'c1', stance: 'DENIES', hedged: true, hedge: 'no longer confident', date: '2031-03', madeAt: 'this month',
      quote: 'We are no longer confident it happened.', paraphrase: 'They doubted it.', appearances: [], derivedFrom: 't3', supersedes: ['t1'], formerIds: [], recorded: null,
    },
    {
      id: 't3', source: 's2', claim: 'c1', stance: 'WITHDRAWS', hedged: null, hedge: null, date: null, madeAt: null, quote: null, paraphrase: null,
      appearances: null, derivedFrom: null, supersedes: null, formerIds: null, recorded: null,
    },
  ],
  links: [{ type: 'IMPLIES', from: 'c1', to: 'c2', linkedBy: 'editor', reason: 'Illustration only.', recorded: audit() }],
  questions: [
    {
      id: 'q1', text: 'What happened?', hypotheses: ['c1', 'c2'],
      cells: [{ hypothesis: 'c1', statement: 't1', claim: null, cell: 'INCONSISTENT', reason: 'Retracted since.', by: 'editor', at: '2031-03-16T08:00:00+01:00' }],
      recorded: audit(),
    },
  ],
  ratings: [{ id: 'rating-1', source: 's1', grade: 'C', reason: 'Fairly reliable.', by: 'editor', at: '2031-03-14T09:00Z' }],
  assessments: [{ id: 'assessment-1', claim: 'c2', verdict: 'MOSTLY_FALSE', rating: 2, explanation: 'It mostly happened.', url: 'https://example.org/check', by: 'editor', at: '2031-03-14T09:00Z' }],
  changes: [{ id: '2031-03-14T10:00:00.000Z~1', at: '2031-03-14T10:00:00.000Z', by: 'editor', action: 'DELETE', kind: 'STATEMENT', target: 'st-gone', details: { nodes: [{ kind: 'STATEMENT', id: 'st-gone' }] } }],
});

const edited = (base: () => Raw, edit: (b: Raw) => void): Raw => {
  const b = base();
  edit(b);
  return b;
};

describe('bundle v2 JSON Schema: the schema itself', () => {
  test('compiles with Ajv (draft 2020-12, strict mode) and carries its identity', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://claimgraph.dev/schema/bundle-v2.schema.json');
    expect(schema.properties.format.const).toBe('claimgraph-bundle');
    expect(schema.properties.version.const).toBe(2);
    expect(schema.description).toMatch(/cannot check rules that span records/);
  });

  test('its enums are the model vocabularies (and HEDGES, the shorthand)', () => {
    expect(schema.$defs.source.properties.kind.enum).toEqual([...SOURCE_KINDS]);
    expect(schema.$defs.statement.properties.stance.enum).toEqual([...BUNDLE_STANCES]);
    expect(schema.$defs.link.properties.type.enum).toEqual([...CLAIM_LINK_TYPES]);
    expect(schema.$defs.cell.properties.cell.enum).toEqual([...ACH_CELLS]);
    expect(schema.$defs.rating.properties.grade.enum).toEqual([...RELIABILITY_GRADES]);
    expect(schema.$defs.assessment.properties.verdict.enum).toEqual([...VERDICTS]);
  });

  test('every object forbids unknown fields and every property is described', () => {
    const objects: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}/${i}`));
      if (typeof node !== 'object' || node === null) return;
      const n = node as Raw;
      if (n.type === 'object' || n.properties !== undefined) {
        if (n.type === 'object') {
          objects.push(where);
          expect({ where, additionalProperties: n.additionalProperties }).toEqual({ where, additionalProperties: false });
        }
        for (const [key, prop] of Object.entries((n.properties ?? {}) as Raw)) {
          // Properties inside if/then and oneOf branches only narrow a described property.
          if (!/\/(if|then|oneOf\/\d+)$/.test(where)) expect({ property: `${where}/${key}`, description: typeof prop.description }).toEqual({ property: `${where}/${key}`, description: 'string' });
        }
      }
      for (const [key, child] of Object.entries(n)) if (key !== 'enum' && key !== 'const') visit(child, `${where}/${key}`);
    };
    visit(schema, '#');
    // The root, the audit object, and source, affiliation, entity, document, claim, statement, appearance,
    // via step, selector, retraction, link, question, cell, rating, assessment and change.
    expect(objects).toHaveLength(18);
  });

  test('the schema, the validator (FIELDS) and the fully filled bundle know the same fields', () => {
    const b = full();
    const defs: Record<string, [string, Raw]> = {
      sources: ['source', b.sources[0]], affiliations: ['affiliation', b.affiliations[0]], entities: ['entity', b.entities[0]], documents: ['document', b.documents[0]],
      claims: ['claim', b.claims[0]], statements: ['statement', b.statements[0]], links: ['link', b.links[0]], questions: ['question', b.questions[0]],
      ratings: ['rating', b.ratings[0]], assessments: ['assessment', b.assessments[0]], changes: ['change', b.changes[0]], appearance: ['appearance', b.statements[0].appearances[0]],
      via: ['viaObject', b.statements[0].appearances[0].via[1]], selector: ['selector', b.statements[0].appearances[0].selector],
      retraction: ['retraction', b.statements[0].appearances[0].retracted], cell: ['cell', b.questions[0].cells[0]],
    };
    expect(Object.keys(b).sort()).toEqual(Object.keys(schema.properties).sort());
    expect([...FIELDS.bundle].sort()).toEqual(Object.keys(schema.properties).sort());
    for (const [fields, [def, record]] of Object.entries(defs)) {
      const inSchema = Object.keys(schema.$defs[def].properties).sort();
      expect({ def, fields: Object.keys(record).sort() }).toEqual({ def, fields: inSchema });
      expect({ def, fields: [...FIELDS[fields as keyof typeof FIELDS]].sort() }).toEqual({ def, fields: inSchema });
    }
  });
});

describe('bundle v2 JSON Schema and checkBundle accept the same valid bundles', () => {
  const docsExample = (): Raw => {
    const md = readFileSync(join(root, 'docs', 'BUNDLE.md'), 'utf8');
    const match = /## A complete small example[\s\S]*?```json\n([\s\S]*?)\n```/.exec(md);
    if (match?.[1] === undefined) throw new Error('docs/BUNDLE.md has no version 2 example bundle');
    return JSON.parse(match[1]) as Raw;
  };
  /** A bundle as checkShapes returns it, written out as JSON: the upgrade of a version 1 bundle is a version 2 bundle. */
  const upgradedSeed = (): Raw => JSON.parse(JSON.stringify(checkBundle(readJson('test/seed/dumayr-v1.bundle.json')).bundle)) as Raw;

  const valid: [string, () => unknown][] = [
    ['the example in docs/BUNDLE.md', docsExample],
    ['the seed (seed/dumayr.bundle.json, version 2)', () => readJson('seed/dumayr.bundle.json')],
    ['the version 1 seed, upgraded', upgradedSeed],
    ['every optional field left out', minimalV2],
    ['only format and version', () => ({ format: 'claimgraph-bundle', version: 2 })],
    ['every section an empty list', () => ({ format: 'claimgraph-bundle', version: 2, sources: [], affiliations: [], entities: [], documents: [], claims: [], statements: [], links: [], questions: [], ratings: [], assessments: [] })],
    ['every field filled in', full],
    [
      'every optional field null',
      () =>
        edited(minimalV2, (b) => {
          b.description = null;
          Object.assign(b.sources[0], { count: null, description: null, aliases: null, formerIds: null, recorded: null });
          Object.assign(b.affiliations[0], { role: null, recorded: null });
          Object.assign(b.entities[0], { description: null, aliases: null, formerIds: null, recorded: null });
          Object.assign(b.documents[0], { publisher: null, url: null, publishedAt: null, note: null, text: null, formerIds: null, recorded: null });
          Object.assign(b.claims[1], { about: null, formerIds: null, recorded: null });
          Object.assign(b.statements[0], { hedged: null, hedge: null, date: null, madeAt: null, quote: null, paraphrase: null, derivedFrom: null, supersedes: null, formerIds: null, recorded: null });
          Object.assign(b.statements[0].appearances[0], { quote: null, paraphrase: null, via: null, selector: null });
          Object.assign(b.statements[1], { appearances: null });
          Object.assign(b.links[0], { recorded: null });
          Object.assign(b.questions[0], { cells: null, recorded: null });
          Object.assign(b.ratings[0], { id: null });
          Object.assign(b.assessments[0], { id: null, url: null });
        }),
    ],
    ['HEDGES, with or without words, with hedged: true', () => edited(minimalV2, (b) => {
      Object.assign(b.statements[0], { stance: 'HEDGES', hedge: 'possibly' });
      Object.assign(b.statements[1], { stance: 'HEDGES', hedged: true });
    })],
    ['a hedged denial (a doubt), by words and by flag', () => edited(minimalV2, (b) => {
      Object.assign(b.statements[0], { stance: 'DENIES', hedge: 'doubts' });
      Object.assign(b.statements[1], { stance: 'DENIES', hedged: true });
    })],
    ['hedged: false on every stance', () => edited(minimalV2, (b) => {
      b.statements = BUNDLE_STANCES.filter((s) => s !== 'HEDGES' && s !== 'DOUBTS').map((stance, i) => ({ id: `t${i + 1}`, source: 's1', claim: 'c1', stance, hedged: false }));
    })],
    ['every date form', () => edited(minimalV2, (b) => {
      const dates = ['2031', '2031-03', '2031-03-14', '2031-03-14T09:00', '2031-03-14T09:00Z', '2031-03-14T09:00:30+05:30', '2031-03-14T09:00:30.5-0300', '2031-03-14T09:00:30,123456789+05'];
      b.statements = dates.map((date, i) => ({ id: `t${i + 1}`, source: 's1', claim: 'c1', stance: 'ASSERTS', date }));
      b.documents = dates.map((publishedAt, i) => ({ id: `d${i + 1}`, title: 'T', publishedAt }));
      b.ratings[0].at = '2031-03-14T09:00:30.5-03:00';
    })],
    ['every cell, grade and verdict', () => edited(minimalV2, (b) => {
      b.questions[0].cells = ACH_CELLS.map((cell, i) => ({ hypothesis: i % 2 === 0 ? 'c1' : 'c2', [i === 2 ? 'claim' : 'statement']: i === 2 ? 'c2' : 't1', cell, reason: 'r', by: 'e', at: '2031-03-14T09:00Z' }));
      b.ratings = RELIABILITY_GRADES.map((grade) => ({ source: 's1', grade, reason: 'r', by: 'e', at: '2031-03-14T09:00Z' }));
      b.assessments = VERDICTS.map((verdict, i) => ({ claim: 'c1', verdict, rating: (i % 5) + 1, explanation: 'x', by: 'e', at: '2031-03-14T09:00Z' }));
    })],
    ['an http URL in capitals', () => edited(minimalV2, (b) => (b.assessments[0].url = 'HTTP://EXAMPLE.ORG/CHECK'))],
  ];

  test.each(valid)('%s', (_name, make) => {
    const bundle = make();
    expect(schemaErrorsAt(bundle)).toBeNull();
    expect(checkBundle(bundle).problems).toEqual([]);
  });
});

describe('bundle v2 JSON Schema and checkBundle reject the same single-record faults', () => {
  const s0 = (edit: (s: Raw) => void) => () => edited(minimalV2, (b) => edit(b.statements[0]));
  const a0 = (edit: (a: Raw) => void) => () => edited(minimalV2, (b) => edit(b.statements[0].appearances[0]));
  const cell = (extra: Raw) => () => edited(minimalV2, (b) => (b.questions[0].cells = [{ hypothesis: 'c1', statement: 't1', cell: 'NEUTRAL', reason: 'r', by: 'e', at: '2031-03-14T09:00Z', ...extra }]));
  // [what is wrong, the bundle, the path checkBundle reports it at]
  const faults: [string, () => unknown, string][] = [
    ['unknown stance', s0((s) => (s.stance = 'DENY')), '$.statements[0].stance'],
    ['missing stance', s0((s) => delete s.stance), '$.statements[0].stance'],
    ['a statement `document` that is not a reference', s0((s) => (s.document = 3)), '$.statements[0].document'],
    ['version 1 field `reportedVia`', s0((s) => (s.reportedVia = 't2')), '$.statements[0].reportedVia'],
    ['hedged not a boolean', s0((s) => (s.hedged = 'yes')), '$.statements[0].hedged'],
    ['hedging words on NO_RESPONSE', s0((s) => Object.assign(s, { stance: 'NO_RESPONSE', hedge: 'perhaps' })), '$.statements[0].hedge'],
    ['hedging words on WITHDRAWS', s0((s) => Object.assign(s, { stance: 'WITHDRAWS', hedge: 'perhaps' })), '$.statements[0].hedge'],
    ['hedged: true on NOT_ACKNOWLEDGED', s0((s) => Object.assign(s, { stance: 'NOT_ACKNOWLEDGED', hedged: true })), '$.statements[0].hedged'],
    ['hedged: false with hedging words', s0((s) => Object.assign(s, { hedged: false, hedge: 'maybe' })), '$.statements[0].hedge'],
    ['HEDGES with hedged: false', s0((s) => Object.assign(s, { stance: 'HEDGES', hedged: false })), '$.statements[0].hedged'],
    ['DOUBTS with hedged: false', s0((s) => Object.assign(s, { stance: 'DOUBTS', hedged: false })), '$.statements[0].hedged'],
    ['date in words', s0((s) => (s.date = 'Sunday')), '$.statements[0].date'],
    ['date with a two-digit year', s0((s) => (s.date = '21-09-17')), '$.statements[0].date'],
    ['date with month 13', s0((s) => (s.date = '2031-13')), '$.statements[0].date'],
    ['date-time with hour 24', s0((s) => (s.date = '2031-03-14T24:00Z')), '$.statements[0].date'],
    ['date as a number', s0((s) => (s.date = 2031)), '$.statements[0].date'],
    ['publishedAt in words', () => edited(minimalV2, (b) => (b.documents[0].publishedAt = 'last week')), '$.documents[0].publishedAt'],
    ['appearances not a list', s0((s) => (s.appearances = { document: 'd1' })), '$.statements[0].appearances'],
    ['appearance not an object', s0((s) => (s.appearances = ['d1'])), '$.statements[0].appearances[0]'],
    ['appearance without a document', a0((a) => delete a.document), '$.statements[0].appearances[0].document'],
    ['unknown field in an appearance', a0((a) => (a.page = 3)), '$.statements[0].appearances[0].page'],
    ['via not a list', a0((a) => (a.via = 's2')), '$.statements[0].appearances[0].via'],
    ['via step a number', a0((a) => (a.via = [7])), '$.statements[0].appearances[0].via[0]'],
    ['via step a blank id', a0((a) => (a.via = [' '])), '$.statements[0].appearances[0].via[0]'],
    ['via object without a source', a0((a) => (a.via = [{ document: 'd1' }])), '$.statements[0].appearances[0].via[0].source'],
    ['via object with an unknown field', a0((a) => (a.via = [{ source: 's2', role: 'wire' }])), '$.statements[0].appearances[0].via[0].role'],
    ['selector a string', a0((a) => (a.selector = 'It happened')), '$.statements[0].appearances[0].selector'],
    ['selector without exact', a0((a) => (a.selector = { prefix: 'x' })), '$.statements[0].appearances[0].selector.exact'],
    ['selector with an unknown field', a0((a) => (a.selector = { exact: 'x', start: 0 })), '$.statements[0].appearances[0].selector.start'],
    ['supersedes a string', s0((s) => (s.supersedes = 't2')), '$.statements[0].supersedes'],
    ['derivedFrom a list', s0((s) => (s.derivedFrom = ['t2'])), '$.statements[0].derivedFrom'],
    ['formerIds with a blank id', () => edited(minimalV2, (b) => (b.sources[0].formerIds = [''])), '$.sources[0].formerIds'],
    ['document text blank', () => edited(minimalV2, (b) => (b.documents[0].text = '  ')), '$.documents[0].text'],
    ['link type REFUTES', () => edited(minimalV2, (b) => (b.links[0].type = 'REFUTES')), '$.links[0].type'],
    ['question without hypotheses', () => edited(minimalV2, (b) => delete b.questions[0].hypotheses), '$.questions[0].hypotheses'],
    ['question with one hypothesis', () => edited(minimalV2, (b) => (b.questions[0].hypotheses = ['c1'])), '$.questions[0].hypotheses'],
    ['question with a hypothesis twice', () => edited(minimalV2, (b) => (b.questions[0].hypotheses = ['c1', 'c1'])), '$.questions[0].hypotheses[1]'],
    ['question without text', () => edited(minimalV2, (b) => delete b.questions[0].text), '$.questions[0].text'],
    ['cell with both statement and claim', cell({ claim: 'c2' }), '$.questions[0].cells[0]'],
    ['cell with neither statement nor claim', cell({ statement: null }), '$.questions[0].cells[0]'],
    ['cell value YES', cell({ cell: 'YES' }), '$.questions[0].cells[0].cell'],
    ['cell without a reason', cell({ reason: undefined }), '$.questions[0].cells[0].reason'],
    ['cell at a day', cell({ at: '2031-03-14' }), '$.questions[0].cells[0].at'],
    ['cell with an unknown field', cell({ weight: 2 }), '$.questions[0].cells[0].weight'],
    ['rating grade G', () => edited(minimalV2, (b) => (b.ratings[0].grade = 'G')), '$.ratings[0].grade'],
    ['rating without a reason', () => edited(minimalV2, (b) => delete b.ratings[0].reason), '$.ratings[0].reason'],
    ['rating at in words', () => edited(minimalV2, (b) => (b.ratings[0].at = 'yesterday')), '$.ratings[0].at'],
    ['rating with a recorded stamp', () => edited(minimalV2, (b) => (b.ratings[0].recorded = null)), '$.ratings[0].recorded'],
    ['assessment rating 0', () => edited(minimalV2, (b) => (b.assessments[0].rating = 0)), '$.assessments[0].rating'],
    ['assessment rating 6', () => edited(minimalV2, (b) => (b.assessments[0].rating = 6)), '$.assessments[0].rating'],
    ['assessment rating 2.5', () => edited(minimalV2, (b) => (b.assessments[0].rating = 2.5)), '$.assessments[0].rating'],
    ['assessment without a rating', () => edited(minimalV2, (b) => delete b.assessments[0].rating), '$.assessments[0].rating'],
    ['assessment verdict FAKE', () => edited(minimalV2, (b) => (b.assessments[0].verdict = 'FAKE')), '$.assessments[0].verdict'],
    ['assessment URL ftp', () => edited(minimalV2, (b) => (b.assessments[0].url = 'ftp://example.org/x')), '$.assessments[0].url'],
    ['assessment URL relative', () => edited(minimalV2, (b) => (b.assessments[0].url = 'example.org/x')), '$.assessments[0].url'],
    ['assessment URL with a blank', () => edited(minimalV2, (b) => (b.assessments[0].url = 'https://example.org/a b')), '$.assessments[0].url'],
    ['assessment URL too long', () => edited(minimalV2, (b) => (b.assessments[0].url = `https://example.org/${'x'.repeat(2000)}`)), '$.assessments[0].url'],
    ['version 3', () => edited(minimalV2, (b) => (b.version = 3)), '$.version'],
    ['unknown section', () => edited(minimalV2, (b) => (b.judgements = [])), '$.judgements'],
    ['section questions not a list', () => edited(minimalV2, (b) => (b.questions = {})), '$.questions'],
    ['source without anonymous', () => edited(minimalV2, (b) => delete b.sources[0].anonymous), '$.sources[0].anonymous'],
    ['recorded with a missing key', () => edited(minimalV2, (b) => { const a = audit(); delete a.updatedBy; b.claims[0].recorded = a; }), '$.claims[0].recorded'],
    ['non-object root', () => [minimalV2()], '$'],
  ];

  test('there are enough of them to mean something', () => {
    expect(faults.length).toBeGreaterThanOrEqual(40);
  });

  test.each(faults)('%s', (_name, make, path) => {
    const bundle = JSON.parse(JSON.stringify(make()));
    expect(checkBundle(bundle).problems.map((p) => p.path)).toContain(path);
    const at = schemaErrorsAt(bundle);
    expect(at).not.toBeNull();
    // The schema blames the same value, a part of it, or the record that holds it (for if/then, oneOf, uniqueItems).
    const target = pointer(path);
    const holder = target.slice(0, target.lastIndexOf('/'));
    expect(at!.some((p) => p === target || p.startsWith(`${target}/`) || p === holder)).toBe(true);
  });
});

describe('rules only checkBundle catches: across records, and what a pattern cannot say', () => {
  const faults: [string, () => Raw, string][] = [
    ['duplicate statement id', () => edited(minimalV2, (b) => (b.statements[1].id = 't1')), '$.statements[1].id'],
    ['duplicate question id', () => edited(minimalV2, (b) => b.questions.push({ ...b.questions[0] })), '$.questions[1].id'],
    ['the same rating twice (derived ids)', () => edited(minimalV2, (b) => b.ratings.push({ ...b.ratings[0] })), '$.ratings[1].id'],
    ['a former id that is an id', () => edited(minimalV2, (b) => (b.statements[0].formerIds = ['t2'])), '$.statements[0].formerIds[0]'],
    ['a former id listed twice', () => edited(minimalV2, (b) => (b.claims[0].formerIds = ['c0', 'c0'])), '$.claims[0].formerIds[1]'],
    ['dangling appearance document', () => edited(minimalV2, (b) => (b.statements[0].appearances[0].document = 'd9')), '$.statements[0].appearances[0].document'],
    ['dangling via source', () => edited(minimalV2, (b) => (b.statements[0].appearances[0].via = ['s9'])), '$.statements[0].appearances[0].via[0]'],
    ['dangling via document', () => edited(minimalV2, (b) => (b.statements[0].appearances[0].via = [{ source: 's2', document: 'd9' }])), '$.statements[0].appearances[0].via[0].document'],
    ['dangling derivedFrom', () => edited(minimalV2, (b) => (b.statements[0].derivedFrom = 't9')), '$.statements[0].derivedFrom'],
    ['dangling supersedes', () => edited(minimalV2, (b) => (b.statements[0].supersedes = ['t9'])), '$.statements[0].supersedes[0]'],
    ['dangling hypothesis', () => edited(minimalV2, (b) => (b.questions[0].hypotheses = ['c1', 'c9'])), '$.questions[0].hypotheses[1]'],
    ['dangling rating source', () => edited(minimalV2, (b) => (b.ratings[0].source = 's9')), '$.ratings[0].source'],
    ['dangling assessment claim', () => edited(minimalV2, (b) => (b.assessments[0].claim = 'c9')), '$.assessments[0].claim'],
    ['derived from itself', () => edited(minimalV2, (b) => (b.statements[0].derivedFrom = 't1')), '$.statements[0].derivedFrom'],
    ['superseding itself', () => edited(minimalV2, (b) => (b.statements[0].supersedes = ['t1'])), '$.statements[0].supersedes[0]'],
    ['derivation loop', () => edited(minimalV2, (b) => { b.statements[0].derivedFrom = 't2'; b.statements[1].derivedFrom = 't1'; }), '$.statements[0].derivedFrom'],
    ['revision loop', () => edited(minimalV2, (b) => {
      b.statements[1].source = 's1';
      b.statements[0].supersedes = ['t2'];
      b.statements[1].supersedes = ['t1'];
    }), '$.statements[0].supersedes[0]'],
    ['superseding a statement of another source', () => edited(minimalV2, (b) => (b.statements[1].supersedes = ['t1'])), '$.statements[1].supersedes[0]'],
    ['superseding a statement dated after', () => edited(minimalV2, (b) => {
      Object.assign(b.statements[0], { source: 's2', date: '2031-04' });
      Object.assign(b.statements[1], { date: '2031-03-14', supersedes: ['t1'] });
    }), '$.statements[1].supersedes[0]'],
    ['two appearances in one document', () => edited(minimalV2, (b) => b.statements[0].appearances.push({ document: 'd1' })), '$.statements[0].appearances[1].document'],
    ['selector words not in the text', () => edited(minimalV2, (b) => {
      b.documents[0].text = 'Something happened.';
      b.statements[0].appearances[0].selector = { exact: 'Nothing happened.' };
    }), '$.statements[0].appearances[0].selector.exact'],
    ['an IMPLIES link from a claim to itself', () => edited(minimalV2, (b) => Object.assign(b.links[0], { type: 'IMPLIES', to: 'c1' })), '$.links[0].to'],
    ['a cell about a claim that is not a hypothesis', () => edited(minimalV2, (b) => {
      b.claims.push({ id: 'c3', text: 'Other.' });
      b.questions[0].cells = [{ hypothesis: 'c3', statement: 't1', cell: 'NEUTRAL', reason: 'r', by: 'e', at: '2031-03-14T09:00Z' }];
    }), '$.questions[0].cells[0].hypothesis'],
    ['the same cell twice', () => edited(minimalV2, (b) => {
      const cell = { hypothesis: 'c1', statement: 't1', cell: 'NEUTRAL', reason: 'r', by: 'e', at: '2031-03-14T09:00Z' };
      b.questions[0].cells = [cell, { ...cell, cell: 'CONSISTENT' }];
    }), '$.questions[0].cells[1]'],
    ['affiliation cycle', () => edited(minimalV2, (b) => b.affiliations.push({ source: 's2', parent: 's1' })), '$.affiliations[1]'],
    ['a day that does not exist', () => edited(minimalV2, (b) => (b.statements[0].date = '2031-02-30')), '$.statements[0].date'],
    ['a year before 100', () => edited(minimalV2, (b) => (b.documents[0].publishedAt = '0099-03-14')), '$.documents[0].publishedAt'],
    ['a moment on a day that does not exist', () => edited(minimalV2, (b) => (b.ratings[0].at = '2031-04-31T09:00Z')), '$.ratings[0].at'],
    ['a URL the parser refuses', () => edited(minimalV2, (b) => (b.assessments[0].url = 'https://exa[mple.org/')), '$.assessments[0].url'],
    ['an unpaired surrogate', () => edited(minimalV2, (b) => (b.claims[0].text = 'half \ud83d an emoji')), '$.claims[0].text'],
    ['recorded time that is not a date', () => edited(minimalV2, (b) => (b.sources[0].recorded = { ...audit(), createdAt: 'yesterday' })), '$.sources[0].recorded'],
  ];

  test.each(faults)('%s: the schema accepts it, checkBundle rejects it', (_name, make, path) => {
    const bundle = make();
    expect(schemaErrorsAt(bundle)).toBeNull();
    expect(checkBundle(bundle).problems.map((p) => p.path)).toContain(path);
  });
});
