import DataLoader from 'dataloader';
import { GraphQLScalarType, valueFromASTUntyped, type GraphQLFormattedError } from 'graphql';
import { badInput, ClaimgraphError, notFound, show } from '../errors';
import type { BundleProblem } from '../graph/bundle';
import {
  createRecord,
  deleteConfirmed,
  DELETABLE_KINDS,
  invalid,
  DUPLICATE_LABELS,
  linkClaims,
  mergeClaims,
  mergeEntities,
  mergeSources,
  rejectDuplicate,
  previewDeletion,
  recordStatement,
  relocateProblems,
  unlinkClaims,
  updateRecord,
  type DeletableKind,
  type DeletionPlan,
  type EditOptions,
  type Fields,
  type RecordKind,
} from '../graph/editing';
import type { PossibleDuplicate } from '../graph/duplicates';
import { dryRunImport, importBundle, importBundleSet, type ImportReport } from '../graph/import';
import { CLAIM_LINK_TYPES, SOURCE_KINDS, STANCES, type ClaimLinkType } from '../graph/model';
import type { GraphStore, Value } from '../store/port';
import type { Context } from './context';
import { ANONYMOUS_EDITOR } from './identity';
import { Loaders } from './loaders';
import { currentMaxPageSize, decodeCursor, encodeCursor, pageSize, toConnection } from './pagination';

/*
 * The Mutation type, the deletion preview and the `recorded` audit field.
 * The resolvers here only translate: the edits themselves, each one write
 * transaction through the import pipeline, are in src/graph/editing.ts.
 * After a write, the request's loaders are replaced, so what a mutation
 * returns is read fresh from the graph, never from a cache filled before.
 */

type Audited = 'source' | 'entity' | 'document' | 'claim' | 'statement';

