import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { checkBundle } from '../../src/graph/bundle';
import { V1_LINK_TYPES as CLAIM_LINK_TYPES, V1_STANCES as STANCES } from '../../src/graph/bundle-v1';
import { SOURCE_KINDS } from '../../src/graph/model';
import { minimal, type Raw } from './minimal-bundle';

/**
 * The JSON Schema (schema/bundle-v1.schema.json) and the hand-written
 * validator (checkBundle) describe the same format. The schema checks each
 * record's shape; checkBundle checks that too, and everything that spans
 * records. These tests keep the two in agreement and make the division of
 * labour explicit.
 */

const root = join(__dirname, '..', '..');
const readJson = (path: string): Raw => JSON.parse(readFileSync(join(root, path), 'utf8')) as Raw;
const schema = readJson('schema/bundle-v1.schema.json');

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
  version: 1,
  description: 'Every field filled in.',
  sources: [
    { id: 's1', name: 'Two officials', kind: 'GROUP', anonymous: true, count: 2, description: 'Speaking anonymously.', aliases: ['the officials'], recorded: audit() },
    { id: 's2', name: 'Example Org', kind: 'ORGANIZATION', anonymous: false, count: null, description: null, aliases: [], recorded: null },
  ],
  affiliations: [{ source: 's1', parent: 's2', role: 'officials of', recorded: audit() }],
  entities: [{ id: 'e1', name: 'Example Town', description: 'Fictional.', aliases: ['Sampleton'], recorded: audit() }],
  documents: [{ id: 'd1', title: 'A report', publisher: 's2', url: 'https://example.org/r', publishedAt: '2031-03-14', note: 'Title supplied by an editor.', recorded: audit() }],
  claims: [
    { id: 'c1', text: 'Something happened.', about: ['e1'], recorded: audit() },
    { id: 'c2', text: 'Nothing happened.', about: [], recorded: audit() },
  ],
  statements: [
    { id: 't1', source: 's2', claim: 'c1', stance: 'ASSERTS', quote: 'It happened.', paraphrase: null, hedge: null, document: 'd1', reportedVia: null, madeAt: 'Sunday', recorded: audit() },
    { id: 't2', source: 's1', claim: 'c2', stance: 'HEDGES', quote: 'It may not have happened.', paraphrase: 'Two officials doubted it.', hedge: 'may', document: 'd1', reportedVia: 't1', madeAt: null, recorded: audit() },
  ],
  links: [{ type: 'SUPPORTS', from: 'c1', to: 'c2', linkedBy: 'editor', reason: 'Illustration only.', recorded: audit() }],
});

const edited = (base: () => Raw, edit: (b: Raw) => void): Raw => {
  const b = base();
  edit(b);
  return b;
};

describe('bundle JSON Schema: the schema itself', () => {
  test('compiles with Ajv (draft 2020-12, strict mode) and carries its identity', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://claimgraph.dev/schema/bundle-v1.schema.json');
    expect(schema.properties.format.const).toBe('claimgraph-bundle');
    expect(schema.properties.version.const).toBe(1);
    expect(schema.description).toMatch(/cannot check rules that span records/);
  });

  test('its enums are the version 1 vocabularies', () => {
    expect(schema.$defs.source.properties.kind.enum).toEqual([...SOURCE_KINDS]);
    expect(schema.$defs.statement.properties.stance.enum).toEqual([...STANCES]);
    expect(schema.$defs.link.properties.type.enum).toEqual([...CLAIM_LINK_TYPES]);
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
          // Properties inside if/then only narrow a described property.
          if (!/\/(if|then)$/.test(where)) expect({ property: `${where}/${key}`, description: typeof prop.description }).toEqual({ property: `${where}/${key}`, description: 'string' });
        }
      }
      for (const [key, child] of Object.entries(n)) if (key !== 'enum' && key !== 'const') visit(child, `${where}/${key}`);
    };
    visit(schema, '#');
    expect(objects).toHaveLength(9); // the root, the audit object and the seven record types
  });

  test('the fully filled bundle uses every field the schema knows, so checkBundle knows them too', () => {
    const b = full();
    const sections: Record<string, string> = { sources: 'source', affiliations: 'affiliation', entities: 'entity', documents: 'document', claims: 'claim', statements: 'statement', links: 'link' };
    expect(Object.keys(b).sort()).toEqual(Object.keys(schema.properties).sort());
    for (const [section, def] of Object.entries(sections)) {
      expect({ section, fields: Object.keys(b[section][0]).sort() }).toEqual({ section, fields: Object.keys(schema.$defs[def].properties).sort() });
    }
    expect(Object.keys(audit()).sort()).toEqual(Object.keys(schema.$defs.audit.properties).sort());
  });
});

