import DataLoader from 'dataloader';
import { ClaimgraphError } from '../errors';
import type { ClaimLinkType } from '../graph/model';
import type { GraphStore, Row, Value } from '../store/port';
import { obj } from '../store/rows';
import type { QueryName } from '../store/queries';
import { toAffiliation, toClaim, toClaimLink, toDocument, toEntity, toSource, toStatement, type AffiliationNode, type ClaimLinkNode, type ClaimNode, type DocumentNode, type EntityNode, type SourceNode, type StatementNode } from '../graph/records';
import { toCorroboration, type CorroborationNode } from './records';

/**
 * What a nested list is asked for: whose list, after which sort key, how many
 * rows (one more than the page, to learn whether another follows), and for
 * claim links, of which type (null: both).
 */
export interface PageKey {
  id: string;
  after: string | null;
  limit: number;
  type?: ClaimLinkType | null;
  /** For a claim's statements: true keeps the current ones only. */
  current?: boolean | null;
}

/** One parent's page as the query gives it: rows in sort-key order as the engine orders strings, and how many the whole list holds. */
export interface NestedPage<T> {
  rows: T[];
  total: number;
}

/** A claim link with the sort key its page is ordered and its cursor keyed by. */
export type SortedLink = ClaimLinkNode & { sortKey: string };

/**
 * One loader per query, per request. Resolvers ask for ids; each loader
 * gathers the ids asked for in one tick of the event loop and runs its query
 * once for all of them. A GraphQL operation therefore costs one round trip per
 * (query, nesting level), however many results each level has.
 */
export class Loaders {
  /** The caches other resolver modules keep (see {@link cached}), by their key. */
  private readonly caches = new Map<symbol, unknown>();

  /**
   * A cache of another resolver module's (its own DataLoaders), made on first
   * use from this set of loaders. There is one set per request, and a write
   * replaces it (`ctx.loaders = new Loaders(...)`), so every cache kept here
   * is per request and dropped by every write: no side table to forget.
   */
  cached<T>(key: symbol, make: (store: GraphStore) => T): T {
    if (!this.caches.has(key)) this.caches.set(key, make(this.store));
    return this.caches.get(key) as T;
  }

  readonly claims: DataLoader<string, ClaimNode | null>;
  readonly sources: DataLoader<string, SourceNode | null>;
  readonly statements: DataLoader<string, StatementNode | null>;
  readonly documents: DataLoader<string, DocumentNode | null>;
  readonly entities: DataLoader<string, EntityNode | null>;
  readonly statementsByClaim: DataLoader<PageKey, NestedPage<StatementNode>, string>;
  readonly statementsBySource: DataLoader<PageKey, NestedPage<StatementNode>, string>;
  readonly statementsByDocument: DataLoader<PageKey, NestedPage<StatementNode>, string>;
  /** A claim's and a source's statements newest first (`orderBy: NEWEST_FIRST`); `after` is an order key (orderKeyOf). */
  readonly statementsByClaimNewest: DataLoader<PageKey, NestedPage<StatementNode>, string>;
  readonly statementsBySourceNewest: DataLoader<PageKey, NestedPage<StatementNode>, string>;
  readonly claimsByEntity: DataLoader<PageKey, NestedPage<ClaimNode>, string>;
  readonly documentTexts: DataLoader<string, string | null>;
  readonly sourcesByClaim: DataLoader<PageKey, NestedPage<SourceNode>, string>;
  readonly membersBySource: DataLoader<PageKey, NestedPage<AffiliationNode>, string>;
  readonly linksByClaim: DataLoader<PageKey, NestedPage<SortedLink>, string>;
  readonly parents: DataLoader<string, AffiliationNode[]>;
  readonly corroboration: DataLoader<string, CorroborationNode | null>;

  constructor(private readonly store: GraphStore) {
    this.claims = this.byId('claims-by-ids', 'claim', toClaim, 'Claim');
    this.sources = this.byId('sources-by-ids', 'source', toSource, 'Source');
    this.statements = this.byId('statements-by-ids', 'statement', toStatement, 'Statement');
    this.documents = this.byId('documents-by-ids', 'document', toDocument, 'Document');
    this.entities = this.byId('entities-by-ids', 'entity', toEntity, 'Entity');
    this.statementsByClaim = this.statementPages('statement-pages-by-claims');
    this.statementsBySource = this.statementPages('statement-pages-by-sources');
    this.statementsByDocument = this.statementPages('statement-pages-by-documents');
    this.statementsByClaimNewest = this.statementPages('statement-pages-by-claims-newest');
    this.statementsBySourceNewest = this.statementPages('statement-pages-by-sources-newest');
    this.claimsByEntity = this.pages('claims-about-entity-pages', (v) => {
      const claim = toClaim(v);
      this.claims.prime(claim.id, claim);
      return claim;
    });
    this.documentTexts = this.keyed('document-texts', (row) => (typeof row.text === 'string' ? row.text : null), null);
    this.sourcesByClaim = this.pages('source-pages-by-claims', (v) => {
      const source = toSource(v);
      this.sources.prime(source.id, source);
      return source;
    });
    this.membersBySource = this.pages('member-pages-by-sources', toAffiliation);
    this.linksByClaim = this.pages('link-pages-by-claims', toSortedLink);
    this.parents = this.keyed('parents-by-sources', (row) => list(row.parents).map(toAffiliation), []);
    this.corroboration = this.keyed('corroboration-by-claims', (row) => toCorroboration(row), null);
  }

