import DataLoader from 'dataloader';
import { toAssessment, type AssessmentNode } from '../analysis/judgements';
import { badInput, ClaimgraphError, notFound, show } from '../errors';
import type { GraphStore, Value } from '../store/port';
import { obj } from '../store/rows';
import { questionById } from './ach-resolvers';
import type { Context } from './context';
import { fromGlobalId, NODE_TYPES, toGlobalId, type NodeType } from './global-id';
import { Loaders } from './loaders';
import { currentMaxPageSize } from './pagination';

/*
 * The Node interface (Relay's Global Object Identification): `id` and
 * `recordId` on every record type, and `node(id:)`/`nodes(ids:)`, which find
 * any record by its global id. The core types come from the request's
 * loaders; questions, assessments and changes from loaders of their own, so
 * a `nodes` of any mix costs one batched query per type.
 */

/** An entry of the change log as the API shows it: its details parsed. */
export interface ChangeNode {
  id: string;
  at: string;
  by: string;
  action: string;
  kind: string;
  target: string;
  details: unknown;
}

export function toChange(v: Value | undefined): ChangeNode {
  const c = obj('change', v) as unknown as Omit<ChangeNode, 'details'> & { details: string };
  return { ...c, details: JSON.parse(c.details) as unknown };
}

interface NodeLoaders {
  assessments: DataLoader<string, AssessmentNode | null>;
  changes: DataLoader<string, ChangeNode | null>;
}

/** One set per request's Loaders, so a write (which replaces ctx.loaders) drops these caches too. */
const perRequest = new WeakMap<Loaders, NodeLoaders>();

function loadersOf(ctx: Context): NodeLoaders {
  let found = perRequest.get(ctx.loaders);
  if (found === undefined) {
    found = newLoaders(ctx.store);
    perRequest.set(ctx.loaders, found);
  }
  return found;
}

function newLoaders(store: GraphStore): NodeLoaders {
  return {
    assessments: new DataLoader(async (ids) => {
      const found = new Map((await store.read('assessments-by-ids', { ids: [...ids] })).map((row) => [String(row.key), toAssessment(row.assessment)]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    changes: new DataLoader(async (ids) => {
      const found = new Map((await store.read('changes-by-ids', { ids: [...ids] })).map((row) => [String(row.key), toChange(row.change)]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

/** A record of `type` by its record id, through this request's loaders; null when there is none. */
async function load(ctx: Context, type: NodeType, recordId: string): Promise<{ id: string } | null> {
  switch (type) {
    case 'Claim':
      return ctx.loaders.claims.load(recordId);
    case 'Source':
      return ctx.loaders.sources.load(recordId);
    case 'Statement':
      return ctx.loaders.statements.load(recordId);
    case 'Document':
      return ctx.loaders.documents.load(recordId);
    case 'Entity':
      return ctx.loaders.entities.load(recordId);
    case 'Question':
      return questionById(ctx, recordId);
    case 'Assessment':
      return loadersOf(ctx).assessments.load(recordId);
    case 'Change':
      return loadersOf(ctx).changes.load(recordId);
    default: {
      const never: never = type;
      throw new ClaimgraphError('INTERNAL', `No loader for the node type ${String(never)}.`);
    }
  }
}

/** The record a global id names, marked with its type for `Node`'s type resolution. */
async function nodeOf(ctx: Context, id: string, argument: string): Promise<{ id: string; __typename: NodeType }> {
  const global = fromGlobalId(id);
  if (global === null) {
    throw badInput(`Argument "${argument}" must be a global id (the \`id\` of a Claim, Source, … of this API), got ${show(id)}; a record id needs its type: claim(id:), source(id:) and the like.`, { argument });
  }
  const found = await load(ctx, global.type, global.recordId);
  if (found === null) throw notFound(global.type.toLowerCase(), global.recordId);
  // A copy: the loaders' cached records are shared by every field of the request.
  return { ...found, __typename: global.type };
}

/** `id` and `recordId` of each type that implements Node. */
const identity = Object.fromEntries(
  NODE_TYPES.map((type) => [type, { id: (n: { id: string }) => toGlobalId(type, n.id), recordId: (n: { id: string }) => n.id }]),
) as Record<NodeType, { id: (n: { id: string }) => string; recordId: (n: { id: string }) => string }>;

export const nodeResolvers = {
  Node: {
    __resolveType: (n: { __typename?: string }) => n.__typename ?? null,
  },
  ...identity,
  Query: {
    node: (_: unknown, { id }: { id: string }, ctx: Context) => nodeOf(ctx, id, 'id'),
    nodes(_: unknown, { ids }: { ids: string[] }, ctx: Context) {
      const max = currentMaxPageSize();
      if (ids.length > max) throw badInput(`Argument "ids" must hold at most ${max} ids, got ${ids.length}.`, { argument: 'ids' });
      // One promise per id: an id that fails is null at its index, with its own error there.
      return ids.map((id, i) => nodeOf(ctx, id, `ids[${i}]`));
    },
  },
};
