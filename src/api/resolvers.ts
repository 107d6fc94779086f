import type DataLoader from 'dataloader';
import { ClaimgraphError, notFound } from '../errors';
import type { ClaimLinkType } from '../graph/model';
import type { Value } from '../store/port';
import type { QueryName } from '../store/queries';
import type { Context } from './context';
import type { NestedPage, PageKey } from './loaders';
import { decodeCursor, encodeCursor, normaliseSearch, pageSize, toConnection, type CursorList } from './pagination';
import {
  toClaim,
  toConflict,
  toSource,
  type AffiliationNode,
  type ClaimLinkNode,
  type ClusterMergeNode,
  type SourceClusterNode,
  type ClaimNode,
  type ConflictNode,
  type DocumentNode,
  type SourceNode,
  type StatementNode,
} from './records';

/*
 * Resolvers follow three steps: choose a named query (through a loader or
 * directly), run it on the store, map the rows. They never see a session or
 * an engine value.
 */

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Loads an object that a stored relationship points to: a miss means the graph is inconsistent. */
async function linked<T>(loader: DataLoader<string, T | null>, id: string, kind: string): Promise<T> {
  const found = await loader.load(id);
  if (found === null) throw new ClaimgraphError('INTERNAL', `The graph refers to ${kind} ${JSON.stringify(id)}, which does not exist.`);
  return found;
}

/** Loads the objects of several ids, in order, dropping repeats. */
async function linkedMany<T>(loader: DataLoader<string, T | null>, ids: readonly string[], kind: string): Promise<T[]> {
  return Promise.all([...new Set(ids)].map((id) => linked(loader, id, kind)));
}

/** Loads the object a client asked for by id: a miss is the client's NOT_FOUND. */
async function requested<T>(loader: DataLoader<string, T | null>, id: string, kind: string): Promise<T> {
  const found = await loader.load(id);
  if (found === null) throw notFound(kind, id);
  return found;
}

interface SearchPageArgs extends PageArgs {
  search?: string | null;
}

/** The claims list's own filter: a status (src/analysis/credibility.ts), computed by the page query itself. */
interface ClaimsPageArgs extends SearchPageArgs {
  status?: string | null;
}

/** A list in id order, filtered by a search string, paged by the last id seen. */
async function searchPage<T extends { id: string }>(
  ctx: Context,
  args: SearchPageArgs,
  q: {
    list: 'claims' | 'sources';
    page: QueryName;
    count: QueryName;
    /** Parameters of a filtered page and count query beyond search, after and limit. */
    filter?: Record<string, unknown>;
    column: string;
    map: (v: Value | undefined) => T;
    loader: DataLoader<string, T | null>;
  },
) {
  const size = pageSize(args.first);
  const after = decodeCursor(q.list, args.after, 1)?.[0] ?? null;
  const search = normaliseSearch(args.search);
  const rows = await ctx.store.read(q.page, { search, after, limit: size + 1, ...q.filter });
  const nodes = rows.map((row) => q.map(row[q.column]));
  // Nested fields on these nodes then cost no lookup by id.
  for (const node of nodes) q.loader.prime(node.id, node);
  return {
    ...toConnection(nodes, size, (n) => encodeCursor(q.list, [n.id])),
    // A function field runs only when the client selects it: counting costs a scan.
    totalCount: async () => Number((await ctx.store.read(q.count, { search, ...q.filter }))[0]?.total ?? 0),
  };
}

/**
 * One page of a nested list (a claim's statements, a source's members, …):
 * the arguments checked as on the top-level lists, then one row of a batched
 * query per parent, so the round trips do not grow with the parents or their
 * lists.
 */
async function nestedPage<T>(
  loader: DataLoader<PageKey, NestedPage<T>, string>,
  id: string,
  args: PageArgs,
  list: CursorList,
  keyOf: (row: T) => string,
  type: ClaimLinkType | null = null,
) {
  const size = pageSize(args.first);
  const after = decodeCursor(list, args.after, 1)?.[0] ?? null;
  const { rows, total } = await loader.load({ id, after, limit: size + 1, type });
  return { ...toConnection(rows, size, (row) => encodeCursor(list, [keyOf(row)])), totalCount: total };
}

const claimStatements = (c: ClaimNode, args: PageArgs, ctx: Context) =>
  nestedPage(ctx.loaders.statementsByClaim, c.id, args, 'claim-statements', (s) => s.id);
const claimSources = (c: ClaimNode, args: PageArgs, ctx: Context) => nestedPage(ctx.loaders.sourcesByClaim, c.id, args, 'claim-sources', (s) => s.id);
const claimLinks = (c: ClaimNode, args: PageArgs & { type?: ClaimLinkType | null }, ctx: Context) =>
  nestedPage(ctx.loaders.linksByClaim, c.id, args, 'claim-links', (l) => l.sortKey, args.type ?? null);
const sourceStatements = (s: SourceNode, args: PageArgs, ctx: Context) =>
  nestedPage(ctx.loaders.statementsBySource, s.id, args, 'source-statements', (st) => st.id);