export interface RecordedNode {
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

const AUDIT_COLUMNS: Record<Audited, string> = {
  source: 'sources',
  entity: 'entities',
  document: 'documents',
  claim: 'claims',
  statement: 'statements',
};

/**
 * One audit loader per set of loaders (so per request, and fresh after each
 * write): every `recorded` asked for at one level, of any kind, is one
 * `audit-by-ids` round trip.
 */
const auditLoaders = new WeakMap<Loaders, DataLoader<string, RecordedNode | null>>();

function auditLoader(ctx: Context): DataLoader<string, RecordedNode | null> {
  let loader = auditLoaders.get(ctx.loaders);
  if (loader === undefined) {
    loader = newAuditLoader(ctx.store);
    auditLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

function newAuditLoader(store: GraphStore): DataLoader<string, RecordedNode | null> {
  return new DataLoader(async (keys) => {
    const ids: Record<string, string[]> = { sources: [], entities: [], documents: [], claims: [], statements: [] };
    for (const key of keys) {
      const [kind, id] = splitKey(key);
      ids[AUDIT_COLUMNS[kind]]?.push(id);
    }
    const [row] = await store.read('audit-by-ids', ids);
    const found = new Map<string, RecordedNode>();
    for (const kind of Object.keys(AUDIT_COLUMNS) as Audited[]) {
      const list = row?.[AUDIT_COLUMNS[kind]];
      for (const record of Array.isArray(list) ? list : []) {
        const recorded = toRecorded(record);
        if (recorded !== null && typeof record === 'object' && record !== null && !Array.isArray(record)) {
          found.set(`${kind}\u0000${String(record.id)}`, recorded);
        }
      }
    }
    return keys.map((key) => found.get(key) ?? null);
  });
}

function splitKey(key: string): [Audited, string] {
  const at = key.indexOf('\u0000');
  return [key.slice(0, at) as Audited, key.slice(at + 1)];
}

/** The four audit fields, or null unless all four are there (records written before auditing have none). */
function toRecorded(v: Value): RecordedNode | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const { createdAt, createdBy, updatedAt, updatedBy } = v;
  return typeof createdAt === 'string' && typeof createdBy === 'string' && typeof updatedAt === 'string' && typeof updatedBy === 'string'
    ? { createdAt, createdBy, updatedAt, updatedBy }
    : null;
}

const recorded = (kind: Audited) => (node: { id: string }, _: unknown, ctx: Context) => auditLoader(ctx).load(`${kind}\u0000${node.id}`);

/** Who writes, for the edit: the request's editor, or "anonymous". */
const editing = (ctx: Context): EditOptions => ({ editor: ctx.editor ?? ANONYMOUS_EDITOR });

/** Drops every cached read of this request: the next reads see the graph as the write left it. */
function afterWrite(ctx: Context): void {
  ctx.loaders = new Loaders(ctx.store);
}

/** Reads a node the mutation just wrote; a miss means it was not written, which is a bug. */
async function fresh<T>(ctx: Context, loader: (l: Loaders) => DataLoader<string, T | null>, kind: string, id: string): Promise<T> {
  afterWrite(ctx);
  const found = await loader(ctx.loaders).load(id);
  if (found === null) throw notFound(kind, id);
  return found;
}

const LOADER: Record<Exclude<RecordKind, 'statement'>, (l: Loaders) => DataLoader<string, { id: string } | null>> = {
  source: (l) => l.sources,
  entity: (l) => l.entities,
  document: (l) => l.documents,
  claim: (l) => l.claims,
};

const create = (kind: Exclude<RecordKind, 'statement'>) => async (_: unknown, { input }: { input: Fields }, ctx: Context) =>
  fresh(ctx, LOADER[kind], kind, await createRecord(ctx.store, kind, input, editing(ctx)));

const update = (kind: Exclude<RecordKind, 'statement'>) => async (_: unknown, { id, input }: { id: string; input: Fields }, ctx: Context) =>
  fresh(ctx, LOADER[kind], kind, await updateRecord(ctx.store, kind, id, input, editing(ctx)));

async function claimPair(ctx: Context, from: string, to: string) {
  afterWrite(ctx);
  const [a, b] = await Promise.all([ctx.loaders.claims.load(from), ctx.loaders.claims.load(to)]);
  if (a === null) throw notFound('claim', from);
  if (b === null) throw notFound('claim', to);
  return { from: a, to: b };
}

/** The preview (or result) as the schema shapes it: the plan plus counts per kind. */
interface PageArgs {
  first?: number | null;
  offset?: number | null;
}

/** `first` items from `offset`: `first` at most the page-size cap (larger is cut to it), both from 0. */
function slicePage<T>(items: T[], { first, offset }: PageArgs): T[] {
  const size = Math.min(first ?? currentMaxPageSize(), currentMaxPageSize());
  const from = offset ?? 0;
  if (!Number.isInteger(size) || size < 0) throw badInput(`Argument "first" must be an integer from 0 to ${currentMaxPageSize()}, got ${show(first)}.`, { argument: 'first' });
  if (!Number.isInteger(from) || from < 0) throw badInput(`Argument "offset" must be an integer from 0, got ${show(offset)}.`, { argument: 'offset' });
  return items.slice(from, from + size);
}

function describe(plan: DeletionPlan) {
  const countBy = <T>(items: T[], key: (t: T) => string) => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return [...counts.entries()];
  };
  return {
    ...plan,
    nodeCounts: countBy(plan.nodes, (n) => n.kind).map(([kind, count]) => ({ kind, count })),
    relationshipCounts: countBy(plan.relationships, (r) => r.type).map(([type, count]) => ({ type, count })),
  };
}

/** The API's kind of a possible duplicate, from the graph label. */
const DUPLICATE_KINDS = Object.fromEntries(Object.entries(DUPLICATE_LABELS).map(([kind, label]) => [label, kind])) as Record<string, keyof typeof DUPLICATE_LABELS>;

function toPossibleDuplicate(p: Pick<PossibleDuplicate, 'a' | 'b' | 'reason' | 'key' | 'score'> & { label: string; rejected?: boolean }) {
  return { kind: DUPLICATE_KINDS[p.label] ?? p.label, a: p.a, b: p.b, reason: p.reason, key: p.key ?? null, score: p.score ?? null, rejected: p.rejected === true };
}

function toImportResult(report: ImportReport, dryRun: boolean) {
  return {
    ...report,
    dryRun,
    matched: report.matched.map((m) => ({ ...m, kind: m.kind.toUpperCase() })),
    possibleDuplicates: report.possibleDuplicates.map(toPossibleDuplicate),
  };
}

/** A bundle's problem paths, relative to the `bundle` argument: `$.statements[3].stance` → `bundle.statements[3].stance`. */
const bundlePath = (path: string) => path.replace(/^\$/, 'bundle');

/**
 * A bundle set's problems at paths relative to the `bundles` argument, as
 * every mutation's are: `$.statements[3].claim` in file `bundles[2]` becomes
 * `bundles[2].statements[3].claim` (the file stays named too).
 */
function setProblemsAtArguments(error: unknown): unknown {
  if (!(error instanceof ClaimgraphError) || error.code !== 'BAD_USER_INPUT' || !Array.isArray(error.details?.problems)) return error;
  const problems = (error.details.problems as BundleProblem[]).map((p) =>
    p.file !== undefined && /^bundles\[\d+\]$/.test(p.file) && p.path.startsWith('$') ? { ...p, path: `${p.file}${p.path.slice(1)}` } : p,
  );
  return invalid(problems);
}

/** The values of the schema's enums that inputs use, to say what was expected. */
const ENUM_VALUES: Record<string, readonly string[]> = {
  Stance: STANCES,
  SourceKind: SOURCE_KINDS,
  ClaimLinkType: CLAIM_LINK_TYPES,
  DeletableKind: DELETABLE_KINDS,
  DuplicateKind: Object.keys(DUPLICATE_LABELS),
};

const SCALAR_EXPECTED: Record<string, string> = {
  String: 'a string',
  ID: 'a string (an id)',
  Int: 'an integer',
  Float: 'a number',
  Boolean: 'true or false',
};

/**
 * The `{path, expected, got}` problem of a variable GraphQL itself refused
 * while coercing it to its declared type (an unknown enum value, a number
 * for a string, a required field left out): the same shape the bundle
 * validator reports, with the path from the variable's name, e.g.
 * `input.stance`. Null for any other message.
 */
export function coercionProblem(message: string): { path: string; expected: string; got: string } | null {
  const missingVariable = /^Variable "\$(\w+)" of required type "([^"]+)" was not provided\.$/.exec(message);
  if (missingVariable) return { path: missingVariable[1] ?? '', expected: `a value of type ${missingVariable[2]}`, got: 'nothing' };
  const m = /^Variable "\$(\w+)" got invalid value ([\s\S]*?)(?: at "([^"]+)")?; ([\s\S]*)$/.exec(message);
  if (!m) return null;
  const path = m[3] ?? m[1] ?? '';
  const got = m[2] ?? '';
  const reason = m[4] ?? '';
  let r: RegExpExecArray | null;
  if ((r = /^Field "(\w+)" of required type "([^"]+)" was not provided\./.exec(reason))) {
    return { path: `${path}.${r[1]}`, expected: `a value of type ${r[2]}`, got: 'nothing' };
  }
  if ((r = /^Field "(\w+)" is not defined by type "(\w+)"\./.exec(reason))) {
    return { path: `${path}.${r[1]}`, expected: `only the fields of ${r[2]}`, got: `unknown field "${r[1]}"` };
  }
  if ((r = /^Expected non-nullable type "([^"]+)" not to be null\./.exec(reason))) {
    return { path, expected: `a value of type ${r[1]}`, got: 'null' };
  }
  if ((r = /^Value .* does not exist in "(\w+)" enum\./.exec(reason) ?? /^Enum "(\w+)" cannot represent/.exec(reason))) {
    const values = ENUM_VALUES[r[1] ?? ''];
    return { path, expected: values ? `one of ${values.join(', ')}` : `a value of the ${r[1]} enum`, got };
  }
  if ((r = /^(\w+) cannot represent/.exec(reason))) {
    return { path, expected: SCALAR_EXPECTED[r[1] ?? ''] ?? `a value of type ${r[1]}`, got };
  }
  return { path, expected: reason, got };
}

