import { badInput, show } from '../errors';

/*
 * Cursors of every paged list, API and analysis alike: opaque JSON in
 * base64url. Below api/ and analysis/ so that both page the same way.
 */

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

/**
 * The `after` of a first page in id order: every id is a non-empty string,
 * so every id sorts after it, and the page query keeps one seekable form
 * (`c.id > $after`) instead of `$after IS NULL OR c.id > $after`, which
 * neither engine answers with an index seek.
 */
export const FIRST_PAGE = '';
/** The `after` of the newest page of the change log (ids begin with an ISO 8601 instant, a digit first): '~' sorts after them all. */
export const NEWEST_CHANGE = '~';