const sourceMembers = (s: SourceNode, args: PageArgs, ctx: Context) => nestedPage(ctx.loaders.membersBySource, s.id, args, 'members', (a) => a.source);
const relays = (s: StatementNode, args: PageArgs, ctx: Context) => nestedPage(ctx.loaders.statementsRelayedBy, s.id, args, 'relays', (st) => st.id);
const documentStatements = (d: DocumentNode, args: PageArgs, ctx: Context) =>
  nestedPage(ctx.loaders.statementsByDocument, d.id, args, 'document-statements', (st) => st.id);

/**
 * One page of a conflict's sources. The conflicts query gives each side's ids
 * whole (sorted, in records.ts); only the page's sources are looked up.
 */
async function conflictSources(ids: readonly string[], args: PageArgs, ctx: Context) {
  const size = pageSize(args.first);
  const after = decodeCursor('conflict-sources', args.after, 1)?.[0] ?? null;
  const rest = after === null ? ids : ids.filter((id) => id > after);
  const page = await linkedMany(ctx.loaders.sources, rest.slice(0, size + 1), 'source');
  return { ...toConnection(page, size, (s) => encodeCursor('conflict-sources', [s.id])), totalCount: ids.length };
}

/** The other claims of one page of a claim's links of one type (a claim linked both ways once). */
async function claimLinksOfType(c: ClaimNode, args: PageArgs, ctx: Context, type: ClaimLinkType): Promise<ClaimNode[]> {
  const { nodes } = await claimLinks(c, { ...args, type }, ctx);
  return linkedMany(ctx.loaders.claims, nodes.map((l) => l.claim), 'claim');
}