/**
 * Adds `problems` to a BAD_USER_INPUT error GraphQL raised for a variable, so
 * that every BAD_USER_INPUT a mutation can get, whether refused by the schema
 * or by the bundle rules, says where, what was expected and what came.
 */
export function withInputProblems(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'BAD_USER_INPUT' || formatted.extensions.problems !== undefined) return formatted;
  const problem = coercionProblem(formatted.message);
  return problem === null ? formatted : { ...formatted, extensions: { ...formatted.extensions, problems: [problem] } };
}

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

export const editingResolvers = {
  JSON: JSONScalar,

  Query: {
    async changes(_: unknown, args: { first?: number | null; after?: string | null }, ctx: Context) {
      const size = pageSize(args.first);
      const after = decodeCursor('changes', args.after, 1)?.[0] ?? null;
      const rows = await ctx.store.read('changes-page', { after, limit: size + 1 });
      const changes = rows.map((row) => {
        const c = row.change as { id: string; details: string };
        return { ...c, details: JSON.parse(c.details) as unknown };
      });
      return toConnection(changes, size, (c) => encodeCursor('changes', [c.id]));
    },
    deletionPreview: async (_: unknown, { kind, id }: { kind: DeletableKind; id: string }, ctx: Context) =>
      describe(await previewDeletion(ctx.store, kind, id)),
    async possibleDuplicates(_: unknown, args: { kind?: keyof typeof DUPLICATE_LABELS | null; first?: number | null; after?: string | null }, ctx: Context) {
      const size = pageSize(args.first);
      const afterKey = decodeCursor('possible-duplicates', args.after, 1)?.[0] ?? null;
      const [row] = await ctx.store.read('possible-duplicates-page', { label: args.kind ? DUPLICATE_LABELS[args.kind] : null, afterKey, limit: size + 1 });
      const rows = (Array.isArray(row?.page) ? row.page : []) as { label: string; a: string; b: string; reason: PossibleDuplicate['reason']; key: string | null; score: number | null; sortKey: string }[];
      const connection = toConnection(rows, size, (r) => encodeCursor('possible-duplicates', [r.sortKey]));
      return {
        totalCount: Number(row?.total ?? 0),
        pageInfo: connection.pageInfo,
        edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toPossibleDuplicate(e.node) })),
        nodes: connection.nodes.map(toPossibleDuplicate),
      };
    },
  },

  Mutation: {
    async importBundle(_: unknown, { bundle, dryRun }: { bundle: unknown; dryRun?: boolean | null }, ctx: Context) {
      // A client's bundle cannot claim that someone else wrote it: the request's editor is stamped.
      const options = { ...editing(ctx), keepRecorded: false };
      try {
        const report = dryRun === true ? await dryRunImport(ctx.store, bundle, options) : await importBundle(ctx.store, bundle, options);
        if (dryRun !== true) afterWrite(ctx);
        return toImportResult(report, dryRun === true);
      } catch (error) {
        throw relocateProblems(error, bundlePath);
      }
    },

    async importBundles(_: unknown, { bundles, dryRun }: { bundles: unknown[]; dryRun?: boolean | null }, ctx: Context) {
      const options = { ...editing(ctx), keepRecorded: false };
      // Each bundle is named by its index, so problems say which one they are in.
      const files = bundles.map((json, i) => ({ name: `bundles[${i}]`, json }));
      try {
        const report = dryRun === true ? await dryRunImport(ctx.store, null, options, files) : await importBundleSet(ctx.store, files, options);
        if (dryRun !== true) afterWrite(ctx);
        return toImportResult(report, dryRun === true);
      } catch (error) {
        throw setProblemsAtArguments(error);
      }
    },

    createSource: create('source'),
    updateSource: update('source'),
    createEntity: create('entity'),
    updateEntity: update('entity'),
    createDocument: create('document'),
    updateDocument: update('document'),
    createClaim: create('claim'),
    updateClaim: update('claim'),

    recordStatement: async (_: unknown, { input }: { input: Fields }, ctx: Context) =>
      fresh(ctx, (l) => l.statements, 'statement', await recordStatement(ctx.store, input, editing(ctx))),

    async linkClaims(_: unknown, args: { type: ClaimLinkType; from: string; to: string; reason: string }, ctx: Context) {
      await linkClaims(ctx.store, args, editing(ctx));
      return claimPair(ctx, args.from, args.to);
    },

    async unlinkClaims(_: unknown, args: { type: ClaimLinkType; from: string; to: string }, ctx: Context) {
      await unlinkClaims(ctx.store, args, editing(ctx));
      return claimPair(ctx, args.from, args.to);
    },

    mergeSources: async (_: unknown, { keep, merge }: { keep: string; merge: string }, ctx: Context) => {
      await mergeSources(ctx.store, keep, merge, editing(ctx));
      return fresh(ctx, (l) => l.sources, 'source', keep);
    },

    mergeClaims: async (_: unknown, { keep, merge }: { keep: string; merge: string }, ctx: Context) => {
      await mergeClaims(ctx.store, keep, merge, editing(ctx));
      return fresh(ctx, (l) => l.claims, 'claim', keep);
    },

    mergeEntities: async (_: unknown, { keep, merge }: { keep: string; merge: string }, ctx: Context) => {
      await mergeEntities(ctx.store, keep, merge, editing(ctx));
      return fresh(ctx, (l) => l.entities, 'entity', keep);
    },

    async rejectDuplicate(_: unknown, { kind, a, b }: { kind: keyof typeof DUPLICATE_LABELS; a: string; b: string }, ctx: Context) {
      const row = await rejectDuplicate(ctx.store, kind, a, b, editing(ctx));
      afterWrite(ctx);
      return toPossibleDuplicate(row as never);
    },

    async delete(_: unknown, { kind, id, confirm }: { kind: DeletableKind; id: string; confirm: string }, ctx: Context) {
      const { confirm: _token, ...done } = describe(await deleteConfirmed(ctx.store, kind, id, confirm, editing(ctx)));
      afterWrite(ctx);
      return done;
    },
  },

  // A preview lists everything a deletion removes: paged, so that one answer stays small.
  DeletionPreview: {
    nodes: (p: { nodes: unknown[] }, args: PageArgs) => slicePage(p.nodes, args),
    relationships: (p: { relationships: unknown[] }, args: PageArgs) => slicePage(p.relationships, args),
    detached: (p: { detached: unknown[] }, args: PageArgs) => slicePage(p.detached, args),
  },
  Source: { recorded: recorded('source') },
  Entity: { recorded: recorded('entity') },
  Document: { recorded: recorded('document') },
  Claim: { recorded: recorded('claim') },
  Statement: { recorded: recorded('statement') },
};
