import { GraphQLError } from 'graphql';
import { formatError } from '../../src/api/errors';
import { ClaimgraphError } from '../../src/errors';
import type { GraphStore, Params, Row } from '../../src/store/port';
import type { QueryName } from '../../src/store/queries';
import { codes, gql, RecordingStore, seededStore } from '../helpers';

/* Our errors keep their code and message; bugs are masked as INTERNAL and logged, never leaked. */

const asResolverError = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['claim'] });

describe('formatError', () => {
  it('keeps a ClaimgraphError\'s message, details and code', () => {
    const logged: unknown[] = [];
    const error = new ClaimgraphError('BAD_USER_INPUT', 'Argument "first" is wrong.', { argument: 'first' });
    expect(formatError({ message: 'x', path: ['claims'] }, asResolverError(error), (_, e) => logged.push(e))).toEqual({
      message: 'Argument "first" is wrong.',
      path: ['claims'],
      extensions: { argument: 'first', code: 'BAD_USER_INPUT' },
    });
    expect(logged).toEqual([]);
  });

  it('masks an unexpected error as INTERNAL, without its message or stack, and logs it', () => {
    const logged: unknown[] = [];
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const shown = formatError({ message: bug.message, path: ['claim'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.ts:1'] } }, asResolverError(bug), (_, e) => logged.push(e));
    expect(shown).toEqual({ message: 'Internal error: the server could not answer this field.', path: ['claim'], extensions: { code: 'INTERNAL' } });
    expect(logged).toEqual([bug]);
  });

  it('masks the message of our own INTERNAL errors too (they may name queries), and logs them', () => {
    const logged: unknown[] = [];
    const internal = new ClaimgraphError('INTERNAL', 'Query claims-page declares …', { secret: 'x' });
    expect(formatError({ message: 'x' }, asResolverError(internal), (_, e) => logged.push(e))).toEqual({ message: 'Internal error: the server could not answer this field.', extensions: { code: 'INTERNAL' } });
    expect(logged).toEqual([internal]);
  });
});

/** A store that answers one query with a malformed row, as a corrupted graph would. */
class CorruptStore extends RecordingStore {
  constructor(inner: GraphStore, private readonly corrupt: QueryName) {
    super(inner);
  }
  override async read(name: QueryName, params?: Params): Promise<Row[]> {
    const rows = await super.read(name, params);
    return name === this.corrupt ? rows.map(() => ({ claim: { id: 42 } })) : rows;
  }
}

it('answers the rest of the operation when one field hits malformed data, with INTERNAL for that field', async () => {
  const store = await seededStore();
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const result = await gql(new CorruptStore(store, 'claims-by-ids'), `{ claim(id: "claim-al-masoud-was-civilian") { id } source(id: "src-airwars") { name } }`);
    expect(result.data).toEqual({ claim: null, source: { name: 'Airwars' } });
    expect(codes(result)).toEqual(['INTERNAL']);
    expect(result.errors?.[0]?.message).not.toMatch(/42|claims-by-ids/);
    expect(spy).toHaveBeenCalled();
  } finally {
    spy.mockRestore();
    await store.close();
  }
});
