import fc from 'fast-check';
import { checkBundle } from '../../src/graph/bundle';
import { exportBundle } from '../../src/graph/export';
import { importBundle } from '../../src/graph/import';
import { BUNDLE_STANCES } from '../../src/graph/bundle';
import { CLAIM_LINK_TYPES, RELIABILITY_GRADES, SOURCE_KINDS, VERDICTS } from '../../src/graph/model';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSeedJson } from '../../src/analysis/seed';
import { V1_LINK_TYPES, V1_STANCES } from '../../src/graph/bundle-v1';
import { syntheticBundle } from '../../src/graph/synthetic';
import type { GraphStore } from '../../src/store/port';
import { minimal, minimalV2, v2, type Raw } from '../graph/minimal-bundle';
import { emptyStore, gql } from '../helpers';
import { counts, expectBadInput, exportHash, summarize } from './support';

/*
 * Property-based fuzzing of bundle import (fast-check, a new random seed each
 * run; a failure prints the seed and the shrunk input to replay it).
 *
 * Malformed bundles are made from the seed and from the minimal bundle, in
 * format version 1 (still read, and upgraded) and version 2, by breakages, each of which on its own makes the bundle invalid: a field of
 * the wrong type or blank or missing, an unknown enum value, an unknown
 * field, a dangling reference, a duplicate id, a self-reference, an
 * affiliation, relay, derivation or revision cycle, a broken appearance
 * (its document, intermediaries or selector), a revision of another
 * source's statement, a question with one hypothesis, a section or record
 * that is not what it should be, a deeply nested value, a huge string. Every input goes through
 * JSON (as a client's would), so NaN and Infinity arrive as null. Each must
 * be refused with BAD_USER_INPUT listing its problems, never with another
 * error, and must leave the graph as it was: node counts after every input,
 * and a hash of the full export every few inputs and at the end.
 *
 * One store per property, holding the seed and the minimal bundle, so that
 * references into the graph are checked too; bundles that close a loop
 * through stored records (an affiliation, a derivation, a revision) are
 * written before they are refused, and must be rolled back. Valid synthetic
 * bundles import, and re-import unchanged.
 */

/** The seed as version 1 coded it (the seed file itself is version 2). */
const SEED: Raw = JSON.parse(readFileSync(join(__dirname, '..', 'seed', 'dumayr-v1.bundle.json'), 'utf8')) as Raw;
const MINIMAL: Raw = minimal();
/** The seed file, in version 2: the report's text on its document, every appearance anchored in it. */
const SEED_V2: Raw = readSeedJson() as Raw;
const MINIMAL_V2: Raw = minimalV2();
type Base = 'seed' | 'minimal' | 'seedV2' | 'minimalV2';
const BASES: Record<Base, Raw> = { seed: SEED, minimal: MINIMAL, seedV2: SEED_V2, minimalV2: MINIMAL_V2 };
const versionOf = (base: Base): 1 | 2 => (base.endsWith('V2') ? 2 : 1);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each property is bounded by its number of runs; this only keeps a slow machine from failing it. */
const TIMEOUT = 180_000;

/** Inputs tried, per property, printed at the end. */
const tried: Record<string, number> = {};
afterAll(() => {
  const total = Object.values(tried).reduce((a, b) => a + b, 0);
  console.log(`fuzz-import: inputs tried per property: ${JSON.stringify(tried)}; ${total} in all`);
});

// ---------------------------------------------------------------------------
// The bundle format, as the breakages see it.

type Section = 'sources' | 'affiliations' | 'entities' | 'documents' | 'claims' | 'statements' | 'links' | 'questions' | 'ratings' | 'assessments';
/** optbool: true, false or null (hedged); date: an ISO 8601 partial date or null; moment: a date-time; rating: 1 to 5. */
type FieldClass = 'required' | 'optional' | 'enum' | 'bool' | 'optbool' | 'count' | 'list' | 'date' | 'moment' | 'rating' | 'audit';
interface FieldSpec {
  section: Section;
  field: string;
  cls: FieldClass;
  values?: readonly string[];
}

const spec = (section: Section, cls: FieldClass, fields: string[], values?: readonly string[]): FieldSpec[] =>
  fields.map((field) => ({ section, field, cls, ...(values ? { values } : {}) }));

/** Version 1's fields. */
const FIELDS_V1: FieldSpec[] = [
  ...spec('sources', 'required', ['id', 'name']),
  ...spec('sources', 'enum', ['kind'], SOURCE_KINDS),
  ...spec('sources', 'bool', ['anonymous']),
  ...spec('sources', 'count', ['count']),
  ...spec('sources', 'optional', ['description']),
  ...spec('sources', 'list', ['aliases']),
  ...spec('affiliations', 'required', ['source', 'parent']),
  ...spec('affiliations', 'optional', ['role']),
  ...spec('entities', 'required', ['id', 'name']),
  ...spec('entities', 'optional', ['description']),
  ...spec('entities', 'list', ['aliases']),
  ...spec('documents', 'required', ['id', 'title']),
  ...spec('documents', 'optional', ['publisher', 'url', 'publishedAt', 'note']),
  ...spec('claims', 'required', ['id', 'text']),
  ...spec('claims', 'list', ['about']),
  ...spec('statements', 'required', ['id', 'source', 'claim']),
  ...spec('statements', 'enum', ['stance'], V1_STANCES),
  ...spec('statements', 'optional', ['quote', 'paraphrase', 'hedge', 'document', 'reportedVia', 'madeAt']),
  ...spec('links', 'enum', ['type'], V1_LINK_TYPES),
  ...spec('links', 'required', ['from', 'to', 'linkedBy', 'reason']),
  ...(['sources', 'affiliations', 'entities', 'documents', 'claims', 'statements', 'links'] as Section[]).flatMap((s) => spec(s, 'audit', ['recorded'])),
];