export const resolvers = {
  Query: {
    claim: (_: unknown, { id }: { id: string }, ctx: Context) => requested(ctx.loaders.claims, id, 'claim'),
    source: (_: unknown, { id }: { id: string }, ctx: Context) => requested(ctx.loaders.sources, id, 'source'),
    statement: (_: unknown, { id }: { id: string }, ctx: Context) => requested(ctx.loaders.statements, id, 'statement'),
    document: (_: unknown, { id }: { id: string }, ctx: Context) => requested(ctx.loaders.documents, id, 'document'),
    entity: (_: unknown, { id }: { id: string }, ctx: Context) => requested(ctx.loaders.entities, id, 'entity'),

    claims: (_: unknown, args: ClaimsPageArgs, ctx: Context) =>
      searchPage(
        ctx,
        args,
        args.status === null || args.status === undefined
          ? { list: 'claims', page: 'claims-page', count: 'claims-count', column: 'claim', map: toClaim, loader: ctx.loaders.claims }
          : { list: 'claims', page: 'claims-page-by-status', count: 'claims-count-by-status', filter: { status: args.status }, column: 'claim', map: toClaim, loader: ctx.loaders.claims },
      ),

    sources: (_: unknown, args: SearchPageArgs, ctx: Context) =>
      searchPage(ctx, args, { list: 'sources', page: 'sources-page', count: 'sources-count', column: 'source', map: toSource, loader: ctx.loaders.sources }),

    async conflicts(_: unknown, args: PageArgs & { claimId?: string | null; sourceId?: string | null }, ctx: Context) {
      const size = pageSize(args.first);
      const after = decodeCursor('conflicts', args.after, 2);
      const claimId = args.claimId ?? null;
      const sourceId = args.sourceId ?? null;
      // An unknown filter id would otherwise look like "no conflicts"; the
      // checks run beside the page query, not before it.
      const [[row]] = await Promise.all([
        ctx.store.read('conflicts-page', {
          claimId,
          sourceId,
          afterClaim: after?.[0] ?? null,
          afterOpposing: after?.[1] ?? null,
          limit: size + 1,
        }),
        claimId === null ? null : requested(ctx.loaders.claims, claimId, 'claim'),
        sourceId === null ? null : requested(ctx.loaders.sources, sourceId, 'source'),
      ]);
      const page = Array.isArray(row?.page) ? row.page.map(toConflict) : [];
      return {
        ...toConnection(page, size, (c) => encodeCursor('conflicts', [c.claim, c.opposingClaim])),
        totalCount: Number(row?.total ?? 0),
      };
    },
  },

  Claim: {
    about: (c: ClaimNode, _: unknown, ctx: Context) => linkedMany(ctx.loaders.entities, c.about, 'entity'),
    statements: async (c: ClaimNode, args: PageArgs, ctx: Context) => (await claimStatements(c, args, ctx)).nodes,
    statementsConnection: claimStatements,
    sources: async (c: ClaimNode, args: PageArgs, ctx: Context) => (await claimSources(c, args, ctx)).nodes,
    sourcesConnection: claimSources,
    contradicts: (c: ClaimNode, args: PageArgs, ctx: Context) => claimLinksOfType(c, args, ctx, 'CONTRADICTS'),
    supports: (c: ClaimNode, args: PageArgs, ctx: Context) => claimLinksOfType(c, args, ctx, 'SUPPORTS'),
    links: async (c: ClaimNode, args: PageArgs, ctx: Context) => (await claimLinks(c, args, ctx)).nodes,
    linksConnection: claimLinks,
    async corroboration(c: ClaimNode, _: unknown, ctx: Context) {
      const found = await ctx.loaders.corroboration.load(c.id);
      if (found === null) throw new ClaimgraphError('INTERNAL', `No corroboration could be computed for claim ${JSON.stringify(c.id)}.`);
      return found;
    },
  },

  SourceCluster: {
    sources: (c: SourceClusterNode, _: unknown, ctx: Context) => linkedMany(ctx.loaders.sources, c.sources, 'source'),
  },

  ClusterMerge: {
    sources: (m: ClusterMergeNode, _: unknown, ctx: Context) => linkedMany(ctx.loaders.sources, m.sources, 'source'),
    reasons: (m: ClusterMergeNode) => [...(m.sharedParents.length > 0 ? ['AFFILIATION'] : []), ...(m.sharedStatements.length > 0 ? ['RELAY'] : [])],
    sharedParents: (m: ClusterMergeNode, _: unknown, ctx: Context) => linkedMany(ctx.loaders.sources, m.sharedParents, 'source'),
    sharedStatements: (m: ClusterMergeNode, _: unknown, ctx: Context) => linkedMany(ctx.loaders.statements, m.sharedStatements, 'statement'),
    async explanation(m: ClusterMergeNode, _: unknown, ctx: Context) {
      const name = async (id: string) => (await linked(ctx.loaders.sources, id, 'source')).name;
      const [a, b] = await Promise.all(m.sources.map(name));
      const parts: string[] = [];
      if (m.sharedParents.length > 0) {
        const parents = await Promise.all(m.sharedParents.map(name));
        parts.push(`${a} and ${b} come under the same top-level affiliation: ${parents.join(', ')}`);
      }
      if (m.sharedStatements.length > 0) {
        parts.push(`a statement by ${a} and one by ${b} are joined by reported speech (${m.sharedStatements.join(', ')})`);
      }
      return `${parts.join('; and ')}.`;
    },
  },

  ClaimLink: {
    claim: (l: ClaimLinkNode, _: unknown, ctx: Context) => linked(ctx.loaders.claims, l.claim, 'claim'),
  },

  Source: {
    async affiliations(s: SourceNode, _: unknown, ctx: Context) {
      const parents = await ctx.loaders.parents.load(s.id);
      return linkedMany(ctx.loaders.sources, parents.map((a) => a.source), 'source');
    },
    affiliationRoles: (s: SourceNode, _: unknown, ctx: Context) => ctx.loaders.parents.load(s.id),
    members: async (s: SourceNode, args: PageArgs, ctx: Context) => (await sourceMembers(s, args, ctx)).nodes,
    membersConnection: sourceMembers,
    statements: async (s: SourceNode, args: PageArgs, ctx: Context) => (await sourceStatements(s, args, ctx)).nodes,
    statementsConnection: sourceStatements,
  },

  Affiliation: {
    source: (a: AffiliationNode, _: unknown, ctx: Context) => linked(ctx.loaders.sources, a.source, 'source'),
  },

  Statement: {
    source: (s: StatementNode, _: unknown, ctx: Context) => linked(ctx.loaders.sources, s.source, 'source'),
    claim: (s: StatementNode, _: unknown, ctx: Context) => linked(ctx.loaders.claims, s.claim, 'claim'),
    document: (s: StatementNode, _: unknown, ctx: Context) =>
      s.document === null ? null : linked(ctx.loaders.documents, s.document, 'document'),
    reportedVia: (s: StatementNode, _: unknown, ctx: Context) =>
      s.reportedVia === null ? null : linked(ctx.loaders.statements, s.reportedVia, 'statement'),
    relays: async (s: StatementNode, args: PageArgs, ctx: Context) => (await relays(s, args, ctx)).nodes,
    relaysConnection: relays,
  },

  Document: {
    publisher: (d: DocumentNode, _: unknown, ctx: Context) =>
      d.publisher === null ? null : linked(ctx.loaders.sources, d.publisher, 'source'),
    statements: async (d: DocumentNode, args: PageArgs, ctx: Context) => (await documentStatements(d, args, ctx)).nodes,
    statementsConnection: documentStatements,
  },

  Conflict: {
    claim: (c: ConflictNode, _: unknown, ctx: Context) => linked(ctx.loaders.claims, c.claim, 'claim'),
    opposingClaim: (c: ConflictNode, _: unknown, ctx: Context) => linked(ctx.loaders.claims, c.opposingClaim, 'claim'),
    sources: async (c: ConflictNode, args: PageArgs, ctx: Context) => (await conflictSources(c.sources, args, ctx)).nodes,
    sourcesConnection: (c: ConflictNode, args: PageArgs, ctx: Context) => conflictSources(c.sources, args, ctx),
    opposingSources: async (c: ConflictNode, args: PageArgs, ctx: Context) => (await conflictSources(c.opposingSources, args, ctx)).nodes,
    opposingSourcesConnection: (c: ConflictNode, args: PageArgs, ctx: Context) => conflictSources(c.opposingSources, args, ctx),
  },
};