  /**
   * Rows of `{<column>: map}`, one per found id. An id that is not found may
   * be one merged into another record (a redirect): it resolves to that
   * record, at the cost of two more queries, paid only when an id misses.
   * Otherwise a missing id resolves to null.
   */
  private byId<T extends { id: string }>(name: QueryName, column: string, map: (v: Value | undefined) => T, label: string): DataLoader<string, T | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.store.read(name, { ids: [...ids] });
      const found = new Map(rows.map((row) => map(row[column])).map((node) => [node.id, node]));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) {
        const redirects = await this.store.read('import-redirects', { keys: missing.map((id) => `${label}:${id}`) });
        const targets = new Map(redirects.map((r) => [String(r.key).slice(label.length + 1), String(r.target)]));
        const wanted = [...new Set(targets.values())].filter((t) => !found.has(t));
        if (wanted.length > 0) for (const row of await this.store.read(name, { ids: wanted })) found.set(map(row[column]).id, map(row[column]));
        for (const [from, to] of targets) {
          const node = found.get(to);
          if (node !== undefined) found.set(from, node);
        }
      }
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** Rows of `{key, <columns>}`, at most one per key. */
  private keyed<T>(name: QueryName, map: (row: Row) => T, missing: T): DataLoader<string, T> {
    return new DataLoader(async (ids) => {
      const rows = await this.store.read(name, { ids: [...ids] });
      const found = new Map(rows.map((row) => [String(row.key), map(row)]));
      return ids.map((id) => found.get(id) ?? missing);
    });
  }

  /**
   * One page per parent: rows of `{key, after, total, page}` from a query
   * taking `ids`, `afters` (and `types` for claim links) side by side and one
   * `limit`. Keys asking for different limits (aliases with different
   * `first`) go in one query per limit; usually there is one. Each page
   * stays in the order the query collected it (its sort key's, as the
   * engine orders strings), never re-sorted here.
   */
  private pages<T>(name: QueryName, map: (v: Value) => T): DataLoader<PageKey, NestedPage<T>, string> {
    const cacheKey = (k: PageKey): string => JSON.stringify([k.id, k.after, k.limit, k.type ?? null, k.current ?? null]);
    return new DataLoader(
      async (keys) => {
        const pages = new Map<string, NestedPage<T>>();
        // Keys asking for a different limit or filter go in a query of their own; usually there is one.
        for (const variant of new Set(keys.map((k) => JSON.stringify([k.limit, k.current ?? null])))) {
          const [limit, current] = JSON.parse(variant) as [number, boolean | null];
          const group = keys.filter((k) => k.limit === limit && (k.current ?? null) === current);
          const params = {
            ids: group.map((k) => k.id),
            afters: group.map((k) => k.after),
            limit,
            ...(name === 'link-pages-by-claims' ? { types: group.map((k) => k.type ?? null) } : {}),
            ...(name === 'statement-pages-by-claims' || name === 'statement-pages-by-claims-newest' ? { current } : {}),
          };
          for (const row of await this.store.read(name, params)) {
            // The page in the engine's order (every page query sorts before it collects): the
            // cursor's `id > after` is the engine's comparison too, so re-sorting here (JavaScript
            // compares UTF-16 code units, the engines do not) would lose rows between pages.
            const rows = list(row.page).map(map);
            const after = typeof row.after === 'string' ? row.after : null;
            const type = typeof row.linkType === 'string' ? (row.linkType as ClaimLinkType) : null;
            pages.set(cacheKey({ id: String(row.key), after, limit, type, current }), { rows, total: Number(row.total ?? 0) });
          }
        }
        // A parent that is gone (deleted since it was loaded) has an empty list.
        return keys.map((k) => pages.get(cacheKey(k)) ?? { rows: [], total: 0 });
      },
      { cacheKeyFn: cacheKey },
    );
  }

  /** Statement pages; each statement also primes the by-id loader, so `derivedFrom` and the like cost nothing for statements already seen. */
  private statementPages(name: QueryName): DataLoader<PageKey, NestedPage<StatementNode>, string> {
    return this.pages(
      name,
      (v) => {
        // {statement, and its source, claim and documents when the parent is not one of them}
        const row = obj('statement page row', v);
        const statement = toStatement(row.statement);
        if (typeof row.orderKey === 'string') ORDER_KEYS.set(statement, row.orderKey);
        this.statements.prime(statement.id, statement);
        if (row.source != null) this.sources.prime(statement.source, toSource(row.source));
        if (row.claim != null) this.claims.prime(statement.claim, toClaim(row.claim));
        for (const d of list(row.documents)) {
          const document = toDocument(d);
          this.documents.prime(document.id, document);
        }
        return statement;
      },
    );
  }
}

/** The order key each statement of a newest-first page came with (the query's `orderKey`), by the statement as mapped. */
const ORDER_KEYS = new WeakMap<StatementNode, string>();

/** A statement's key in the newest-first order: its effective date's start, a space, its id ('' for no date); as the Cypher computes it. */
export function orderKeyOf(s: StatementNode): string {
  const key = ORDER_KEYS.get(s);
  if (key === undefined) throw new Error(`Statement ${s.id} has no order key: it did not come from a newest-first page.`);
  return key;
}

function toSortedLink(v: Value): SortedLink {
  const link = toClaimLink(v);
  const sortKey = obj('claim link', v).sortKey;
  if (typeof sortKey !== 'string') throw new ClaimgraphError('INTERNAL', 'A claim link came without its sort key.');
  return { ...link, sortKey };
}

function list(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : [];
}