describe('bundle JSON Schema and checkBundle accept the same valid bundles', () => {
  const docsExample = (): Raw => {
    const md = readFileSync(join(root, 'docs', 'BUNDLE.md'), 'utf8');
    const match = /### A version 1 example[\s\S]*?```json\n([\s\S]*?)\n```/.exec(md);
    if (match?.[1] === undefined) throw new Error('docs/BUNDLE.md has no version 1 example bundle');
    return JSON.parse(match[1]) as Raw;
  };

  const valid: [string, () => unknown][] = [
    // The seed is written in version 2 now; its version 1 coding is kept for the tests of version 1.
    ['the version 1 seed (test/seed/dumayr-v1.bundle.json)', () => readJson('test/seed/dumayr-v1.bundle.json')],
    ['the version 1 example in docs/BUNDLE.md', docsExample],
    ['every optional field left out', minimal],
    ['only format and version', () => ({ format: 'claimgraph-bundle', version: 1 })],
    ['every section an empty list', () => ({ format: 'claimgraph-bundle', version: 1, sources: [], affiliations: [], entities: [], documents: [], claims: [], statements: [], links: [] })],
    ['every field filled in, `recorded` on every record', full],
    [
      'every optional field null',
      () =>
        edited(minimal, (b) => {
          b.description = null;
          Object.assign(b.sources[0], { count: null, description: null, aliases: null, recorded: null });
          Object.assign(b.affiliations[0], { role: null, recorded: null });
          Object.assign(b.entities[0], { description: null, aliases: null, recorded: null });
          Object.assign(b.documents[0], { publisher: null, url: null, publishedAt: null, note: null, recorded: null });
          Object.assign(b.claims[1], { about: null, recorded: null });
          Object.assign(b.statements[0], { quote: null, paraphrase: null, hedge: null, document: null, reportedVia: null, madeAt: null, recorded: null });
          Object.assign(b.links[0], { recorded: null });
        }),
    ],
    ['hedging words on a HEDGES statement', () => edited(minimal, (b) => Object.assign(b.statements[0], { stance: 'HEDGES', hedge: 'possibly' }))],
    ['a null hedge on a DENIES statement', () => edited(minimal, (b) => Object.assign(b.statements[0], { stance: 'DENIES', hedge: null }))],
    ['strings with surrounding blanks (stored as given)', () => edited(minimal, (b) => (b.sources[0].name = '  Alice  '))],
    ['every source kind and stance', () => edited(minimal, (b) => {
      b.sources = SOURCE_KINDS.map((kind, i) => ({ id: i === 0 ? 's1' : i === 1 ? 's2' : `s${i + 1}`, name: kind, kind, anonymous: kind !== 'PERSON' }));
      b.statements = STANCES.map((stance, i) => ({ id: `t${i + 1}`, source: 's1', claim: 'c1', stance }));
    })],
  ];

  test.each(valid)('%s', (_name, make) => {
    const bundle = make();
    expect(schemaErrorsAt(bundle)).toBeNull();
    expect(checkBundle(bundle).problems).toEqual([]);
  });
});

