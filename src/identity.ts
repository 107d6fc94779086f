import { badInput, show } from './errors';

/**
 * Who is asking. The HTTP layer learns it from the request's API key
 * (src/api/auth.ts); with CLAIMGRAPH_AUTH=off (local development, no key
 * configured) from the x-claimgraph-editor header; in-process callers (tests,
 * the CLI) name it directly. The rest of the code only sees `ctx.editor` and
 * `ctx.principal`.
 */

export type Role = 'reader' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['reader', 'editor', 'admin'];
/** reader < editor < admin: a role may do everything a lower one may. */
export const ROLE_RANK: Readonly<Record<Role, number>> = { reader: 0, editor: 1, admin: 2 };

export interface Principal {
  /** Null for an anonymous request, which may only read (and only when reading is open). */
  role: Role | null;
  /** The identity writes are recorded under. */
  editor: string | null;
  via: 'key' | 'header' | 'in-process' | 'anonymous';
}

export const ANONYMOUS: Principal = Object.freeze({ role: null, editor: null, via: 'anonymous' });

/** An in-process caller (tests, the CLI) is trusted with every role under the editor it names. */
export const inProcess = (editor: string): Principal => ({ role: 'admin', editor, via: 'in-process' });

/** The request header that names the editor, e.g. `x-claimgraph-editor: alice@example.org`. */
export const EDITOR_HEADER = 'x-claimgraph-editor';

/** The identity writes are recorded under when the request names no editor. */
export const ANONYMOUS_EDITOR = 'anonymous';

export const MAX_EDITOR_LENGTH = 100;

/**
 * Request headers as Node gives them (`req.headersDistinct` shows a header
 * sent twice as two values; `req.headers` joins them), or any map with `get`
 * (Apollo's HeaderMap, fetch's Headers).
 */
export type HeaderSource = { get(name: string): string | null | undefined } | Record<string, string | string[] | undefined>;

/** The value of header `name` (lower case), whatever the case of the source's keys. */
export function headerValue(headers: HeaderSource, name: string): string | string[] | undefined {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null | undefined }).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const exact = record[name];
  if (exact !== undefined) return exact;
  // Node's keys are lower case already; a header that is absent (the usual case) must not cost an array per lookup.
  for (const key in record) {
    if (key.length === name.length && key !== name && key.toLowerCase() === name) return record[key];
  }
  return undefined;
}

/** Why `editor` cannot name an editor (blank, too long, a control character), or null when it can. */
export function editorProblem(editor: string): string | null {
  if (editor === '') return 'a blank value';
  if ([...editor].length > MAX_EDITOR_LENGTH) return `${[...editor].length} characters`;
  if (/\p{C}/u.test(editor)) return `a control or unassigned character in ${show(editor)}`;
  return null;
}

export const EDITOR_EXPECTED = `1 to ${MAX_EDITOR_LENGTH} printable characters`;

/**
 * The editor a request names in `x-claimgraph-editor` (read only with
 * CLAIMGRAPH_AUTH=off), trimmed; null when the header is absent. A value that is blank, longer than 100 characters, sent
 * twice, or holding a control character is a BAD_USER_INPUT error: a write
 * must never be recorded under a mangled name.
 */
export function identifyEditor(headers: HeaderSource): string | null {
  const raw = headerValue(headers, EDITOR_HEADER);
  if (raw === undefined) return null;
  const expected = EDITOR_EXPECTED;
  const fail = (got: string) =>
    badInput(`Header ${EDITOR_HEADER} must name the editor in ${expected}, got ${got}.`, {
      problems: [{ path: `headers.${EDITOR_HEADER}`, expected, got }],
    });
  if (Array.isArray(raw) && raw.length !== 1) throw fail(`${raw.length} values`);
  const editor = (Array.isArray(raw) ? (raw[0] ?? '') : raw).trim();
  const problem = editorProblem(editor);
  if (problem !== null) throw fail(problem);
  return editor;
}
