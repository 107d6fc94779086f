import type { ApolloServer } from '@apollo/server';
import { createContext, type Context } from '../src/api/context';
import { createApolloServer } from '../src/api/server';
import { seed } from '../src/analysis/seed';
import type { GraphStore } from '../src/store/port';
import { openTestStore } from './engine';

/** A fresh, empty store of the engine under test (test/engine.ts), its schema applied. */
export const emptyStore = (): Promise<GraphStore> => openTestStore();

/** A fresh store of the engine under test holding the Dumayr seed. */
export async function seededStore(): Promise<GraphStore> {
  const store = await emptyStore();
  await seed(store);
  return store;
}

/** The recording executor (src/store/recording-store.ts), re-exported for the tests. */
export { RecordingStore } from '../src/store/recording-store';

export interface GqlResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

let sharedApollo: ApolloServer<Context> | undefined;

/**
 * Runs one GraphQL operation in-process against `store`, as a request would
 * (fresh loaders), on behalf of `editor` (as the x-claimgraph-editor header
 * names one; null: none).
 */
export async function gql(store: GraphStore, query: string, variables: Record<string, unknown> = {}, editor: string | null = null): Promise<GqlResult> {
  sharedApollo ??= createApolloServer();
  const response = await sharedApollo.executeOperation({ query, variables }, { contextValue: createContext(store, editor) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as GqlResult;
}

/** The error codes of a result, in order. */
export const codes = (result: GqlResult): unknown[] => (result.errors ?? []).map((e) => e.extensions?.code);
