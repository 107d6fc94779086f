import { DEFAULT_LIMITS } from '../config';
import type { GraphStore } from '../store/port';
import { ANONYMOUS, inProcess, type Principal } from './identity';
import { Loaders } from './loaders';

/** What the access log learns about a request while Apollo runs it. */
export interface RequestFacts {
  id: string;
  operationName?: string | null;
  operationType?: string;
  errorCodes: string[];
}

/** What every resolver receives: the store, this request's loaders and who is asking. */
export interface Context {
  store: GraphStore;
  loaders: Loaders;
  /** Who is asking: the role checked before every operation, and the editor writes are recorded under. */
  principal: Principal;
  /** The editor identity writes are recorded under (`principal.editor`). Null for anonymous readers. */
  editor: string | null;
  /** Set over HTTP: the request id and what the access log records. */
  request?: RequestFacts;
  /** The bytes of serialised documents this operation may still produce (CLAIMGRAPH_MAX_OUTPUT_BYTES). */
  output: { limit: number; left: number; production: boolean };
}

/**
 * A fresh context per request: loaders cache only within one operation.
 * `who` is the authenticated principal (HTTP), or an editor's name for a
 * trusted in-process caller (tests, the CLI), or null for an anonymous reader.
 */
export function createContext(
  store: GraphStore,
  who: Principal | string | null = null,
  request?: RequestFacts,
  output: { maxBytes: number; production: boolean } = { maxBytes: DEFAULT_LIMITS.maxOutputBytes, production: false },
): Context {
  const principal = who === null ? ANONYMOUS : typeof who === 'string' ? inProcess(who) : who;
  return {
    store,
    loaders: new Loaders(store),
    principal,
    editor: principal.editor,
    ...(request ? { request } : {}),
    output: { limit: output.maxBytes, left: output.maxBytes, production: output.production },
  };
}

/**
 * Drops every cached read of this request, its other modules' caches with it
 * (they live in `ctx.loaders`, see `Loaders.cached`): what is read next, in
 * this operation too, sees the graph as the write left it. Every resolver
 * that writes calls this after the write.
 */
export function afterWrite(ctx: Context): void {
  ctx.loaders = new Loaders(ctx.store);
}
