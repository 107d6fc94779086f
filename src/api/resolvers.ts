import type DataLoader from 'dataloader';
import { ClaimgraphError, notFound } from '../errors';
import type { AppearanceRecord, ClaimLinkType, Retraction } from '../graph/model';
import type { Value } from '../store/port';
import type { QueryName } from '../store/queries';
import type { Context } from './context';
import { orderKeyOf, type NestedPage, type PageKey } from './loaders';
import { nameKey, searchTerms } from '../graph/names';
import { skeletonKeys } from '../graph/resolve';
import { searchCandidates } from '../graph/search';
import { decodeCursor, encodeCursor, FIRST_PAGE, normaliseSearch, pageSize, toConnection, type CursorList } from './pagination';
import { toClaim, toConflict, toDocument, toEntity, toSource, type AffiliationNode, type ClaimLinkNode, type ClaimNode, type ConflictNode, type DocumentNode, type EntityNode, type SourceNode, type StatementNode } from '../graph/records';
import { type ClusterMergeNode, type SourceClusterNode } from './records';
import { positionOf } from '../graph/model';
import { effectiveDate } from '../graph/positions';
import { byRecordIds } from './global-id';

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

type ListName = 'claims' | 'sources' | 'entities' | 'documents';

/** A list in id order, optionally filtered, paged by the last id seen. */
async function idPage<T extends { id: string }>(
  ctx: Context,
  args: PageArgs,
  q: {
    list: ListName;
    page: QueryName;
    count: QueryName;
    /** Parameters of a filtered page and count query beyond after and limit. */
    filter?: Record<string, unknown>;
    column: string;
    map: (v: Value | undefined) => T;
    loader: DataLoader<string, T | null>;
  },
) {
  const size = pageSize(args.first);
  const after = decodeCursor(q.list, args.after, 1)?.[0] ?? FIRST_PAGE;
  const rows = await ctx.store.read(q.page, { after, limit: size + 1, ...q.filter });
  const nodes = rows.map((row) => q.map(row[q.column]));
  // Nested fields on these nodes then cost no lookup by id.
  for (const node of nodes) q.loader.prime(node.id, node);
  const connection = toConnection(nodes, size, (n) => encodeCursor(q.list, [n.id]));
  return {
    ...connection,
    edges: connection.edges.map((e) => ({ ...e, score: null })),
    // A function field runs only when the client selects it: counting costs a scan.
    totalCount: async () => Number((await ctx.store.read(q.count, { ...q.filter }))[0]?.total ?? 0),
  };
}

type ClaimStatus = 'REFUTED' | 'CONTESTED' | 'CORROBORATED' | 'UNVERIFIED';

/** The kept-up standings (cypher/write-claim-standing) a claim of each status can have. */
const STANDINGS_OF: Record<ClaimStatus, string[]> = {
  REFUTED: ['REFUTED'],
  CONTESTED: ['CONTESTED'],
  CORROBORATED: ['SUPPORTED'],
  UNVERIFIED: ['SUPPORTED', 'UNVERIFIED'],
};

/**
 * The ids after `after`, in id order, of SUPPORTED claims whose clusters give
 * them `status`: windows of candidates (claims-status-window) until `want`
 * are found, the candidates run out, or the window passes `below`.
 */
async function supportedWithStatus(ctx: Context, status: ClaimStatus, after: string, want: number, below: string | null): Promise<string[]> {
  const found: string[] = [];
  const window = Math.max(50, 2 * want);
  let from = after;
  for (;;) {
    const rows = await ctx.store.read('claims-status-window', { after: from, limit: window });
    for (const row of rows) {
      const id = String(row.id);
      if (below !== null && id >= below) return found;
      if (row.status === status) found.push(id);
      if (found.length >= want) return found;
    }
    if (rows.length < window) return found;
    from = String(rows[rows.length - 1]!.id);
  }
}

/**
 * A page of claims with a status and no search, in id order. REFUTED and
 * CONTESTED are kept up on write (the standing): a seek, a limit, a
 * projection. CORROBORATED is decided by clusters, counted for SUPPORTED
 * claims only, a window at a time; UNVERIFIED is the claims of standing
 * UNVERIFIED merged with the SUPPORTED claims whose clusters are fewer than two.
 */
