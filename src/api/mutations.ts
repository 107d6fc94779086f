import DataLoader from 'dataloader';
import type { GraphQLFormattedError } from 'graphql';
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
import { afterWrite, type Context } from './context';
import { ANONYMOUS_EDITOR } from './identity';
import type { Loaders } from './loaders';
import { currentMaxPageSize, decodeCursor, encodeCursor, NEWEST_CHANGE, pageSize, toConnection } from './pagination';
import { SCALAR_FORMS } from './scalars';
import { byRecordIds, toGlobalId, type NodeType } from './global-id';
import { toChange } from './nodes';
import { mutation } from './payloads';

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
const AUDIT = Symbol('audit loader');
const auditLoader = (ctx: Context): DataLoader<string, RecordedNode | null> => ctx.loaders.cached(AUDIT, newAuditLoader);

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

type NodeKind = Exclude<RecordKind, 'statement'>;

const create = (kind: NodeKind) =>
  mutation(async (input: Fields, ctx) => ({ [kind]: await fresh(ctx, LOADER[kind], kind, await createRecord(ctx.store, kind, input, editing(ctx))) }));

const update = (kind: NodeKind) =>
  mutation(async ({ id, ...fields }: Fields & { id: string }, ctx) => ({ [kind]: await fresh(ctx, LOADER[kind], kind, await updateRecord(ctx.store, kind, id, fields, editing(ctx))) }));

async function claimPair(ctx: Context, from: string, to: string) {
  afterWrite(ctx);
  const [a, b] = await Promise.all([ctx.loaders.claims.load(from), ctx.loaders.claims.load(to)]);
  if (a === null) throw notFound('claim', from);
  if (b === null) throw notFound('claim', to);
  return { from: a, to: b };
}

/** The node type of each kind of record a deletion removes. */
const NODE_TYPE_OF: Record<DeletableKind, NodeType> = { CLAIM: 'Claim', SOURCE: 'Source', DOCUMENT: 'Document', STATEMENT: 'Statement', ENTITY: 'Entity' };

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

/** A bundle's problem paths, from the input: `$.statements[3].stance` → `bundle.statements[3].stance` (then `input.bundle.…`). */
const bundlePath = (path: string) => path.replace(/^\$/, 'bundle');

/**
 * A bundle set's problems at paths relative to the `bundles` argument, as
 * every mutation's are: `$.statements[3].claim` in file `input.bundles[2]`
 * becomes `input.bundles[2].statements[3].claim` (the file stays named too).
 */
