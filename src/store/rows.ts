import { ClaimgraphError, show } from '../errors';
import type { Value } from './port';

/*
 * Reading the rows of the query files: a row that does not have the shape
 * its query promises is a bug (INTERNAL), never the client's bad input.
 * Shared by every module that maps rows.
 */

export type Obj = { [key: string]: Value };

export function broken(what: string, value: unknown): ClaimgraphError {
  return new ClaimgraphError('INTERNAL', `The store returned a malformed ${what}: ${show(value, 200)}`);
}

/** The map a row promises, or INTERNAL. */
export function obj(what: string, v: Value | undefined): Obj {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v;
  throw broken(what, v);
}
