import { buildASTSchema, getNamedType, isInputObjectType, isObjectType, type GraphQLType } from 'graphql';
import { loadTypeDefs } from '../../src/api/schema';
import { DateTimeScalar, PartialDateScalar } from '../../src/api/scalars';
import { importBundle } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql } from '../helpers';

/*
 * Times are typed for what they are: a machine's instant is a DateTime; what
 * reporting says of a time (a year, a month, a day, sometimes a minute) is a
 * PartialDate, kept as written.
 */

const schema = buildASTSchema(loadTypeDefs(), { assumeValidSDL: true });

/** `Type.field` of every output and input field whose type is the named scalar. */
function fieldsOfType(scalar: string): string[] {
  const found: string[] = [];
  for (const t of Object.values(schema.getTypeMap())) {
    if (t.name.startsWith('__') || !(isObjectType(t) || isInputObjectType(t))) continue;
    for (const f of Object.values(t.getFields())) if (getNamedType(f.type as GraphQLType).name === scalar) found.push(`${t.name}.${f.name}`);
  }
  return found.sort();
}

describe('the schema', () => {
  it('types every machine time DateTime', () => {
    expect(fieldsOfType('DateTime')).toEqual(
      ['AchOverride.at', 'Assessment.at', 'Change.at', 'Recorded.createdAt', 'Recorded.updatedAt', 'ReliabilityRating.at', 'StatementDate.end', 'StatementDate.start'].sort(),
    );
  });

  it('types every reporting date PartialDate, outputs and inputs', () => {
    expect(fieldsOfType('PartialDate')).toEqual(
      [
        'CreateDocumentInput.publishedAt', 'Document.publishedAt', 'RecordStatementInput.date', 'Retraction.date', 'RetractionInput.date', 'Statement.date', 'StatementDate.value',
        'TimelineEntry.date', 'UpdateDocumentInput.publishedAt',
      ].sort(),
    );
  });

  it('leaves no time as a plain String but `madeAt`, which is the document\'s words ("Sunday")', () => {
    const timeLike = /(^at$|At$|^date$|Date$|^start$|^end$)/;
    expect(fieldsOfType('String').filter((f) => timeLike.test(f.split('.')[1]!))).toEqual(['RecordStatementInput.madeAt', 'Statement.madeAt']);
  });
});

describe('the scalars', () => {
  it('DateTime gives any stored stamp as one instant, in UTC to the millisecond', () => {
    expect(DateTimeScalar.serialize('2026-02-03T09:30:00.000Z')).toBe('2026-02-03T09:30:00.000Z');
    expect(DateTimeScalar.serialize('2026-02-03T10:30+01:00')).toBe('2026-02-03T09:30:00.000Z');
    expect(DateTimeScalar.serialize('2026-02-03')).toBe('2026-02-03T00:00:00.000Z');
    expect(() => DateTimeScalar.serialize('last Sunday')).toThrow(/DateTime cannot represent "last Sunday"/);
    expect(DateTimeScalar.parseValue('2026-02-03T09:30:00+00:00')).toBe('2026-02-03T09:30:00.000Z');
    expect(() => DateTimeScalar.parseValue('2026-02-03')).toThrow(/expected an RFC 3339 date-time/);
  });

  it('PartialDate keeps a date as written, at any precision, and refuses anything else', () => {
    for (const d of ['2021', '2021-09', '2021-09-17', '2021-09-17T14:05Z', '2021-09-17T16:05:30.5+02:00']) expect(PartialDateScalar.serialize(d)).toBe(d);
    expect(() => PartialDateScalar.parseValue('2021-02-30')).toThrow(/PartialDate cannot represent "2021-02-30"/);
    expect(() => PartialDateScalar.parseValue('Sunday')).toThrow(/an ISO 8601 date as precise as known/);
  });
});

describe('over the API', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await emptyStore();
    await importBundle(store, {
      format: 'claimgraph-bundle', version: 2,
      sources: [{ id: 'src-a', name: 'A', kind: 'PERSON', anonymous: false, recorded: { createdAt: '2025-01-02T03:04Z', createdBy: 'ed', updatedAt: '2025-01-02T03:04Z', updatedBy: 'ed' } }],
      documents: [{ id: 'doc-a', title: 'A report', publishedAt: '2021-09' }],
      claims: [{ id: 'claim-a', text: 'Something happened.' }],
      statements: [{ id: 'st-a', source: 'src-a', claim: 'claim-a', stance: 'ASSERTS', appearances: [{ document: 'doc-a', quote: 'It happened' }] }],
    }, { editor: 'ed', keepRecorded: true });
  });
  afterAll(() => store.close());

  it('a recorded stamp is a DateTime; a reporting date stays as written, its interval in DateTimes', async () => {
    const result = await gql(store, `{ source(id: "src-a") { recorded { createdAt updatedAt } }
      statement(id: "st-a") { date dated { value precision start end basis } document { publishedAt } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      source: { recorded: { createdAt: '2025-01-02T03:04:00.000Z', updatedAt: '2025-01-02T03:04:00.000Z' } },
      statement: {
        date: null,
        dated: { value: '2021-09', precision: 'MONTH', start: '2021-09-01T00:00:00.000Z', end: '2021-09-30T23:59:59.999Z', basis: 'PUBLISHED' },
        document: { publishedAt: '2021-09' },
      },
    });
  });

  it('a date that is not one is refused at the variable, with the path, what was expected and what came', async () => {
    const result = await gql(
      store,
      `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`,
      { input: { title: 'Another report', publishedAt: 'last Sunday' } },
      'ed',
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'input.publishedAt', expected: expect.stringContaining('an ISO 8601 date as precise as known'), got: '"last Sunday"' }],
    });
  });
});
