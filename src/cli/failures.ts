import { ClaimgraphError, type ErrorCode } from '../errors';
import { EXIT, UsageError } from './args';
import { InputError } from './bundle-files';
import { formatCount, problemLines, problemsOf } from './format';

/*
 * How every command reports a failure: the exit code, and the words. Apart
 * from commands.ts so that a command in a module of its own (migrate) uses
 * them without importing the command table that lists it.
 */

/** An import's failure report lists at most this many problems (validate lists them all). */
const MAX_PROBLEMS_SHOWN = 50;

/** The exit code for an error: 1 invalid input, 2 usage or configuration, 3 the store (or anything unexpected). */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.USAGE;
  if (error instanceof InputError) return EXIT.INVALID_INPUT;
  if (error instanceof ClaimgraphError) {
    const byCode: Partial<Record<ErrorCode, number>> = { BAD_USER_INPUT: EXIT.INVALID_INPUT, NOT_FOUND: EXIT.INVALID_INPUT, CONFIG_INVALID: EXIT.USAGE };
    return byCode[error.code] ?? EXIT.STORE;
  }
  return EXIT.STORE;
}

/** A failure as a user reads it: for an invalid bundle, each problem on its own line. */
export function describeError(error: unknown, maxProblems = MAX_PROBLEMS_SHOWN): string {
  if (error instanceof ClaimgraphError) {
    const problems = error.code === 'BAD_USER_INPUT' ? problemsOf(error.details) : null;
    if (problems !== null && problems.length > 0) {
      return [`the bundle has ${formatCount(problems.length)} problem(s):`, ...problemLines(problems, maxProblems)].join('\n');
    }
    return `${error.code}: ${error.message}`;
  }
  if (error instanceof InputError || error instanceof UsageError) return error.message;
  return `unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