/** Version 2's fields (docs/BUNDLE.md); appearances, intermediaries and selectors are broken by their own breakage. */
const FIELDS_V2: FieldSpec[] = [
  ...spec('sources', 'required', ['id', 'name']),
  ...spec('sources', 'enum', ['kind'], SOURCE_KINDS),
  ...spec('sources', 'bool', ['anonymous']),
  ...spec('sources', 'count', ['count']),
  ...spec('sources', 'optional', ['description']),
  ...spec('sources', 'list', ['aliases', 'formerIds']),
  ...spec('affiliations', 'required', ['source', 'parent']),
  ...spec('affiliations', 'optional', ['role']),
  ...spec('entities', 'required', ['id', 'name']),
  ...spec('entities', 'optional', ['description']),
  ...spec('entities', 'list', ['aliases', 'formerIds']),
  ...spec('documents', 'required', ['id', 'title']),
  ...spec('documents', 'optional', ['publisher', 'url', 'note', 'text']),
  ...spec('documents', 'date', ['publishedAt']),
  ...spec('documents', 'list', ['formerIds']),
  ...spec('claims', 'required', ['id', 'text']),
  ...spec('claims', 'list', ['about', 'formerIds']),
  ...spec('statements', 'required', ['id', 'source', 'claim']),
  ...spec('statements', 'enum', ['stance'], BUNDLE_STANCES),
  ...spec('statements', 'optbool', ['hedged']),
  ...spec('statements', 'date', ['date']),
  ...spec('statements', 'optional', ['quote', 'paraphrase', 'madeAt', 'derivedFrom']),
  ...spec('statements', 'list', ['supersedes', 'formerIds']),
  ...spec('links', 'enum', ['type'], CLAIM_LINK_TYPES),
  ...spec('links', 'required', ['from', 'to', 'linkedBy', 'reason']),
  ...spec('questions', 'required', ['id', 'text']),
  ...spec('ratings', 'required', ['source', 'reason', 'by']),
  ...spec('ratings', 'enum', ['grade'], RELIABILITY_GRADES),
  ...spec('ratings', 'moment', ['at']),
  ...spec('assessments', 'required', ['claim', 'explanation', 'by']),
  ...spec('assessments', 'enum', ['verdict'], VERDICTS),
  ...spec('assessments', 'rating', ['rating']),
  ...spec('assessments', 'moment', ['at']),
  ...(['sources', 'affiliations', 'entities', 'documents', 'claims', 'statements', 'links', 'questions'] as Section[]).flatMap((s) => spec(s, 'audit', ['recorded'])),
];

const ALLOWED_V1: Record<Section | 'root', string[]> = {
  root: ['format', 'version', 'description', 'sources', 'affiliations', 'entities', 'documents', 'claims', 'statements', 'links'],
  sources: ['id', 'name', 'kind', 'anonymous', 'count', 'description', 'aliases', 'recorded'],
  affiliations: ['source', 'parent', 'role', 'recorded'],
  entities: ['id', 'name', 'description', 'aliases', 'recorded'],
  documents: ['id', 'title', 'publisher', 'url', 'publishedAt', 'note', 'recorded'],
  claims: ['id', 'text', 'about', 'recorded'],
  statements: ['id', 'source', 'claim', 'stance', 'quote', 'paraphrase', 'hedge', 'document', 'reportedVia', 'madeAt', 'recorded'],
  links: ['type', 'from', 'to', 'linkedBy', 'reason', 'recorded'],
  questions: [],
  ratings: [],
  assessments: [],
};
const ALLOWED_V2: Record<Section | 'root', string[]> = {
  root: ['format', 'version', 'description', 'sources', 'affiliations', 'entities', 'documents', 'claims', 'statements', 'links', 'questions', 'ratings', 'assessments'],
  sources: ['id', 'name', 'kind', 'anonymous', 'count', 'description', 'aliases', 'formerIds', 'recorded'],
  affiliations: ['source', 'parent', 'role', 'recorded'],
  entities: ['id', 'name', 'description', 'aliases', 'formerIds', 'recorded'],
  documents: ['id', 'title', 'publisher', 'url', 'publishedAt', 'note', 'text', 'formerIds', 'recorded'],
  claims: ['id', 'text', 'about', 'formerIds', 'recorded'],
  statements: ['id', 'source', 'claim', 'stance', 'hedged', 'hedge', 'date', 'madeAt', 'quote', 'paraphrase', 'appearances', 'derivedFrom', 'supersedes', 'formerIds', 'recorded'],
  links: ['type', 'from', 'to', 'linkedBy', 'reason', 'recorded'],
  questions: ['id', 'text', 'hypotheses', 'cells', 'recorded'],
  ratings: ['id', 'source', 'grade', 'reason', 'by', 'at'],
  assessments: ['id', 'claim', 'verdict', 'rating', 'explanation', 'url', 'by', 'at'],
};

/** Reference fields: setting one to an id that is nowhere is a dangling reference. */
type Ref = { section: Section; field: string; list?: true };
const REFS_V1: Ref[] = [
  { section: 'affiliations', field: 'source' },
  { section: 'affiliations', field: 'parent' },
  { section: 'documents', field: 'publisher' },
  { section: 'claims', field: 'about', list: true },
  { section: 'statements', field: 'source' },
  { section: 'statements', field: 'claim' },
  { section: 'statements', field: 'document' },
  { section: 'statements', field: 'reportedVia' },
  { section: 'links', field: 'from' },
  { section: 'links', field: 'to' },
];
const REFS_V2: Ref[] = [
  { section: 'affiliations', field: 'source' },
  { section: 'affiliations', field: 'parent' },
  { section: 'documents', field: 'publisher' },
  { section: 'claims', field: 'about', list: true },
  { section: 'statements', field: 'source' },
  { section: 'statements', field: 'claim' },
  { section: 'statements', field: 'derivedFrom' },
  { section: 'statements', field: 'supersedes', list: true },
  { section: 'links', field: 'from' },
  { section: 'links', field: 'to' },
  { section: 'questions', field: 'hypotheses', list: true },
  { section: 'ratings', field: 'source' },
  { section: 'assessments', field: 'claim' },
];