async function statusPage(ctx: Context, args: PageArgs, status: ClaimStatus) {
  const size = pageSize(args.first);
  const after = decodeCursor('claims', args.after, 1)?.[0] ?? FIRST_PAGE;
  const want = size + 1;
  let nodes: ClaimNode[];
  if (status === 'REFUTED' || status === 'CONTESTED' || status === 'UNVERIFIED') {
    const rows = await ctx.store.read('claims-page-by-status', { standing: status, after, limit: want });
    nodes = rows.map((row) => toClaim(row.claim));
    for (const node of nodes) ctx.loaders.claims.prime(node.id, node);
  } else {
    nodes = [];
  }
  if (status === 'CORROBORATED' || status === 'UNVERIFIED') {
    // Only ids before the last exact row can enter a full page.
    const below = nodes.length >= want ? nodes[nodes.length - 1]!.id : null;
    const ids = await supportedWithStatus(ctx, status, after, want, below);
    const more = await linkedMany(ctx.loaders.claims, ids, 'claim');
    nodes = [...nodes, ...more].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, want);
  }
  const connection = toConnection(nodes, size, (n) => encodeCursor('claims', [n.id]));
  return {
    ...connection,
    edges: connection.edges.map((e) => ({ ...e, score: null })),
    totalCount: async () => {
      const count = async (standing: string) => Number((await ctx.store.read('claims-count-by-status', { standing }))[0]?.total ?? 0);
      if (status !== 'CORROBORATED' && status !== 'UNVERIFIED') return count(status);
      const corroborated = Number((await ctx.store.read('claims-count-corroborated'))[0]?.total ?? 0);
      if (status === 'CORROBORATED') return corroborated;
      return (await count('UNVERIFIED')) + (await count('SUPPORTED')) - corroborated;
    },
  };
}

/**
 * A ranked search (docs/MODEL.md, "Search"): the candidates from each
 * engine's full-text index (src/graph/search.ts), then best match first, ties
 * by id, paged by the last (score, id) seen; the page and the total in one
 * query. The cursor holds our score, not the index's relevance: the score
 * depends only on the record and the query, while BM25 moves whenever any
 * other record is written, so a keyset on it would repeat or skip rows.
 */
