/*
 * How the explorer talks to the API: POST /graphql, as any client does, with
 * the editor's key when one is kept. Apart from the operations (api.ts) so
 * that index.html's boot script (boot.ts) carries only this and the claim
 * page's queries (claim-queries.ts).
 */

/** An answer the API refused, with its message and code (`extensions.code`). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** For BAD_USER_INPUT: each problem of the input, in words. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; problems?: { path: string; expected: string; got: string }[] } }[];
}

let keyOf: () => string | null = () => null;

/** Where the editor's key comes from (the app keeps it in sessionStorage). */
export function useKeyFrom(provider: () => string | null): void {
  keyOf = provider;
}

/** Queries on their way, by operation and variables: a page that asks again for what a prefetch asked shares its answer. */
const inFlight = new Map<string, Promise<unknown>>();

/*
 * Answers asked for ahead of the app: index.html's boot script (boot.ts, a
 * separate bundle inlined in the page) starts a shared link's queries while
 * the app's own script is still on its way, and leaves them here, on the
 * window, for the app's first identical request to take. The two bundles
 * share this map's entries, so their shape is a contract between them.
 */
interface AskedAhead {
  answer: Promise<unknown>;
  /** Set once the answer is in: the app's first render can then show it at once. */
  answered?: { data: unknown };
}
const AHEAD = Symbol.for('claimgraph.answers-asked-ahead');
const askedAhead = (): Map<string, AskedAhead> => ((globalThis as { [AHEAD]?: Map<string, AskedAhead> })[AHEAD] ??= new Map());

const requestKey = (query: string, variables: Record<string, unknown>) => JSON.stringify([query, variables, keyOf()]);

/** Sends a query now, for the first identical request() to take (a failure is that request's to report). */
export function askAhead(query: string, variables: Record<string, unknown> = {}): void {
  const key = requestKey(query, variables);
  if (askedAhead().has(key)) return;
  const entry: AskedAhead = { answer: send(query, variables) };
  entry.answer.then(
    (data) => (entry.answered = { data }),
    () => undefined,
  );
  askedAhead().set(key, entry);
}

/** Where the server embeds a `/claims/<id>` page's first answers (src/api/explorer.ts writes it). */
export const EMBEDDED_ANSWERS_ID = 'claimgraph-answers';

/**
 * Takes the answers the server embedded in the page (a JSON script element,
 * never run as a script) as answers asked ahead: the first identical
 * request() takes each without asking. The query text is part of the key, so
 * an answer to an operation this build of the app does not send is never used.
 * Returns how many were taken.
 */
export function takeEmbeddedAnswers(): number {
  const element = document.getElementById(EMBEDDED_ANSWERS_ID);
  if (element === null) return 0;
  element.remove();
  let answers: unknown;
  try {
    answers = JSON.parse(element.textContent ?? '');
  } catch {
    // A page cut short: the app asks for what it needs.
    return 0;
  }
  if (!Array.isArray(answers)) return 0;
  let taken = 0;
  for (const answer of answers as { query?: unknown; variables?: unknown; data?: unknown }[]) {
    if (typeof answer?.query !== 'string' || typeof answer.variables !== 'object' || answer.variables === null || answer.data === undefined || answer.data === null) continue;
    const data = answer.data;
    askedAhead().set(requestKey(answer.query, answer.variables as Record<string, unknown>), { answer: Promise.resolve(data), answered: { data } });
    taken++;
  }
  return taken;
}

/** The answer to a query asked ahead, if it is in already, taken (so asked afresh next time); else undefined. */
export function answeredAhead<T>(query: string, variables: Record<string, unknown> = {}): T | undefined {
  const key = requestKey(query, variables);
  const entry = askedAhead().get(key);
  if (entry?.answered === undefined) return undefined;
  askedAhead().delete(key);
  return entry.answered.data as T;
}

/** Drops answers asked ahead that no page took: they were for the first page shown, and would be stale later. */
export function forgetAnswersAskedAhead(): void {
  askedAhead().clear();
}

/**
 * Runs one operation; throws ApiError with the API's own message when it
 * answers with errors. A query asked ahead (askAhead) takes that answer once;
 * one identical to a query still on its way (same text, variables and key)
 * waits for that one; mutations always go.
 */
export function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  if (query.startsWith('mutation')) return send<T>(query, variables);
  const key = requestKey(query, variables);
  const ahead = askedAhead().get(key);
  if (ahead !== undefined) {
    askedAhead().delete(key);
    return ahead.answer as Promise<T>;
  }
  const pending = inFlight.get(key);
  if (pending !== undefined) return pending as Promise<T>;
  const sent = send<T>(query, variables).finally(() => inFlight.delete(key));
  inFlight.set(key, sent);
  return sent;
}

async function send<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  const key = keyOf();
  if (key !== null) headers.authorization = `Bearer ${key}`;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError('The server did not answer: check that it is running.', 'NETWORK');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The server answered ${response.status} without a GraphQL response.`, 'BAD_RESPONSE');
  }
  const error = body.errors?.[0];
  if (error !== undefined) {
    const problems = (error.extensions?.problems ?? []).map((p) => `${p.path}: expected ${p.expected}, got ${p.got}`);
    throw new ApiError(error.message, error.extensions?.code ?? 'INTERNAL', problems);
  }
  if (body.data === undefined || body.data === null) throw new ApiError('The server answered with no data.', 'BAD_RESPONSE');
  return body.data;
}