/** Text fields a benign edit may rewrite with any non-blank string, keeping the bundle valid. */
type TextField = { section: Section; field: string };
const TEXT_FIELDS_V1: TextField[] = [
  { section: 'sources', field: 'name' }, { section: 'sources', field: 'description' }, { section: 'entities', field: 'name' },
  { section: 'documents', field: 'title' }, { section: 'documents', field: 'note' }, { section: 'documents', field: 'url' },
  { section: 'claims', field: 'text' }, { section: 'statements', field: 'quote' }, { section: 'statements', field: 'paraphrase' },
  { section: 'statements', field: 'madeAt' }, { section: 'links', field: 'reason' }, { section: 'affiliations', field: 'role' },
];
const TEXT_FIELDS_V2: TextField[] = [
  ...TEXT_FIELDS_V1,
  { section: 'questions', field: 'text' }, { section: 'ratings', field: 'reason' }, { section: 'assessments', field: 'explanation' },
];

/** What the breakages know of a format version. */
interface Format {
  version: 1 | 2;
  fields: FieldSpec[];
  allowed: Record<Section | 'root', string[]>;
  sections: Section[];
  withIds: Section[];
  refs: Ref[];
  textFields: TextField[];
}
const FORMATS: Record<1 | 2, Format> = {
  1: {
    version: 1, fields: FIELDS_V1, allowed: ALLOWED_V1, sections: ['sources', 'affiliations', 'entities', 'documents', 'claims', 'statements', 'links'],
    withIds: ['sources', 'entities', 'documents', 'claims', 'statements'], refs: REFS_V1, textFields: TEXT_FIELDS_V1,
  },
  2: {
    version: 2, fields: FIELDS_V2, allowed: ALLOWED_V2, sections: ALLOWED_V2.root.slice(3) as Section[],
    withIds: ['sources', 'entities', 'documents', 'claims', 'statements', 'questions'], refs: REFS_V2, textFields: TEXT_FIELDS_V2,
  },
};

// ---------------------------------------------------------------------------
// Values. Every generated value survives JSON unchanged in meaning (no NaN,
// no Infinity, no undefined): the input is sent through JSON anyway.

/** Huge strings here go up to 100 000 characters; injection.test.ts stores 1 MB ones. */
const HUGE_MAX = 100_000;
const json = fc.jsonValue({ maxDepth: 2 });
const double = fc.double({ noNaN: true, noDefaultInfinity: true });
const compound = fc.oneof(fc.array(json, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), json, { maxKeys: 3 }));
const notStringNorNull = fc.oneof(fc.integer(), double, fc.boolean(), compound);
const notString = fc.oneof(notStringNorNull, fc.constant(null));
/** Strings that `trim()` empties: every one is blank to the validator. */
const blank = fc
  .array(fc.constantFrom(' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u2029', '\u202f', '\u3000', '\ufeff'), { maxLength: 6 })
  .map((cs) => cs.join(''));
const huge = fc.record({ size: fc.integer({ min: 10_000, max: HUGE_MAX }), ch: fc.constantFrom('x', 'é', '漢', '😀', '\u0000', "'") }).map(({ size, ch }) => ch.repeat(size));
/** A non-blank string: valid wherever a text is wanted. */
const text = fc.oneof({ weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `t${s}`) }, { weight: 1, arbitrary: huge });
/** Text with an unpaired surrogate, which no UTF-8 engine can store as it came. */
const loneSurrogate = fc.tuple(fc.string({ maxLength: 10 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 10 })).map(([a, cu, b]) => `${a}${String.fromCharCode(cu)}${b}`);

type Change = { remove: true } | { set: unknown };
const remove = fc.constant<Change>({ remove: true });
const set = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Change> => arb.map((v) => ({ set: v }));

const VALID_AUDIT = { createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'x', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'x' };
const AUDIT_KEYS = Object.keys(VALID_AUDIT) as (keyof typeof VALID_AUDIT)[];

/** A change that makes a field of this class invalid, whatever the record held. */
function badChange(f: FieldSpec): fc.Arbitrary<Change> {
  switch (f.cls) {
    case 'required':
      return fc.oneof(remove, set(blank), set(notString), set(loneSurrogate));
    case 'optional':
      return fc.oneof(set(blank), set(notStringNorNull), set(loneSurrogate));
    case 'enum': {
      const values = f.values ?? [];
      const near = fc.constantFrom(...values).chain((v) => fc.constantFrom(v.toLowerCase(), ` ${v}`, `${v} `, `${v}S`, v.replace(/_/g, ' '))).filter((v) => !values.includes(v));
      return fc.oneof(remove, set(notString), set(near), set(fc.string().filter((s) => !values.includes(s))), set(huge));
    }
    case 'bool':
      return fc.oneof(remove, set(fc.oneof(fc.integer(), double, fc.string(), compound, fc.constant(null))), set(fc.constantFrom('true', 'false', 0, 1)));
    case 'optbool':
      return fc.oneof(set(fc.oneof(fc.integer(), double, fc.string(), compound)), set(fc.constantFrom('true', 'false', 0, 1)));
    case 'date':
      return fc.oneof(
        set(notStringNorNull),
        set(blank),
        set(loneSurrogate),
        set(fc.constantFrom('Tuesday', 'last week', '2024-13-01', '2023-02-29', '2024-02-30', '24-01-01', '2024/01/01', '2024-1-5', '2024-01-01T25:00Z', '2024-01-01 10:00', '1 May 2024')),
      );
    case 'moment':
      return fc.oneof(remove, set(notString), set(blank), set(fc.constantFrom('yesterday', '2024-13-01T00:00Z', 'noon', '31/12/2024 10:00')));
    case 'rating':
      return fc.oneof(remove, set(fc.constantFrom(0, 6, -1, 2.5, '3', null, true)), set(compound));
    case 'count':
      return fc.oneof(
        set(fc.integer({ max: 0 })),
        set(double.filter((v) => !(Number.isInteger(v) && v > 0))),
        set(fc.oneof(fc.string(), fc.boolean(), compound)),
        set(fc.constantFrom('3', 2.5, -1, 0)),
      );
    case 'list':
      return fc.oneof(
        set(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.dictionary(fc.string({ maxLength: 4 }), json, { maxKeys: 2 }))),
        set(fc.tuple(fc.array(text, { maxLength: 2 }), fc.oneof(notString, blank), fc.nat(3)).map(([good, bad, at]) => [...good.slice(0, at), bad, ...good.slice(at)])),
      );
    case 'audit':
      return fc.oneof(
        set(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(json, { maxLength: 2 }))),
        set(fc.constantFrom(...AUDIT_KEYS).map((k) => Object.fromEntries(Object.entries(VALID_AUDIT).filter(([key]) => key !== k)))),
        set(fc.tuple(fc.constantFrom(...AUDIT_KEYS), fc.oneof(notString, blank)).map(([k, v]) => ({ ...VALID_AUDIT, [k]: v }))),
        set(fc.tuple(fc.constantFrom('createdAt', 'updatedAt'), fc.string().filter((s) => s.trim() !== '' && Number.isNaN(Date.parse(s)))).map(([k, v]) => ({ ...VALID_AUDIT, [k]: v }))),
        set(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !AUDIT_KEYS.includes(k as never)).map((k) => ({ ...VALID_AUDIT, [k]: 'extra' }))),
      );
  }
}

