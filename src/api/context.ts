import type { GraphStore } from '../store/port';
import { Loaders } from './loaders';

/** What every resolver receives: the store, this request's loaders and who is asking. */
export interface Context {
  store: GraphStore;
  loaders: Loaders;
  /**
   * The editor identity writes are recorded under. Null for anonymous
   * readers; authentication (API keys) will set it.
   */
  editor: string | null;
}

/** A fresh context per request: loaders cache only within one operation. */
export function createContext(store: GraphStore, editor: string | null = null): Context {
  return { store, loaders: new Loaders(store), editor };
}