describe('bundle JSON Schema and checkBundle reject the same single-record faults', () => {
  // [what is wrong, the bundle, the path checkBundle reports it at]
  const faults: [string, () => unknown, string][] = [
    ['unknown stance', () => edited(minimal, (b) => (b.statements[0].stance = 'DENY')), '$.statements[0].stance'],
    ['stance in lower case', () => edited(minimal, (b) => (b.statements[0].stance = 'asserts')), '$.statements[0].stance'],
    ['missing stance', () => edited(minimal, (b) => delete b.statements[0].stance), '$.statements[0].stance'],
    ['unknown source kind', () => edited(minimal, (b) => (b.sources[0].kind = 'COMPANY')), '$.sources[0].kind'],
    ['missing document title', () => edited(minimal, (b) => delete b.documents[0].title), '$.documents[0].title'],
    ['missing source anonymous', () => edited(minimal, (b) => delete b.sources[0].anonymous), '$.sources[0].anonymous'],
    ['anonymous as a string', () => edited(minimal, (b) => (b.sources[0].anonymous = 'false')), '$.sources[0].anonymous'],
    ['quote not a string', () => edited(minimal, (b) => (b.statements[0].quote = 42)), '$.statements[0].quote'],
    ['whitespace-only name', () => edited(minimal, (b) => (b.sources[0].name = '   ')), '$.sources[0].name'],
    ['name of tabs, newlines and no-break spaces', () => edited(minimal, (b) => (b.sources[0].name = '\t\n\u00a0\u3000')), '$.sources[0].name'],
    ['empty id', () => edited(minimal, (b) => (b.claims[1].id = '')), '$.claims[1].id'],
    ['empty optional string instead of null', () => edited(minimal, (b) => (b.documents[0].url = '')), '$.documents[0].url'],
    ['whitespace-only reference', () => edited(minimal, (b) => (b.statements[0].document = ' ')), '$.statements[0].document'],
    ['count 0', () => edited(minimal, (b) => (b.sources[0].count = 0)), '$.sources[0].count'],
    ['count negative', () => edited(minimal, (b) => (b.sources[0].count = -3)), '$.sources[0].count'],
    ['count 1.5', () => edited(minimal, (b) => (b.sources[0].count = 1.5)), '$.sources[0].count'],
    ['count as a string', () => edited(minimal, (b) => (b.sources[0].count = '3')), '$.sources[0].count'],
    ['unknown field in a record', () => edited(minimal, (b) => (b.sources[0].nickname = 'Al')), '$.sources[0].nickname'],
    ['unknown top-level field', () => edited(minimal, (b) => (b.generator = 'x')), '$.generator'],
    ['wrong format', () => edited(minimal, (b) => (b.format = 'claimgraph')), '$.format'],
    ['missing format', () => edited(minimal, (b) => delete b.format), '$.format'],
    // (version 2 is a valid version, checked by schema/bundle-v2.schema.json: bundle-v2-schema.test.ts)
    ['version 3', () => edited(minimal, (b) => (b.version = 3)), '$.version'],
    ['version as a string', () => edited(minimal, (b) => (b.version = '1')), '$.version'],
    ['top-level description a number', () => edited(minimal, (b) => (b.description = 7)), '$.description'],
    ['hedge on an ASSERTS statement', () => edited(minimal, (b) => (b.statements[0].hedge = 'perhaps')), '$.statements[0].hedge'],
    ['hedge on a NO_RESPONSE statement', () => edited(minimal, (b) => Object.assign(b.statements[0], { stance: 'NO_RESPONSE', hedge: 'perhaps' })), '$.statements[0].hedge'],
    ['recorded with a missing key', () => edited(minimal, (b) => { const a = audit(); delete a.updatedBy; b.claims[0].recorded = a; }), '$.claims[0].recorded'],
    ['recorded with an unknown key', () => edited(minimal, (b) => (b.claims[0].recorded = { ...audit(), deletedAt: '2031-04-01' })), '$.claims[0].recorded'],
    ['recorded with a blank author', () => edited(minimal, (b) => (b.links[0].recorded = { ...audit(), createdBy: ' ' })), '$.links[0].recorded'],
    ['recorded as a string', () => edited(minimal, (b) => (b.entities[0].recorded = '2031-03-14')), '$.entities[0].recorded'],
    ['link with a bad type', () => edited(minimal, (b) => (b.links[0].type = 'REFUTES')), '$.links[0].type'],
    ['link without a reason', () => edited(minimal, (b) => delete b.links[0].reason), '$.links[0].reason'],
    ['about not a list', () => edited(minimal, (b) => (b.claims[0].about = 'e1')), '$.claims[0].about'],
    ['aliases containing a number', () => edited(minimal, (b) => (b.sources[0].aliases = ['Al', 3])), '$.sources[0].aliases'],
    ['aliases containing a blank string', () => edited(minimal, (b) => (b.entities[0].aliases = [''])), '$.entities[0].aliases'],
    ['section not a list', () => edited(minimal, (b) => (b.sources = { s1: b.sources[0] })), '$.sources'],
    ['section null', () => edited(minimal, (b) => (b.links = null)), '$.links'],
    ['record not an object', () => edited(minimal, (b) => b.statements.push('t3')), '$.statements[2]'],
    ['non-object root: a list', () => [minimal()], '$'],
    ['non-object root: a string', () => 'claimgraph-bundle', '$'],
    ['non-object root: null', () => null, '$'],
  ];

  test('there are enough of them to mean something', () => {
    expect(faults.length).toBeGreaterThanOrEqual(15);
  });

  test.each(faults)('%s', (_name, make, path) => {
    const bundle = make();
    expect(checkBundle(bundle).problems.map((p) => p.path)).toContain(path);
    const at = schemaErrorsAt(bundle);
    expect(at).not.toBeNull();
    // The schema blames the same value, a part of it, or the record that holds it (for if/then).
    const target = pointer(path);
    const holder = target.slice(0, target.lastIndexOf('/'));
    expect(at!.some((p) => p === target || p.startsWith(`${target}/`) || p === holder)).toBe(true);
  });
});