// ---------------------------------------------------------------------------
// Breakages: data (so fast-check can print and shrink them), applied below.

type Breakage =
  | { kind: 'badField'; spec: FieldSpec; record: number; change: Change }
  | { kind: 'unknownField'; target: Section | 'root'; record: number; key: string; value: unknown }
  | { kind: 'dangling'; ref: Ref; record: number; id: string }
  | { kind: 'duplicate'; section: Section; record: number }
  | { kind: 'selfRef'; which: 'affiliation' | 'link' | 'relay' | 'hedge' | 'derivation' | 'revision' | 'hedgedFalse'; record: number }
  | { kind: 'affiliationCycle'; length: number; tail: number }
  | { kind: 'relayCycle'; length: number }
  | { kind: 'derivationCycle' | 'revisionCycle'; length: number }
  | { kind: 'foreignRevision' | 'laterRevision'; record: number }
  | { kind: 'badAppearance'; record: number; variant: AppearanceBreak; value: unknown }
  | { kind: 'oneHypothesis'; record: number }
  | { kind: 'badTop'; field: 'format' | 'version'; value: unknown }
  | { kind: 'sectionNotList'; section: Section; value: unknown }
  | { kind: 'recordNotObject'; section: Section; record: number; value: unknown }
  | { kind: 'deep'; spec: FieldSpec; record: number; depth: number; shape: 'array' | 'object' };

type Benign = { section: Section; field: string; record: number; value: string };

/** Ways to break one appearance of a statement (docs/BUNDLE.md, "Appearances"). */
const APPEARANCE_BREAKS = [
  'notList', 'notObject', 'noDocument', 'blankDocument', 'danglingDocument', 'twiceInOneDocument', 'viaNotList', 'viaStepNotSource',
  'viaStepWithoutSource', 'danglingViaSource', 'danglingViaDocument', 'selectorNotObject', 'selectorWithoutExact', 'selectorUnknownKey',
  'appearanceUnknownKey', 'selectorNotInText',
] as const;
type AppearanceBreak = (typeof APPEARANCE_BREAKS)[number];

const breakageFor = (format: Format): fc.Arbitrary<Breakage> => fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...format.fields).chain((s) => fc.record({ kind: fc.constant('badField' as const), spec: fc.constant(s), record: fc.nat(), change: badChange(s) })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Section | 'root'>('root', ...format.sections).chain((target) =>
      fc.record({
        kind: fc.constant('unknownField' as const),
        target: fc.constant(target),
        record: fc.nat(),
        key: fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'ID', 'Name', 'hasOwnProperty'), huge).filter((k) => !format.allowed[target].includes(k)),
        value: fc.oneof(json, huge),
      }),
    ),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dangling' as const), ref: fc.constantFrom(...format.refs), record: fc.nat(), id: fc.oneof({ weight: 4, arbitrary: fc.string() }, { weight: 1, arbitrary: huge }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), section: fc.constantFrom(...format.withIds), record: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('selfRef' as const),
      which: format.version === 1 ? fc.constantFrom('affiliation' as const, 'link' as const, 'relay' as const, 'hedge' as const) : fc.constantFrom('affiliation' as const, 'link' as const, 'derivation' as const, 'revision' as const, 'hedge' as const, 'hedgedFalse' as const),
      record: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('affiliationCycle' as const), length: fc.integer({ min: 2, max: 8 }), tail: fc.integer({ min: 0, max: 40 }) }) },
  format.version === 1
    ? { weight: 1, arbitrary: fc.record({ kind: fc.constant('relayCycle' as const), length: fc.integer({ min: 2, max: 8 }) }) }
    : { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('derivationCycle' as const, 'revisionCycle' as const), length: fc.integer({ min: 2, max: 8 }) }) },
  ...(format.version === 1
    ? []
    : [
        { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('foreignRevision' as const, 'laterRevision' as const), record: fc.nat() }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('badAppearance' as const), record: fc.nat(), variant: fc.constantFrom(...APPEARANCE_BREAKS), value: fc.oneof(notStringNorNull, fc.string(), huge) }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('oneHypothesis' as const), record: fc.nat() }) },
      ]),
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.record({ kind: fc.constant('badTop' as const), field: fc.constant('format' as const), value: fc.oneof(notString, fc.string().filter((s) => s !== 'claimgraph-bundle'), fc.constant('Claimgraph-Bundle')) }),
      // The other version is a version too: read as it, the bundle's fields are unknown.
      fc.record({ kind: fc.constant('badTop' as const), field: fc.constant('version' as const), value: fc.oneof(fc.string(), fc.boolean(), compound, fc.constant(null), double.filter((v) => v !== format.version), fc.constantFrom(String(format.version), 3 - format.version, 0)) }),
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sectionNotList' as const), section: fc.constantFrom(...format.sections), value: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string({ maxLength: 4 }), json, { maxKeys: 3 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recordNotObject' as const), section: fc.constantFrom(...format.sections), record: fc.nat(), value: fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.array(json, { maxLength: 3 })) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      spec: fc.constantFrom(...format.fields),
      record: fc.nat(),
      depth: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 2, max: 2_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 2_000, max: 100_000 }) }),
      shape: fc.constantFrom('array' as const, 'object' as const),
    }),
  },
);

