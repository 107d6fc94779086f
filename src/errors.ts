/**
 * The closed set of error codes claimgraph reports. Clients match on
 * `extensions.code`, never on messages, so a code is never renamed once
 * released; add new ones instead.
 */
export const ERROR_CODES = [
  /** The request was well-formed GraphQL but an argument or bundle is invalid. */
  'BAD_USER_INPUT',
  /** An id named in the request does not exist. */
  'NOT_FOUND',
  /** A write collided with existing data (a uniqueness constraint, a concurrent write). */
  'CONFLICT',
  /** The store could not be reached or is shutting down. */
  'STORE_UNAVAILABLE',
  /** A query ran longer than it is allowed to. */
  'TIMEOUT',
  /** The request carries no API key, or a key the server does not know, where one is needed (HTTP 401). */
  'UNAUTHENTICATED',
  /** The request's key is known, but its role may not do this (HTTP 403); or writes are off because no key is configured. */
  'FORBIDDEN',
  /** A configuration value is missing or malformed (at start-up). */
  'CONFIG_INVALID',
  /** A bug: the store rejected a query we wrote, or an invariant broke. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every failure claimgraph raises on purpose is one of these. */
export class ClaimgraphError extends Error {
  override readonly name = 'ClaimgraphError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Machine-readable facts for the client (paths, expected values); never secrets. */
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Shows a value in an error message: JSON, shortened so a huge input cannot flood a log. */
export function show(value: unknown, max = 80): string {
  // A field left out is "nothing", not JavaScript's word for it.
  if (value === undefined) return 'nothing';
  // JSON writes a number past the range of a double (`1e400` parses as Infinity) as null: say what came.
  if (typeof value === 'number' && !Number.isFinite(value)) return `a number out of range (${String(value)}; at most ±1.8e308)`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // JSON.stringify throws on a cycle, a BigInt or nesting deeper than the stack;
    // String() recurses into nested arrays too.
    try {
      text = String(value);
    } catch {
      text = Array.isArray(value) ? 'a list nested too deeply to show' : `a ${typeof value} nested too deeply to show`;
    }
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const badInput = (message: string, details?: Record<string, unknown>): ClaimgraphError =>
  new ClaimgraphError('BAD_USER_INPUT', message, details);

export const notFound = (kind: string, id: string): ClaimgraphError =>
  new ClaimgraphError('NOT_FOUND', `No ${kind} with id ${show(id)}.`, { kind, id });
