import type { GraphQLResolveInfo } from 'graphql';
import { relocateProblems } from '../graph/editing';
import type { Context } from './context';
import { withRecordIds } from './global-id';

/*
 * Every mutation takes one `input` and answers with its own payload type
 * (Relay's convention): the wrapper below is the one place that reads the
 * input's ids, puts problems at paths from `input`, and hands back the
 * client's clientMutationId.
 */

/** A mutation's problems at paths from its one argument: `merge` → `input.merge` (paths from the input already stay). */
export function atInput(error: unknown): unknown {
  return relocateProblems(error, (path) => (/^input(\.|\[|$)/.test(path) ? path : `input.${path}`));
}

/** What every mutation's input may carry besides its own fields. */
interface MutationInput {
  clientMutationId?: string | null;
}

/**
 * A Mutation resolver: the one `input` argument in (its ids read as record
 * ids, without its clientMutationId), the payload out with the client's
 * clientMutationId given back, and every problem at a path from `input`.
 */
export function mutation<I extends object, P extends object>(run: (input: I, ctx: Context) => Promise<P>) {
  return async (_: unknown, args: { input: I & MutationInput }, ctx: Context, info: GraphQLResolveInfo): Promise<P & { clientMutationId: string | null }> => {
    try {
      const { clientMutationId, ...input } = withRecordIds(args, info).input;
      return { ...(await run(input as unknown as I, ctx)), clientMutationId: clientMutationId ?? null };
    } catch (error) {
      throw atInput(error);
    }
  };
}