const benignFor = (format: Format): fc.Arbitrary<Benign> =>
  fc.constantFrom(...format.textFields).chain((t) => fc.record({ section: fc.constant(t.section), field: fc.constant(t.field), record: fc.nat(), value: text }));

/** The record at `index` (mod length) of a section, or null when the section or record is not there. */
function recordAt(root: Raw, section: Section, index: number): Raw | null {
  const list: unknown = root[section];
  if (!Array.isArray(list) || list.length === 0) return null;
  const rec: unknown = list[index % list.length];
  return isObj(rec) ? rec : null;
}

/** Makes the bundle invalid when a breakage finds nothing to break (its section was replaced by an earlier one). */
const fallback = (root: Raw) => void (root.version = 'broken because the target was gone');

/** A value nested `depth` levels deep: built, never generated, so it costs no shrinking. */
function deepValue(depth: number, shape: 'array' | 'object'): unknown {
  let v: unknown = shape === 'array' ? [] : {};
  for (let i = 0; i < depth; i++) v = shape === 'array' ? [v] : { nested: v };
  return v;
}

function defineField(target: Raw, key: string, value: unknown): void {
  // As JSON.parse does: `__proto__` becomes an own field, not the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function applyBreakage(root: Raw, b: Breakage, n: number): void {
  switch (b.kind) {
    case 'badField': {
      const rec = recordAt(root, b.spec.section, b.record);
      if (rec === null) return fallback(root);
      if ('remove' in b.change) delete rec[b.spec.field];
      else rec[b.spec.field] = b.change.set;
      return;
    }
    case 'unknownField': {
      const rec = b.target === 'root' ? root : recordAt(root, b.target, b.record);
      if (rec === null) return fallback(root);
      return defineField(rec, b.key, b.value);
    }
    case 'dangling': {
      const rec = recordAt(root, b.ref.section, b.record);
      if (rec === null) return fallback(root);
      const id = `fuzz-missing-${b.id}`;
      if (b.ref.list) rec[b.ref.field] = [...(Array.isArray(rec[b.ref.field]) ? (rec[b.ref.field] as unknown[]) : []), id];
      else rec[b.ref.field] = id;
      return;
    }
    case 'duplicate': {
      const rec = recordAt(root, b.section, b.record);
      if (rec === null || typeof rec.id !== 'string' || rec.id.trim() === '') return fallback(root);
      (root[b.section] as unknown[]).push({ ...rec });
      return;
    }
    case 'selfRef': {
      const section = b.which === 'affiliation' ? 'affiliations' : b.which === 'link' ? 'links' : 'statements';
      const rec = recordAt(root, section, b.record);
      if (rec === null) return fallback(root);
      if (b.which === 'affiliation') rec.parent = rec.source;
      else if (b.which === 'link') rec.to = rec.from;
      else if (b.which === 'relay') rec.reportedVia = rec.id;
      else if (b.which === 'derivation') rec.derivedFrom = rec.id;
      else if (b.which === 'revision') rec.supersedes = [rec.id];
      // Version 1: hedging words only on HEDGES. Version 2: only on ASSERTS and DENIES, and not with hedged: false.
      else if (b.which === 'hedge') Object.assign(rec, root.version === 1 ? { stance: 'ASSERTS', hedge: 'possibly' } : { stance: 'NO_RESPONSE', hedge: 'possibly', hedged: null });
      else Object.assign(rec, { stance: 'DENIES', hedged: false, hedge: 'no longer confident' });
      // A blank or missing id referring to itself is still invalid: the id itself is refused.
      return;
    }
    case 'affiliationCycle': {
      if (!Array.isArray(root.sources) || !Array.isArray(root.affiliations)) return fallback(root);
      const ids = Array.from({ length: b.length + b.tail }, (_, i) => `fuzz-cycle-${n}-${i}`);
      root.sources.push(...ids.map((id) => ({ id, name: `Cycle member ${id}`, kind: 'PERSON', anonymous: false })));
      // A tail of sources leading into the cycle, then the cycle itself.
      ids.forEach((id, i) => root.affiliations.push({ source: id, parent: i === ids.length - 1 ? ids[b.tail] : ids[i + 1] }));
      return;
    }
    case 'relayCycle': {
      const src = recordAt(root, 'sources', 0);
      const claim = recordAt(root, 'claims', 0);
      if (!Array.isArray(root.statements) || src === null || claim === null) return fallback(root);
      const ids = Array.from({ length: b.length }, (_, i) => `fuzz-relay-${n}-${i}`);
      root.statements.push(...ids.map((id, i) => ({ id, source: src.id, claim: claim.id, stance: 'ASSERTS', reportedVia: ids[(i + 1) % ids.length] })));
      return;
    }
    case 'derivationCycle':
    case 'revisionCycle': {
      const src = recordAt(root, 'sources', 0);
      const claim = recordAt(root, 'claims', 0);
      if (!Array.isArray(root.statements) || src === null || claim === null) return fallback(root);
      const ids = Array.from({ length: b.length }, (_, i) => `fuzz-${b.kind}-${n}-${i}`);
      const next = (i: number) => ids[(i + 1) % ids.length];
      root.statements.push(...ids.map((id, i) => ({ id, source: src.id, claim: claim.id, stance: 'ASSERTS', ...(b.kind === 'derivationCycle' ? { derivedFrom: next(i) } : { supersedes: [next(i)] }) })));
      return;
    }
    case 'foreignRevision':
    case 'laterRevision': {
      const sources = Array.isArray(root.sources) ? (root.sources as unknown[]).filter(isObj) : [];
      const claim = recordAt(root, 'claims', b.record);
      if (!Array.isArray(root.statements) || sources.length < 2 || claim === null) return fallback(root);
      const [a, other] = [sources[b.record % sources.length] as Raw, sources[(b.record + 1) % sources.length] as Raw];
      // Another source's statement; or the same source's, said strictly after the revision.
      const revised = { id: `fuzz-revised-${n}`, source: b.kind === 'foreignRevision' ? other.id : a.id, claim: claim.id, stance: 'ASSERTS', date: b.kind === 'laterRevision' ? '2030-01-01' : null };
      root.statements.push(revised, { id: `fuzz-reviser-${n}`, source: a.id, claim: claim.id, stance: 'DENIES', date: '2020-01-01', supersedes: [revised.id] });
      return;
    }
    case 'badAppearance': {
      const rec = recordAt(root, 'statements', b.record);
      const doc = recordAt(root, 'documents', b.record);
      if (rec === null || doc === null) return fallback(root);
      const good = (): Raw => ({ document: doc.id, via: [] });
      // An id no record has: made from the value's JSON (a null-prototype object has no String()).
      const missing = `fuzz-missing-${(JSON.stringify(b.value) ?? 'x').slice(0, 40)}`;
      const with_ = (ap: Raw) => void (rec.appearances = [ap]);
      switch (b.variant) {
        case 'notList': rec.appearances = typeof b.value === 'object' && b.value !== null && Array.isArray(b.value) ? 'not a list' : b.value === null ? 'null is not a list either' : b.value; return;
        case 'notObject': rec.appearances = [b.value === null || typeof b.value !== 'object' ? b.value : 42]; return;
        case 'noDocument': return with_({ quote: 'words' });
        case 'blankDocument': return with_({ document: ' ' });
        case 'danglingDocument': return with_({ document: missing });
        case 'twiceInOneDocument': rec.appearances = [good(), { ...good(), quote: 'again' }]; return;
        case 'viaNotList': return with_({ ...good(), via: typeof b.value === 'string' ? { source: b.value } : b.value === null ? 7 : b.value });
        case 'viaStepNotSource': return with_({ ...good(), via: [typeof b.value === 'string' ? 17 : b.value ?? 17] });
        case 'viaStepWithoutSource': return with_({ ...good(), via: [{ document: doc.id }] });
        case 'danglingViaSource': return with_({ ...good(), via: [missing] });
        case 'danglingViaDocument': return with_({ ...good(), via: [{ source: rec.source, document: missing }] });
        case 'selectorNotObject': return with_({ ...good(), selector: typeof b.value === 'object' && b.value !== null && !Array.isArray(b.value) ? 'text' : b.value ?? 'text' });
        case 'selectorWithoutExact': return with_({ ...good(), selector: { prefix: 'before' } });
        case 'selectorUnknownKey': return with_({ ...good(), selector: { exact: 'words', start: 3 } });
        case 'appearanceUnknownKey': return with_({ ...good(), page: 3 });
        case 'selectorNotInText':
          doc.text = 'The text of the document.';
          return with_({ ...good(), selector: { exact: 'words that are not there' } });
      }
      return;
    }
    case 'oneHypothesis': {
      const rec = recordAt(root, 'questions', b.record);
      if (rec === null || !Array.isArray(rec.hypotheses) || rec.hypotheses.length === 0) return fallback(root);
      rec.hypotheses = [rec.hypotheses[0]];
      return;
    }
    case 'badTop':
      root[b.field] = b.value;
      return;
    case 'sectionNotList':
      root[b.section] = b.value;
      return;
    case 'recordNotObject': {
      const list: unknown = root[b.section];
      if (!Array.isArray(list)) return fallback(root);
      if (list.length === 0) list.push(b.value);
      else list[b.record % list.length] = b.value;
      return;
    }
    case 'deep': {
      const rec = recordAt(root, b.spec.section, b.record);
      if (rec === null) return fallback(root);
      rec[b.spec.field] = deepValue(b.depth, b.shape);
      return;
    }
  }
}

