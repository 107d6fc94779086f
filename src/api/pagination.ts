import { badInput, show } from '../errors';

export const DEFAULT_PAGE_SIZE = 20;
/** The default cap on `first`; CLAIMGRAPH_MAX_PAGE_SIZE changes it. */
export const MAX_PAGE_SIZE = 100;

// One cap per process, set by the server from its configuration: resolvers
// call pageSize(first) without a context, so the cap lives here.
let maxPageSize = MAX_PAGE_SIZE;

/** Sets the cap on `first` (the server does, from CLAIMGRAPH_MAX_PAGE_SIZE). */
export function setMaxPageSize(max: number): void {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`The page-size cap must be a positive integer, got ${max}.`);
  maxPageSize = max;
}

export const currentMaxPageSize = (): number => maxPageSize;

/**
 * The lists a cursor can belong to. A cursor names its list so that one taken
 * from `claims` cannot silently page through `sources`.
 */
export type CursorList =
  | 'claims'
  | 'sources'
  | 'entities'
  | 'documents'
  // ranked search results: the key is [score, id]
  | 'claims-search'
  | 'sources-search'
  | 'entities-search'
  | 'documents-search'
  | 'possible-duplicates'
  | 'conflicts'
  | 'changes'
  | 'questions'
  // nested lists
  | 'claim-statements'
  | 'source-statements'
  // the same, newest first: the key is the statement's order key (date and id)
  | 'claim-statements-newest'
  | 'source-statements-newest'
  | 'document-statements'
  | 'entity-claims'
  | 'claim-sources'
  | 'members'
  | 'claim-links'
  | 'conflict-sources';

/** Encodes any JSON value as an opaque cursor (base64url), for every paged list. */
export function encodeOpaque(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Decodes an opaque cursor back to JSON, or throws `fail()` when it is not one of ours. */
export function decodeOpaque(after: string, fail: () => Error): unknown {
  try {
    return JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
}

/**
 * Cursors are opaque to clients: `{l: list, k: sort key}`. The sort key is
 * what the Cypher keyset condition compares against, so a page stays stable
 * while other rows are inserted before it.
 */
export function encodeCursor(list: CursorList, key: readonly string[]): string {
  return encodeOpaque({ l: list, k: key });
}

/** Decodes `after`, or explains what was expected; null when no cursor was given. */
export function decodeCursor(list: CursorList, after: string | null | undefined, keyLength: number): string[] | null {
  if (after === null || after === undefined) return null;
  const fail = () =>
    badInput(`Argument "after" must be a cursor returned by a previous page of ${list} (an endCursor or edge cursor), got ${show(after)}.`, {
      argument: 'after',
    });
  const { l, k } = (decodeOpaque(after, fail) ?? {}) as { l?: unknown; k?: unknown };
  if (l !== list || !Array.isArray(k) || k.length !== keyLength || !k.every((x) => typeof x === 'string')) throw fail();
  return k as string[];
}

/** Validates `first`: an integer from 0 to the cap (100 unless configured), DEFAULT_PAGE_SIZE when absent. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw badInput(`Argument "first" must be an integer from 0 to ${maxPageSize}, got ${show(first)}.`, { argument: 'first' });
  }
  return first;
}

/** A Relay connection over rows already fetched, one more than the page size to detect a next page. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
}

export function toConnection<T>(rows: T[], size: number, cursorOf: (row: T) => string): Connection<T> {
  const nodes = rows.slice(0, size);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    nodes,
    // Lists page forward only; the Relay spec lets a forward page answer false here.
    pageInfo: { startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: rows.length > size, hasPreviousPage: false },
  };
}

/** Search strings are matched lower-cased; blank means no filter. */
export function normaliseSearch(search: string | null | undefined): string | null {
  if (search === null || search === undefined) return null;
  const trimmed = search.trim();
  if (trimmed === '') return null;
  if (trimmed.length > 200) throw badInput(`Argument "search" must be at most 200 characters, got ${trimmed.length}.`, { argument: 'search' });
  return trimmed.toLowerCase();
}
