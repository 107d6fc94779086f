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

export { decodeCursor, decodeOpaque, encodeCursor, encodeOpaque, FIRST_PAGE, NEWEST_CHANGE, type CursorList } from '../store/cursors';

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

/**
 * A search string trimmed; blank means no filter. Its case is kept: matching folds case itself
 * (src/graph/names.ts `searchTerms`), and a stop word typed in capitals is an acronym ("WHO", F50).
 */
export function normaliseSearch(search: string | null | undefined): string | null {
  if (search === null || search === undefined) return null;
  const trimmed = search.trim();
  if (trimmed === '') return null;
  if (trimmed.length > 200) throw badInput(`Argument "search" must be at most 200 characters, got ${trimmed.length}.`, { argument: 'search' });
  return trimmed;
}