function applyBenign(root: Raw, e: Benign): void {
  const rec = recordAt(root, e.section, e.record);
  if (rec !== null) rec[e.field] = e.value;
}

/**
 * A malformed bundle: a base, benign edits (so that a bundle which slipped
 * through would write), then breakages; through JSON; deep values last
 * (JSON.stringify cannot carry them, a client's JSON.parse can).
 */
interface Malformed {
  base: Base;
  benign: Benign[];
  breakages: Breakage[];
}

const malformed = (base: Base): fc.Arbitrary<Malformed> => {
  const format = FORMATS[versionOf(base)];
  return fc.record({ base: fc.constant(base), benign: fc.array(benignFor(format), { maxLength: 3 }), breakages: fc.array(breakageFor(format), { minLength: 1, maxLength: 3 }) });
};

function build(m: Malformed): unknown {
  const root = clone(BASES[m.base]);
  m.benign.forEach((e) => applyBenign(root, e));
  const deep = m.breakages.filter((b): b is Extract<Breakage, { kind: 'deep' }> => b.kind === 'deep');
  m.breakages.forEach((b, n) => b.kind !== 'deep' && applyBreakage(root, b, n));
  const sent = JSON.parse(JSON.stringify(root)) as Raw;
  deep.forEach((b, n) => applyBreakage(sent, b, n));
  return sent;
}

