import { badInput, show } from '../errors';

/**
 * Who is writing. This is the one place the API learns an editor's identity,
 * and the hook authentication will replace: today a client names itself in a
 * header, which nothing checks; later an API key will map to an editor here,
 * and the rest of the code (which only sees `ctx.editor`) stays as it is.
 */

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

function headerValue(headers: HeaderSource, name: string): string | string[] | undefined {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null | undefined }).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  return record[name] ?? Object.entries(record).find(([key]) => key.toLowerCase() === name)?.[1];
}

/**
 * The editor a request names in `x-claimgraph-editor`, trimmed; null when the
 * header is absent. A value that is blank, longer than 100 characters, sent
 * twice, or holding a control character is a BAD_USER_INPUT error: a write
 * must never be recorded under a mangled name.
 */
export function identifyEditor(headers: HeaderSource): string | null {
  const raw = headerValue(headers, EDITOR_HEADER);
  if (raw === undefined) return null;
  const expected = `1 to ${MAX_EDITOR_LENGTH} printable characters`;
  const fail = (got: string) =>
    badInput(`Header ${EDITOR_HEADER} must name the editor in ${expected}, got ${got}.`, {
      problems: [{ path: `headers.${EDITOR_HEADER}`, expected, got }],
    });
  if (Array.isArray(raw) && raw.length !== 1) throw fail(`${raw.length} values`);
  const editor = (Array.isArray(raw) ? (raw[0] ?? '') : raw).trim();
  if (editor === '') throw fail('a blank value');
  if ([...editor].length > MAX_EDITOR_LENGTH) throw fail(`${[...editor].length} characters`);
  if (/\p{C}/u.test(editor)) throw fail(`a control or unassigned character in ${show(editor)}`);
  return editor;
}