describe('cross-record rules: only checkBundle catches these, the schema cannot', () => {
  const faults: [string, () => Raw, string][] = [
    ['duplicate source id', () => edited(minimal, (b) => (b.sources[1].id = 's1')), '$.sources[1].id'],
    ['duplicate statement id', () => edited(minimal, (b) => (b.statements[1].id = 't1')), '$.statements[1].id'],
    ['dangling statement source', () => edited(minimal, (b) => (b.statements[0].source = 's9')), '$.statements[0].source'],
    ['dangling claim about', () => edited(minimal, (b) => (b.claims[0].about = ['e9'])), '$.claims[0].about[0]'],
    ['dangling document publisher', () => edited(minimal, (b) => (b.documents[0].publisher = 's9')), '$.documents[0].publisher'],
    ['dangling reportedVia', () => edited(minimal, (b) => (b.statements[1].reportedVia = 't9')), '$.statements[1].reportedVia'],
    ['dangling link end', () => edited(minimal, (b) => (b.links[0].to = 'c9')), '$.links[0].to'],
    ['source affiliated with itself', () => edited(minimal, (b) => (b.affiliations[0].parent = 's1')), '$.affiliations[0].parent'],
    ['affiliation cycle', () => edited(minimal, (b) => b.affiliations.push({ source: 's2', parent: 's1' })), '$.affiliations[1]'],
    ['statement relayed via itself', () => edited(minimal, (b) => (b.statements[1].reportedVia = 't2')), '$.statements[1].reportedVia'],
    ['relay loop', () => edited(minimal, (b) => (b.statements[0].reportedVia = 't2')), '$.statements[0].reportedVia'],
    ['link from a claim to itself', () => edited(minimal, (b) => (b.links[0].to = 'c1')), '$.links[0].to'],
    ['recorded time that is not a date', () => edited(minimal, (b) => (b.sources[0].recorded = { ...audit(), createdAt: 'yesterday' })), '$.sources[0].recorded'],
  ];

  test.each(faults)('%s: the schema accepts it, checkBundle rejects it', (_name, make, path) => {
    const bundle = make();
    expect(schemaErrorsAt(bundle)).toBeNull();
    expect(checkBundle(bundle).problems.map((p) => p.path)).toContain(path);
  });
});