/** What a malformed input printed in a failure looks like: the recipe, with huge strings and deep values shortened. */
const recipe = (m: unknown) => summarize(JSON.parse(JSON.stringify(m, (_, v) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}…(${v.length} chars)` : v))));

// ---------------------------------------------------------------------------

/**
 * Chains stored next to the minimal bundle's records, for loops to close
 * through: d2 derived from d1 derived from d0; r2 revises r1, which revises r0.
 */
const CHAINS: Raw = v2({
  statements: [
    { id: 'fuzz-d0', source: 's1', claim: 'c1', stance: 'ASSERTS' },
    { id: 'fuzz-d1', source: 's2', claim: 'c1', stance: 'ASSERTS', derivedFrom: 'fuzz-d0' },
    { id: 'fuzz-d2', source: 's2', claim: 'c2', stance: 'ASSERTS', derivedFrom: 'fuzz-d1' },
    { id: 'fuzz-r0', source: 's1', claim: 'c2', stance: 'ASSERTS', date: '2020-01-01' },
    { id: 'fuzz-r1', source: 's1', claim: 'c2', stance: 'DENIES', date: '2021-01-01', supersedes: ['fuzz-r0'] },
    { id: 'fuzz-r2', source: 's1', claim: 'c2', stance: 'WITHDRAWS', date: '2022-01-01', supersedes: ['fuzz-r1'] },
  ],
});

/** A store with the seed, the minimal bundle and the chains, and a checker of "nothing changed". */
async function sharedStore(): Promise<{ store: GraphStore; unchanged: (n: number, force?: boolean) => Promise<void>; close: () => Promise<void> }> {
  const store = await emptyStore();
  await importBundle(store, clone(SEED), { editor: 'fuzz-setup' });
  await importBundle(store, clone(MINIMAL), { editor: 'fuzz-setup' });
  await importBundle(store, clone(CHAINS), { editor: 'fuzz-setup' });
  const countsBefore = await counts(store);
  const hashBefore = await exportHash(store);
  return {
    store,
    /** Counts after every input; the export hash every 10th input and when forced. */
    async unchanged(n, force = false) {
      expect(await counts(store)).toEqual(countsBefore);
      if (force || n % 10 === 0) expect(await exportHash(store)).toBe(hashBefore);
    },
    close: async () => {
      expect(await exportHash(store)).toBe(hashBefore);
      await store.close();
    },
  };
}

async function refusedWithoutWriting(store: GraphStore, input: unknown, m: unknown): Promise<void> {
  const outcome = await importBundle(store, input, { editor: 'fuzz' }).then(
    (report) => ({ accepted: report }),
    (error: unknown) => ({ error }),
  );
  if ('accepted' in outcome) throw new Error(`accepted a malformed bundle: ${recipe(m)}`);
  try {
    expectBadInput(outcome.error);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n  for ${recipe(m)}`);
  }
}

describe.each(['seed', 'minimal', 'seedV2', 'minimalV2'] as const)('malformed mutations of the %s bundle', (base) => {
  it('are each refused with BAD_USER_INPUT and its problems, and leave the graph unchanged', async () => {
    const { store, unchanged, close } = await sharedStore();
    const key = `malformed ${base}`;
    tried[key] = 0;
    try {
      await fc.assert(
        fc.asyncProperty(malformed(base), async (m) => {
          const n = ++tried[key]!;
          await refusedWithoutWriting(store, build(m), m);
          await unchanged(n);
        }),
        // 2,000 inputs in all (each of the ~20 breakages tried some 30 times per base, up to three at
        // once), a new random seed each run: halved from 4,000, the file's largest share of the suite's time.
        { numRuns: base.startsWith('seed') ? 400 : 600 },
      );
    } finally {
      await close();
    }
  }, TIMEOUT);
});

describe('inputs that are not bundle objects at all', () => {
  it('are refused at $ with BAD_USER_INPUT', async () => {
    const { store, unchanged, close } = await sharedStore();
    tried['not an object'] = 0;
    const notObject = fc.oneof(fc.constant(null), fc.integer(), double, fc.boolean(), fc.string(), huge, fc.array(json, { maxLength: 5 }), fc.constant([clone(MINIMAL)]), fc.constant(JSON.stringify(MINIMAL)));
    try {
      await fc.assert(
        fc.asyncProperty(notObject, async (input) => {
          const n = ++tried['not an object']!;
          await refusedWithoutWriting(store, JSON.parse(JSON.stringify(input)), input);
          await unchanged(n);
        }),
        { numRuns: 200 },
      );
      // Not JSON at all, as a caller in-process might pass: refused the same way.
      for (const input of [undefined, () => 1, Symbol('s'), 10n, NaN, new Date(0), new Map([[1, 2]])]) {
        tried['not an object']!++;
        await refusedWithoutWriting(store, input, String(input));
      }
      await unchanged(0, true);
    } finally {
      await close();
    }
  }, TIMEOUT);
});