async function rankedPage<T extends { id: string }>(
  ctx: Context,
  search: string,
  args: PageArgs,
  q: { list: 'claims-search' | 'sources-search' | 'entities-search' | 'documents-search'; column: string; map: (v: Value | undefined) => T; loader: DataLoader<string, T | null> },
) {
  const query: QueryName = q.list;
  const size = pageSize(args.first);
  const after = decodeCursor(q.list, args.after, 2);
  const afterScore = after === null ? null : Number(after[0]);
  if (afterScore !== null && !Number.isFinite(afterScore)) throw new ClaimgraphError('BAD_USER_INPUT', `Argument "after" is not a cursor of this search.`);
  const names = q.list === 'sources-search' || q.list === 'entities-search';
  const terms = searchTerms(search, { names });
  if (terms.words.length === 0) return { ...toConnection<{ node: T; score: number }>([], size, () => ''), edges: [], nodes: [], totalCount: 0 };
  const candidates = await searchCandidates(ctx.store, q.list, terms);
  const [row] = await ctx.store.read(query, {
    ...candidates,
    words: terms.words,
    skeletons: terms.skeletons,
    terms: [...terms.words, ...terms.skeletons].filter((t) => t !== ''),
    // Names only: a source or entity named exactly as asked comes before one whose name contains it.
    // Spelled otherwise, the whole name still counts as the whole name ("Khalid al-Masud" is Khaled al-Masoud, not his family).
    ...(names ? { nameKey: nameKey(search), skeletonKeys: skeletonKeys({ name: search, aliases: [] }) } : {}),
    afterScore,
    afterId: after?.[1] ?? null,
    limit: size + 1,
  });
  const ranked = (Array.isArray(row?.page) ? row.page : [])
    .map((v) => {
      const o = v as Record<string, Value>;
      return { node: q.map(o[q.column]), score: Number(o.score) };
    })
    .sort((a, b) => (a.score !== b.score ? b.score - a.score : a.node.id < b.node.id ? -1 : 1));
  for (const r of ranked) q.loader.prime(r.node.id, r.node);
  const connection = toConnection(ranked, size, (r) => encodeCursor(q.list, [String(r.score), r.node.id]));
  return {
    pageInfo: connection.pageInfo,
    // Shown rounded (sums of 0.3 and 0.6 are not exact in binary); the cursor keeps the exact score.
    edges: connection.edges.map((e) => ({ cursor: e.cursor, node: e.node.node, score: Math.round(e.node.score * 1e6) / 1e6 })),
    nodes: connection.nodes.map((r) => r.node),
    totalCount: Number(row?.total ?? 0),
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
  current: boolean | null = null,
) {
  const size = pageSize(args.first);
  const after = decodeCursor(list, args.after, 1)?.[0] ?? null;
  const { rows, total } = await loader.load({ id, after, limit: size + 1, type, current });
  return { ...toConnection(rows, size, (row) => encodeCursor(list, [keyOf(row)])), totalCount: total };
}

/** `orderBy` of a list of statements: statement id order (the default) or newest first. */
type StatementOrder = 'ID' | 'NEWEST_FIRST';

const claimStatements = (c: ClaimNode, args: PageArgs & { current?: boolean | null; orderBy?: StatementOrder | null }, ctx: Context) =>
  args.orderBy === 'NEWEST_FIRST'
    ? nestedPage(ctx.loaders.statementsByClaimNewest, c.id, args, 'claim-statements-newest', orderKeyOf, null, args.current ?? null)
    : nestedPage(ctx.loaders.statementsByClaim, c.id, args, 'claim-statements', (s) => s.id, null, args.current ?? null);
const claimSources = (c: ClaimNode, args: PageArgs, ctx: Context) => nestedPage(ctx.loaders.sourcesByClaim, c.id, args, 'claim-sources', (s) => s.id);
const claimLinks = (c: ClaimNode, args: PageArgs & { type?: ClaimLinkType | null }, ctx: Context) =>
  nestedPage(ctx.loaders.linksByClaim, c.id, args, 'claim-links', (l) => l.sortKey, args.type ?? null);
const sourceStatements = (s: SourceNode, args: PageArgs & { orderBy?: StatementOrder | null }, ctx: Context) =>
  args.orderBy === 'NEWEST_FIRST'
    ? nestedPage(ctx.loaders.statementsBySourceNewest, s.id, args, 'source-statements-newest', orderKeyOf)
    : nestedPage(ctx.loaders.statementsBySource, s.id, args, 'source-statements', (st) => st.id);
const sourceMembers = (s: SourceNode, args: PageArgs, ctx: Context) => nestedPage(ctx.loaders.membersBySource, s.id, args, 'members', (a) => a.source);
const entityClaims = (e: EntityNode, args: PageArgs, ctx: Context) => nestedPage(ctx.loaders.claimsByEntity, e.id, args, 'entity-claims', (c) => c.id);
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
    // A record id, or a global id of the type asked for (src/api/global-id.ts).
    claim: byRecordIds((_, { id }: { id: string }, ctx) => requested(ctx.loaders.claims, id, 'claim')),
    source: byRecordIds((_, { id }: { id: string }, ctx) => requested(ctx.loaders.sources, id, 'source')),
    statement: byRecordIds((_, { id }: { id: string }, ctx) => requested(ctx.loaders.statements, id, 'statement')),
    document: byRecordIds((_, { id }: { id: string }, ctx) => requested(ctx.loaders.documents, id, 'document')),
    entity: byRecordIds((_, { id }: { id: string }, ctx) => requested(ctx.loaders.entities, id, 'entity')),

    claims(_: unknown, args: ClaimsPageArgs, ctx: Context) {
      const search = normaliseSearch(args.search);
      if (args.status !== null && args.status !== undefined) {
        // With a status, a search filters (any of its words) and the list stays in id order.
        if (search !== null) {
          return idPage(ctx, args, {
            list: 'claims', page: 'claims-search-by-status', count: 'claims-search-count-by-status',
            filter: { status: args.status, standings: STANDINGS_OF[args.status as ClaimStatus], search: searchTerms(search).words.filter((w) => w !== '') },
            column: 'claim', map: toClaim, loader: ctx.loaders.claims,
          });
        }
        return statusPage(ctx, args, args.status as ClaimStatus);
      }
      if (search !== null) return rankedPage(ctx, search, args, { list: 'claims-search', column: 'claim', map: toClaim, loader: ctx.loaders.claims });
      return idPage(ctx, args, { list: 'claims', page: 'claims-page', count: 'claims-count', column: 'claim', map: toClaim, loader: ctx.loaders.claims });
    },

    sources(_: unknown, args: SearchPageArgs, ctx: Context) {
      const search = normaliseSearch(args.search);
      if (search !== null) return rankedPage(ctx, search, args, { list: 'sources-search', column: 'source', map: toSource, loader: ctx.loaders.sources });
      return idPage(ctx, args, { list: 'sources', page: 'sources-page', count: 'sources-count', column: 'source', map: toSource, loader: ctx.loaders.sources });
    },

    entities(_: unknown, args: SearchPageArgs, ctx: Context) {
      const search = normaliseSearch(args.search);
      if (search !== null) return rankedPage(ctx, search, args, { list: 'entities-search', column: 'entity', map: toEntity, loader: ctx.loaders.entities });
      return idPage(ctx, args, { list: 'entities', page: 'entities-page', count: 'entities-count', column: 'entity', map: toEntity, loader: ctx.loaders.entities });
    },

    documents(_: unknown, args: SearchPageArgs, ctx: Context) {
      const search = normaliseSearch(args.search);
      if (search !== null) return rankedPage(ctx, search, args, { list: 'documents-search', column: 'document', map: toDocument, loader: ctx.loaders.documents });
      return idPage(ctx, args, { list: 'documents', page: 'documents-page', count: 'documents-count', column: 'document', map: toDocument, loader: ctx.loaders.documents });
    },

    conflicts: byRecordIds(async (_, args: PageArgs & { claimId?: string | null; sourceId?: string | null }, ctx) => {
      const size = pageSize(args.first);
      const after = decodeCursor('conflicts', args.after, 3);
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
          afterStatement: after?.[2] ?? null,
          limit: size + 1,
        }),
        claimId === null ? null : requested(ctx.loaders.claims, claimId, 'claim'),
        sourceId === null ? null : requested(ctx.loaders.sources, sourceId, 'source'),
      ]);
      const page = Array.isArray(row?.page) ? row.page.map(toConflict) : [];
      return {
        ...toConnection(page, size, (c) => encodeCursor('conflicts', [c.claim, c.opposingClaim, c.earlier ?? ''])),
        totalCount: Number(row?.total ?? 0),
      };
    }),
  },

  Claim: {
    about: (c: ClaimNode, _: unknown, ctx: Context) => linkedMany(ctx.loaders.entities, c.about, 'entity'),
    statements: async (c: ClaimNode, args: PageArgs & { current?: boolean | null; orderBy?: StatementOrder | null }, ctx: Context) => (await claimStatements(c, args, ctx)).nodes,
    statementsConnection: claimStatements,
    sources: async (c: ClaimNode, args: PageArgs, ctx: Context) => (await claimSources(c, args, ctx)).nodes,
    sourcesConnection: claimSources,
    contradicts: (c: ClaimNode, args: PageArgs, ctx: Context) => claimLinksOfType(c, args, ctx, 'CONTRADICTS'),
    supports: (c: ClaimNode, args: PageArgs, ctx: Context) => claimLinksOfType(c, args, ctx, 'SUPPORTS'),
    implications: async (c: ClaimNode, args: PageArgs, ctx: Context) => (await claimLinks(c, { ...args, type: 'IMPLIES' }, ctx)).nodes,
    links: async (c: ClaimNode, args: PageArgs, ctx: Context) => (await claimLinks(c, args, ctx)).nodes,
    linksConnection: claimLinks,
    async corroboration(c: ClaimNode, _: unknown, ctx: Context) {
      const found = await ctx.loaders.corroboration.load(c.id);
      if (found === null) throw new ClaimgraphError('INTERNAL', `No corroboration could be computed for claim ${JSON.stringify(c.id)}.`);
      return found;
    },
  },

  Corroboration: {
    implied: (c: { implied: { source: string; through: string[] }[] }) => c.implied,
  },

  ImpliedSupport: {
    source: (i: { source: string }, _: unknown, ctx: Context) => linked(ctx.loaders.sources, i.source, 'source'),
    through: (i: { through: string[] }, _: unknown, ctx: Context) => linkedMany(ctx.loaders.claims, i.through, 'claim'),
  },

  SourceCluster: {
    sources: (c: SourceClusterNode, _: unknown, ctx: Context) => linkedMany(ctx.loaders.sources, c.sources, 'source'),
  },

  ClusterMerge: {
    sources: (m: ClusterMergeNode, _: unknown, ctx: Context) => linkedMany(ctx.loaders.sources, m.sources, 'source'),
    reasons: (m: ClusterMergeNode) => [
      ...(m.sharedParents.length > 0 ? ['AFFILIATION'] : []),
      ...(m.sharedOrigins.length > 0 ? ['DERIVATION'] : []),
      ...(m.similarName ? ['SIMILAR_NAME'] : []),
    ],
    sharedParents: (m: ClusterMergeNode, _: unknown, ctx: Context) => linkedMany(ctx.loaders.sources, m.sharedParents, 'source'),
    sharedOrigins: (m: ClusterMergeNode, _: unknown, ctx: Context) => linkedMany(ctx.loaders.sources, m.sharedOrigins, 'source'),
    async explanation(m: ClusterMergeNode, _: unknown, ctx: Context) {
      const name = async (id: string) => (await linked(ctx.loaders.sources, id, 'source')).name;
      const [a, b] = await Promise.all(m.sources.map(name));
      const parts: string[] = [];
      if (m.sharedParents.length > 0) {
        const parents = await Promise.all(m.sharedParents.map(name));
        parts.push(`${a} and ${b} come under the same top-level affiliation: ${parents.join(', ')}`);
      }
      if (m.sharedOrigins.length > 0) {
        const origins = await Promise.all(m.sharedOrigins.map(name));
        const own = origins.length === 1 && (origins[0] === a || origins[0] === b);
        parts.push(
          own
            ? `what ${origins[0] === a ? b : a} asserts was derived from a statement by ${origins[0]}`
            : `what ${a} and ${b} assert was derived from statements by ${origins.join(', ')}`,
        );
      }
      if (m.similarName) {
        parts.push(`${a} and ${b} may be one source under two spellings (a possible duplicate that no editor has merged or rejected)`);
      }
      return `${parts.join('; and ')}.`;
    },
  },

  ClaimLink: {
    claim: (l: ClaimLinkNode, _: unknown, ctx: Context) => linked(ctx.loaders.claims, l.claim, 'claim'),
  },

  Source: {
    async entity(s: SourceNode, _: unknown, ctx: Context) {
      // Only sources-by-ids carries the link. A source a page or a search read (and primed the
      // loader with) is read again by id: one query per such source, only when this field is asked.
      const id = s.entity !== undefined ? s.entity : (await ctx.store.read('sources-by-ids', { ids: [s.id] })).map((r) => toSource(r.source))[0]?.entity;
      return typeof id === 'string' ? linked(ctx.loaders.entities, id, 'entity') : null;
    },
    async affiliations(s: SourceNode, _: unknown, ctx: Context) {
      const parents = await ctx.loaders.parents.load(s.id);
      return linkedMany(ctx.loaders.sources, parents.map((a) => a.source), 'source');
    },
    affiliationRoles: (s: SourceNode, _: unknown, ctx: Context) => ctx.loaders.parents.load(s.id),
    members: async (s: SourceNode, args: PageArgs, ctx: Context) => (await sourceMembers(s, args, ctx)).nodes,
    membersConnection: sourceMembers,
    statements: async (s: SourceNode, args: PageArgs & { orderBy?: StatementOrder | null }, ctx: Context) => (await sourceStatements(s, args, ctx)).nodes,
    statementsConnection: sourceStatements,
  },

  Affiliation: {
    source: (a: AffiliationNode, _: unknown, ctx: Context) => linked(ctx.loaders.sources, a.source, 'source'),
  },

  Statement: {
    source: (s: StatementNode, _: unknown, ctx: Context) => linked(ctx.loaders.sources, s.source, 'source'),
    claim: (s: StatementNode, _: unknown, ctx: Context) => linked(ctx.loaders.claims, s.claim, 'claim'),
    position: (s: StatementNode) => positionOf(s.stance, s.hedged),
    quote: (s: StatementNode) => s.quote ?? s.appearances.find((a) => a.quote !== null)?.quote ?? null,
    paraphrase: (s: StatementNode) => s.paraphrase ?? s.appearances.find((a) => a.paraphrase !== null)?.paraphrase ?? null,
    // The same rule the store placed it by on write (positions.ts), with the value as written.
    dated: (s: StatementNode) => effectiveDate(s.date, s.appearances.map((a) => a.publishedAt)),
    document: (s: StatementNode, _: unknown, ctx: Context) => {
      const first = s.appearances[0];
      return first === undefined ? null : linked(ctx.loaders.documents, first.document, 'document');
    },
    retracted: (s: StatementNode) => s.retraction !== null,
    supersededBy: (s: StatementNode, _: unknown, ctx: Context) => (s.supersededBy === null ? null : linked(ctx.loaders.statements, s.supersededBy, 'statement')),
    supersedes: (s: StatementNode, _: unknown, ctx: Context) => linkedMany(ctx.loaders.statements, s.supersedes, 'statement'),
    derivedFrom: (s: StatementNode, _: unknown, ctx: Context) => (s.derivedFrom === null ? null : linked(ctx.loaders.statements, s.derivedFrom, 'statement')),
    async origin(s: StatementNode, _: unknown, ctx: Context) {
      // Chains are short (the validator refuses loops); each step is one batched lookup.
      let at = s;
      for (const seen = new Set([s.id]); at.derivedFrom !== null && !seen.has(at.derivedFrom); seen.add(at.id)) at = await linked(ctx.loaders.statements, at.derivedFrom, 'statement');
      return at;
    },
  },

  Appearance: {
    document: (a: { document: string }, _: unknown, ctx: Context) => linked(ctx.loaders.documents, a.document, 'document'),
    retraction: (a: AppearanceRecord) => a.retracted ?? null,
  },

  Retraction: {
    by: (r: Retraction, _: unknown, ctx: Context) => linked(ctx.loaders.sources, r.by, 'source'),
    document: (r: Retraction, _: unknown, ctx: Context) => (r.document === null ? null : linked(ctx.loaders.documents, r.document, 'document')),
  },

  Intermediary: {
    source: (i: { source: string }, _: unknown, ctx: Context) => linked(ctx.loaders.sources, i.source, 'source'),
    document: (i: { document: string | null }, _: unknown, ctx: Context) => (i.document === null ? null : linked(ctx.loaders.documents, i.document, 'document')),
  },

  Entity: {
    claims: async (e: EntityNode, args: PageArgs, ctx: Context) => (await entityClaims(e, args, ctx)).nodes,
    claimsConnection: entityClaims,
  },

  Document: {
    text: (d: DocumentNode, _: unknown, ctx: Context) => ctx.loaders.documentTexts.load(d.id),
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
    earlier: (c: ConflictNode, _: unknown, ctx: Context) => (c.earlier === null ? null : linked(ctx.loaders.statements, c.earlier, 'statement')),
    later: (c: ConflictNode, _: unknown, ctx: Context) => (c.later === null ? null : linked(ctx.loaders.statements, c.later, 'statement')),
  },
};
