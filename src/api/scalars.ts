import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped, type ValueNode } from 'graphql';
import { show } from '../errors';
import { parsePartialDate } from '../graph/dates';

/*
 * The schema's own scalars. A machine time (when a record was written, a
 * rating given, a cell overridden) is an instant: DateTime. What reporting
 * says of a time is as precise as it is ("2021", "2021-09-17"): PartialDate,
 * which a DateTime must never be mistaken for (docs/MODEL.md, "Dates").
 */

/** What each scalar's values look like, for `{path, expected, got}` problems (src/api/mutations.ts). */
export const SCALAR_FORMS = {
  DateTime: 'an RFC 3339 date-time with Z or ±HH:MM, e.g. 2026-02-03T09:30:00.000Z',
  PartialDate: 'an ISO 8601 date as precise as known: YYYY, YYYY-MM, YYYY-MM-DD, or a date-time YYYY-MM-DDTHH:MM[:SS[.fff]] with Z or ±HH:MM',
} as const;

/** Stored stamps are ISO 8601 (bundles may give any precision the validator accepted); the API gives the instant in one form. */
function toInstant(value: unknown): string {
  if (typeof value === 'string') {
    const interval = parsePartialDate(value);
    // A date-time is its first millisecond; a bare day (an old audit stamp) is its midnight, UTC, as the bundle rules read it.
    if (interval !== null) return interval.start;
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
  }
  throw new GraphQLError(`DateTime cannot represent ${show(value)}: expected ${SCALAR_FORMS.DateTime}.`);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;

function parseInstant(value: unknown): string {
  if (typeof value !== 'string' || !RFC3339.test(value) || parsePartialDate(value.toUpperCase()) === null) {
    throw new TypeError(`DateTime cannot represent ${show(value)}: expected ${SCALAR_FORMS.DateTime}.`);
  }
  return toInstant(value.toUpperCase());
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: `An instant, written by the machine: ${SCALAR_FORMS.DateTime}. Given out in UTC, to the millisecond.`,
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339',
  serialize: toInstant,
  parseValue: parseInstant,
  parseLiteral: (ast: ValueNode) => parseInstant(ast.kind === Kind.STRING ? ast.value : valueFromASTUntyped(ast)),
});

function partialDate(value: unknown, make: (message: string) => Error): string {
  if (typeof value === 'string' && parsePartialDate(value) !== null) return value;
  throw make(`PartialDate cannot represent ${show(value)}: expected ${SCALAR_FORMS.PartialDate}.`);
}

export const PartialDateScalar = new GraphQLScalarType({
  name: 'PartialDate',
  description: `A date as reporting gives it, as precise as is known: ${SCALAR_FORMS.PartialDate}. Kept as written.`,
  // A stored date the bundle rules did not accept is the store's fault: INTERNAL, not the client's.
  serialize: (value) => partialDate(value, (m) => new GraphQLError(m)),
  parseValue: (value) => partialDate(value, (m) => new TypeError(m)),
  parseLiteral: (ast: ValueNode) => partialDate(ast.kind === Kind.STRING ? ast.value : valueFromASTUntyped(ast), (m) => new TypeError(m)),
});

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

export const scalarResolvers = { DateTime: DateTimeScalar, PartialDate: PartialDateScalar, JSON: JSONScalar };