describe('bundles that close a loop through records already stored', () => {
  // Valid on their own, so they are written, then the loop is found in the
  // graph and the transaction rolls back: the real test of all or nothing.
  const storedAffiliations = [...(SEED.affiliations as Raw[]), ...(MINIMAL.affiliations as Raw[])].map((a) => [a.source as string, a.parent as string] as const);
  const parentOf = new Map(storedAffiliations);
  /** Pairs (from, to) where `to` is an ancestor of `from` in the stored affiliations: to → from closes a loop. */
  const ancestorPairs = storedAffiliations.flatMap(([source]) => {
    const out: [string, string][] = [];
    for (let p = parentOf.get(source), hops = 0; p !== undefined && hops < 10; p = parentOf.get(p), hops++) out.push([source, p]);
    return out;
  });
  /** Stored statements, as the graph holds them (version 2). */
  const stored = new Map([...(SEED_V2.statements as Raw[]), ...(CHAINS.statements as Raw[])].map((st) => [st.id as string, st]));
  /** Pairs (earlier, later) along a stored chain: the earlier re-sent as derived from (or revising) the later closes a loop. */
  const chainPairs = (field: 'derivedFrom' | 'supersedes') => {
    const next = (st: Raw): string[] => (field === 'derivedFrom' ? (typeof st.derivedFrom === 'string' ? [st.derivedFrom] : []) : ((st.supersedes as string[] | undefined) ?? []));
    return [...stored.values()].flatMap((st) => {
      const out: [string, string][] = [];
      for (let ids = next(st), hops = 0; ids.length > 0 && hops < 10; hops++) {
        for (const id of ids) out.push([id, st.id as string]);
        ids = ids.flatMap((id) => (stored.has(id) ? next(stored.get(id) as Raw) : []));
      }
      return out;
    });
  };
  const derivations = chainPairs('derivedFrom');
  const revisions = chainPairs('supersedes');

  const loop = fc.record({
    closing: fc.oneof(
      fc.constantFrom(...ancestorPairs).map(([member, ancestor]) => ({ kind: 'affiliation' as const, member, ancestor })),
      fc.constantFrom(...derivations).map(([origin, derived]) => ({ kind: 'derivation' as const, origin, derived })),
      fc.constantFrom(...revisions).map(([revised, reviser]) => ({ kind: 'revision' as const, revised, reviser })),
      // A revision of another source's stored statement: refused the same way, after the write.
      fc.constantFrom('fuzz-r0', 'fuzz-r1', 'fuzz-d0').map((target) => ({ kind: 'foreign' as const, target })),
    ),
    // Records written before the loop is found: new sources and claims, and edits of stored ones.
    newSources: fc.array(fc.record({ name: text, kind: fc.constantFrom(...SOURCE_KINDS), anonymous: fc.boolean() }), { maxLength: 4 }),
    newClaims: fc.array(text, { maxLength: 4 }),
    edits: fc.uniqueArray(fc.record({ source: fc.constantFrom(...(SEED.sources as Raw[])), description: text }), { maxLength: 3, selector: (e) => e.source.id }),
  });

  it('are written, then refused with BAD_USER_INPUT, and every write is rolled back', async () => {
    const { store, unchanged, close } = await sharedStore();
    tried['loop through the graph'] = 0;
    // The seed's upgrade made one derivation (Tripp's relay of the US designation); the chains add three, and three revisions.
    expect(derivations).toEqual(expect.arrayContaining([['st-us-government-designated-mistakes', 'st-tripp-asserts-us-mistakes'], ['fuzz-d0', 'fuzz-d2']]));
    expect(revisions).toEqual(expect.arrayContaining([['fuzz-r0', 'fuzz-r2']]));
    try {
      await fc.assert(
        fc.asyncProperty(loop, async (l) => {
          const n = ++tried['loop through the graph']!;
          const bundle: Raw = v2({
            sources: [
              ...l.newSources.map((s, i) => ({ id: `fuzz-new-src-${i}`, ...s })),
              ...l.edits.map((e) => ({ ...e.source, description: e.description })),
            ],
            claims: l.newClaims.map((t, i) => ({ id: `fuzz-new-claim-${i}`, text: t })),
          });
          const closing = l.closing;
          if (closing.kind === 'affiliation') bundle.affiliations.push({ source: closing.ancestor, parent: closing.member, role: 'loop' });
          else if (closing.kind === 'derivation') bundle.statements.push({ ...stored.get(closing.origin), derivedFrom: closing.derived });
          else if (closing.kind === 'revision') bundle.statements.push({ ...stored.get(closing.revised), supersedes: [closing.reviser] });
          else bundle.statements.push({ id: `fuzz-foreign-${n}`, source: 's2', claim: 'c2', stance: 'DENIES', date: '2023-01-01', supersedes: [closing.target] });
          const outcome = await importBundle(store, JSON.parse(JSON.stringify(bundle)), { editor: 'fuzz' }).then(() => null, (e: unknown) => e);
          if (outcome === null) throw new Error(`accepted a loop: ${recipe(l)}`);
          const problems = expectBadInput(outcome);
          // At the field that closes the loop (the affiliations, or the statement's derivedFrom or supersedes).
          const where = l.closing.kind === 'affiliation' ? '$.affiliations' : '$.statements[0].';
          expect(problems.map((p) => p.path)).toContainEqual(expect.stringMatching(new RegExp(`^${where.replace(/[.$[\]]/g, '\\$&')}`)));
          await unchanged(n, true);
        }),
        // 100 loops: each of the four kinds of closing some 25 times, each after random writes; halved
        // from 200, the file's costliest inputs (each is written, then rolled back, then the export hashed).
        { numRuns: 100 },
      );
    } finally {
      await close();
    }
  }, TIMEOUT);
});

describe('malformed bundles through the GraphQL mutation importBundle', () => {
  it('answer BAD_USER_INPUT with problems at paths under `input.bundle`, never another code, and write nothing', async () => {
    const { store, unchanged, close } = await sharedStore();
    tried['GraphQL importBundle'] = 0;
    const MUTATION = `mutation($b: JSON!, $dry: Boolean) { importBundle(input: { bundle: $b, dryRun: $dry }) { result { dryRun statements { created } } } }`;
    try {
      await fc.assert(
        fc.asyncProperty(fc.oneof(malformed('minimal'), malformed('seed'), malformed('minimalV2'), malformed('seedV2')), fc.boolean(), async (m, dryRun) => {
          const n = ++tried['GraphQL importBundle']!;
          const result = await gql(store, MUTATION, { b: build(m), dry: dryRun }, 'fuzz@example.org');
          expect(result.data ?? null).toBeNull();
          expect(result.errors?.length).toBe(1);
          const error = result.errors![0]!;
          if (error.extensions?.code !== 'BAD_USER_INPUT') throw new Error(`code ${String(error.extensions?.code)}: ${error.message.slice(0, 300)}\n  for ${recipe(m)}`);
          const problems = error.extensions.problems as { path: string }[];
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) expect(p.path.startsWith('input.bundle')).toBe(true);
          await unchanged(n);
        }),
        { numRuns: 300 },
      );
    } finally {
      await close();
    }
  }, TIMEOUT);
});

describe('valid random bundles', () => {
  it('import into an empty store whole, and import again as unchanged, writing nothing', async () => {
    tried['valid synthetic'] = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 120 }), async (seed, statements) => {
        tried['valid synthetic']!++;
        const bundle = syntheticBundle({ statements, seed });
        const store = await emptyStore();
        try {
          const first = await importBundle(store, JSON.parse(JSON.stringify(bundle)), { editor: 'fuzz' });
          for (const section of ['sources', 'entities', 'documents', 'claims', 'statements', 'affiliations', 'links'] as const) {
            expect({ section, ...first[section] }).toEqual({ section, created: bundle[section].length, updated: 0, unchanged: 0 });
          }
          const exported = await exportBundle(store);
          expect(checkBundle(exported).problems).toEqual([]);
          expect(await counts(store)).toEqual({
            sources: bundle.sources.length, entities: bundle.entities.length, documents: bundle.documents.length,
            claims: bundle.claims.length, statements: bundle.statements.length,
          });
          const again = await importBundle(store, JSON.parse(JSON.stringify(bundle)), { editor: 'someone-else' });
          for (const section of ['sources', 'entities', 'documents', 'claims', 'statements', 'affiliations', 'links'] as const) {
            expect({ section, ...again[section] }).toEqual({ section, created: 0, updated: 0, unchanged: bundle[section].length });
          }
          expect(again.matched).toEqual([]);
          // Nothing rewritten: not even the audit fields moved to the second editor.
          expect(await exportBundle(store)).toEqual(exported);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 30 },
    );
  }, TIMEOUT);
});