function setProblemsAtArguments(error: unknown): unknown {
  if (!(error instanceof ClaimgraphError) || error.code !== 'BAD_USER_INPUT' || !Array.isArray(error.details?.problems)) return error;
  const problems = (error.details.problems as BundleProblem[]).map((p) =>
    p.file !== undefined && /^input\.bundles\[\d+\]$/.test(p.file) && p.path.startsWith('$') ? { ...p, path: `${p.file}${p.path.slice(1)}` } : p,
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
  ...SCALAR_FORMS,
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
  // A scalar of the schema's own refusing a value: "Expected type "PartialDate". PartialDate cannot represent …".
  if ((r = /^Expected type "(\w+)"\./.exec(reason) ?? /^(\w+) cannot represent/.exec(reason))) {
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

export const editingResolvers = {
  Query: {
    async changes(_: unknown, args: { first?: number | null; after?: string | null }, ctx: Context) {
      const size = pageSize(args.first);
      const after = decodeCursor('changes', args.after, 1)?.[0] ?? NEWEST_CHANGE;
      const rows = await ctx.store.read('changes-page', { after, limit: size + 1 });
      const changes = rows.map((row) => toChange(row.change));
      return toConnection(changes, size, (c) => encodeCursor('changes', [c.id]));
    },
    deletionPreview: byRecordIds(async (_, { kind, id }: { kind: DeletableKind; id: string }, ctx) => describe(await previewDeletion(ctx.store, kind, id))),
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
    importBundle: mutation(async ({ bundle, dryRun }: { bundle: unknown; dryRun?: boolean | null }, ctx) => {
      // A client's bundle cannot claim that someone else wrote it: the request's editor is stamped.
      const options = { ...editing(ctx), keepRecorded: false };
      try {
        const report = dryRun === true ? await dryRunImport(ctx.store, bundle, options) : await importBundle(ctx.store, bundle, options);
        if (dryRun !== true) afterWrite(ctx);
        return { result: toImportResult(report, dryRun === true) };
      } catch (error) {
        throw relocateProblems(error, bundlePath);
      }
    }),

    importBundles: mutation(async ({ bundles, dryRun }: { bundles: unknown[]; dryRun?: boolean | null }, ctx) => {
      const options = { ...editing(ctx), keepRecorded: false };
      // Each bundle is named by its place in the input, so problems say which one they are in.
      const files = bundles.map((json, i) => ({ name: `input.bundles[${i}]`, json }));
      try {
        const report = dryRun === true ? await dryRunImport(ctx.store, null, options, files) : await importBundleSet(ctx.store, files, options);
        if (dryRun !== true) afterWrite(ctx);
        return { result: toImportResult(report, dryRun === true) };
      } catch (error) {
        throw setProblemsAtArguments(error);
      }
    }),

    createSource: create('source'),
    updateSource: update('source'),
    createEntity: create('entity'),
    updateEntity: update('entity'),
    createDocument: create('document'),
    updateDocument: update('document'),
    createClaim: create('claim'),
    updateClaim: update('claim'),

    recordStatement: mutation(async (input: Fields, ctx) => ({
      statement: await fresh(ctx, (l) => l.statements, 'statement', await recordStatement(ctx.store, input, editing(ctx))),
    })),

    linkClaims: mutation(async (input: { type: ClaimLinkType; from: string; to: string; reason: string }, ctx) => {
      await linkClaims(ctx.store, input, editing(ctx));
      return claimPair(ctx, input.from, input.to);
    }),

    unlinkClaims: mutation(async (input: { type: ClaimLinkType; from: string; to: string }, ctx) => {
      await unlinkClaims(ctx.store, input, editing(ctx));
      return claimPair(ctx, input.from, input.to);
    }),

    mergeSources: mutation(async ({ keep, merge }: { keep: string; merge: string }, ctx) => {
      await mergeSources(ctx.store, keep, merge, editing(ctx));
      return { source: await fresh(ctx, (l) => l.sources, 'source', keep), mergedId: toGlobalId('Source', merge) };
    }),

    mergeClaims: mutation(async ({ keep, merge }: { keep: string; merge: string }, ctx) => {
      await mergeClaims(ctx.store, keep, merge, editing(ctx));
      return { claim: await fresh(ctx, (l) => l.claims, 'claim', keep), mergedId: toGlobalId('Claim', merge) };
    }),

    mergeEntities: mutation(async ({ keep, merge }: { keep: string; merge: string }, ctx) => {
      await mergeEntities(ctx.store, keep, merge, editing(ctx));
      return { entity: await fresh(ctx, (l) => l.entities, 'entity', keep), mergedId: toGlobalId('Entity', merge) };
    }),

    rejectDuplicate: mutation(async ({ kind, a, b }: { kind: keyof typeof DUPLICATE_LABELS; a: string; b: string }, ctx) => {
      const row = await rejectDuplicate(ctx.store, kind, a, b, editing(ctx));
      afterWrite(ctx);
      return { possibleDuplicate: toPossibleDuplicate(row as never) };
    }),

    delete: mutation(async ({ kind, id, confirm }: { kind: DeletableKind; id: string; confirm: string }, ctx) => {
      const { confirm: _token, ...deletion } = describe(await deleteConfirmed(ctx.store, kind, id, confirm, editing(ctx)));
      afterWrite(ctx);
      return { deletion, deletedIds: deletion.nodes.map((n) => toGlobalId(NODE_TYPE_OF[n.kind], n.id)) };
    }),
  },

  // References to records by their record ids: not `id`, which every client reads as a global id.
  NodeRef: { recordId: (n: { id: string }) => n.id },
  DetachedRecord: { recordId: (d: { id: string }) => d.id },
  DeletionResult: { recordId: (r: { id: string }) => r.id },
  // A preview lists everything a deletion removes: paged, so that one answer stays small.
  DeletionPreview: {
    recordId: (p: { id: string }) => p.id,
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
