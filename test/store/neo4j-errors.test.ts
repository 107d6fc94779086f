import neo4j from 'neo4j-driver';
import { ClaimgraphError } from '../../src/errors';
import { mapNeo4jError } from '../../src/store/neo4j-errors';

const neo4jError = (message: string, code: string) => new neo4j.Neo4jError(message, code, '50N42', 'error: general processing exception');

describe('mapNeo4jError', () => {
  it('maps a constraint violation to CONFLICT naming the constraint, not the data or the query', () => {
    const cause = neo4jError("Node(12) already exists with label `Claim` and property `id` = 'secret-c1'", 'Neo.ClientError.Schema.ConstraintValidationFailed');
    const error = mapNeo4jError(cause, 'import-claims');
    expect(error).toBeInstanceOf(ClaimgraphError);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Query import-claims violated the constraint on Claim.id: the data collides with data already stored.');
    expect(error.details).toEqual({ constraint: 'Claim.id' });
    expect(error.message).not.toContain('secret-c1');
    expect(error.cause).toBe(cause);
  });

  it('names a composite constraint and falls back when the message has another shape', () => {
    const composite = neo4jError(
      "Node(1) already exists with label `Person` and properties `first` = 'A`b', `last` = 'B'",
      'Neo.ClientError.Schema.ConstraintValidationFailed',
    );
    expect(mapNeo4jError(composite).details).toEqual({ constraint: 'Person.(first, last)' });
    const odd = mapNeo4jError(neo4jError('MATCH (n) RETURN n failed', 'Neo.ClientError.Schema.ConstraintValidationFailed'));
    expect(odd.code).toBe('CONFLICT');
    expect(odd.message).toBe('An operation violated a schema constraint: the data collides with data already stored.');
    expect(odd.message).not.toContain('MATCH');
    expect(odd.details).toBeUndefined();
  });

  it.each(['Neo.TransientError.Transaction.DeadlockDetected', 'Neo.TransientError.Transaction.LockClientStopped'])(
    'maps %s to a retryable CONFLICT',
    (code) => {
      const cause = neo4jError('ForsetiClient[2] can not acquire lock', code);
      const error = mapNeo4jError(cause, 'import-supports');
      expect(error.code).toBe('CONFLICT');
      expect(error.details).toEqual({ retryable: true });
      expect(error.message).toBe(`Query import-supports collided with a concurrent transaction (${code}); it can be retried.`);
      expect(error.cause).toBe(cause);
    },
  );

  it('maps an unavailable database to a retryable STORE_UNAVAILABLE', () => {
    const error = mapNeo4jError(neo4jError('Database neo4j is unavailable', 'Neo.TransientError.General.DatabaseUnavailable'));
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.details).toEqual({ retryable: true });
  });

  it.each([
    'Neo.ClientError.Transaction.TransactionTimedOut',
    'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  ])('maps %s to TIMEOUT', (code) => {
    const cause = neo4jError('The transaction has been terminated.', code);
    const error = mapNeo4jError(cause, 'claims-page');
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toBe('Query claims-page ran longer than the transaction timeout allows.');
    expect(error.cause).toBe(cause);
  });

  it.each(['ServiceUnavailable', 'SessionExpired'])('maps the driver code %s to STORE_UNAVAILABLE without the address', (code) => {
    const cause = neo4jError('Failed to connect to server db.internal:7687. Caused by: connect ECONNREFUSED', code);
    const error = mapNeo4jError(cause);
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.message).toBe('The Neo4j store cannot be reached.');
    expect(error.cause).toBe(cause);
  });

  it('maps an auth failure to STORE_UNAVAILABLE without echoing the driver message', () => {
    const cause = neo4jError(
      'The client is unauthorized due to authentication failure. password=hunter2-S3cret!',
      'Neo.ClientError.Security.Unauthorized',
    );
    const error = mapNeo4jError(cause, 'graph-counts');
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.message).toBe(
      'The Neo4j store rejected the configured credentials or denied access (Neo.ClientError.Security.Unauthorized).',
    );
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error.details ?? {})).not.toContain('hunter2');
    expect(error.cause).toBe(cause);
    expect(mapNeo4jError(neo4jError('denied', 'Neo.ClientError.Security.Forbidden')).code).toBe('STORE_UNAVAILABLE');
  });

  it.each([
    'Neo.ClientError.Statement.SyntaxError',
    'Neo.ClientError.Statement.SemanticError',
    'Neo.ClientError.Statement.ParameterMissing',
  ])('maps %s to INTERNAL naming the query, not quoting it', (code) => {
    const cause = neo4jError('Invalid input: MATCH (c:Claim) WHERE c.id IN $ids RETRUN c', code);
    const error = mapNeo4jError(cause, 'claims-by-ids');
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe(`Query claims-by-ids failed in the Neo4j store (${code}).`);
    expect(error.details).toEqual({ query: 'claims-by-ids' });
    expect(error.message).not.toContain('MATCH');
    expect(error.cause).toBe(cause);
  });

  it('maps anything else to INTERNAL', () => {
    const plain = new TypeError('boom');
    const error = mapNeo4jError(plain, 'sources-page');
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('Query sources-page failed in the Neo4j store (TypeError).');
    expect(error.cause).toBe(plain);
    const unnamed = mapNeo4jError('a string');
    expect(unnamed.code).toBe('INTERNAL');
    expect(unnamed.message).toBe('An operation failed in the Neo4j store (string).');
    expect(unnamed.details).toBeUndefined();
  });

  it('passes a ClaimgraphError through unchanged', () => {
    const original = new ClaimgraphError('BAD_USER_INPUT', 'no', { path: ['x'] });
    expect(mapNeo4jError(original, 'claims-page')).toBe(original);
  });
});
