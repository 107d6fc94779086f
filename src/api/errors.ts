import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ClaimgraphError } from '../errors';

/**
 * Shapes every error a client sees. Our own errors keep their message and
 * code; GraphQL's (syntax, validation, variable coercion) keep Apollo's code;
 * a request Apollo refuses with a 4xx gets BAD_REQUEST; anything else is a
 * bug and is masked as INTERNAL, with no stack trace, and logged for the operator.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (message: string, error: unknown) => void = logToStderr): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ClaimgraphError) {
    if (original.code === 'INTERNAL') log('internal error', original);
    const message = original.code === 'INTERNAL' ? 'Internal error: the server could not answer this field.' : original.message;
    const details = original.code === 'INTERNAL' ? {} : (original.details ?? {});
    return { ...formatted, message, extensions: { ...details, code: original.code } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Apollo refuses some requests (a persisted query whose hash does not match, an unknown
  // persisted-query version) with a 4xx status but no code: the client's error, not a bug.
  if (isRefusedRequest(original)) return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  log('unexpected error', original);
  return { message: 'Internal error: the server could not answer this field.', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL' } };
}

function isRefusedRequest(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function logToStderr(message: string, error: unknown): void {
  console.error(`[claimgraph] ${message}:`, error);
}
