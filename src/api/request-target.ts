import { isIPv6 } from 'node:net';

/*
 * The request target (RFC 9112 section 3.2), read once per request, and the
 * only reading the server routes on. It is not handed to WHATWG's URL parser:
 * that parser reads references relative to a page, so it takes the valid path
 * `//` for a host-less URL and throws on it, and it resolves `..` and `\`.
 * Routing matches the path exactly as sent.
 */

export type RequestTarget =
  /** `/path?query`: what nearly every client sends. */
  | { form: 'origin'; path: string; search: string }
  /** `http://host/path?query`: a server must accept it (RFC 9112 3.2.2); the path is what routes. */
  | { form: 'absolute'; path: string; search: string; host: string; port: number | null }
  /** `host:port`, with CONNECT only. */
  | { form: 'authority'; host: string; port: number }
  /** `*`, with OPTIONS only: the server as a whole. */
  | { form: 'asterisk' }
  /** Not a request target: `expected` says what would have been one. */
  | { form: 'invalid'; expected: string };

const EXPECTED_ANY = 'a path such as /graphql, an absolute http(s) URL, host:port with CONNECT, or * with OPTIONS';
const EXPECTED_PATH = "a path of segments made of letters, digits, -._~!$&'()*+,;=:@ and %XX escapes";

// RFC 3986: segment = *pchar; pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
const ABSOLUTE_PATH = /^(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)+$/;
// The query is taken as browsers send it: they leave `{}|^[]` and the like unescaped,
// so only what cannot be in a target at all (a fragment, spaces, controls, non-ASCII) is refused.
const QUERY = /^[\x21-\x22\x24-\x7e]*$/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const REG_NAME = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$/;
const IP_FUTURE = /^v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/;
const PORT = /^\d{1,5}$/;

const invalid = (expected: string): RequestTarget => ({ form: 'invalid', expected });

/** Reads `raw`, the target of a `method` request as Node's HTTP parser passed it. */
export function parseRequestTarget(method: string, raw: string): RequestTarget {
  if (method === 'CONNECT') {
    const authority = parseAuthority(raw, true);
    return 'expected' in authority ? invalid(`${authority.expected} in CONNECT's host:port`) : { form: 'authority', host: authority.host, port: authority.port ?? 0 };
  }
  if (raw === '*') return method === 'OPTIONS' ? { form: 'asterisk' } : invalid(`a path such as /graphql (* is a target for OPTIONS only, not ${method})`);
  if (raw.startsWith('/')) {
    const parts = splitQuery(raw);
    if (parts === null) return invalid('a query of visible ASCII characters, with no #fragment');
    if (!ABSOLUTE_PATH.test(parts.path)) return invalid(EXPECTED_PATH);
    return { form: 'origin', ...parts };
  }
  const scheme = SCHEME.exec(raw);
  if (scheme === null) return invalid(EXPECTED_ANY);
  const name = (scheme[1] ?? '').toLowerCase();
  const rest = raw.slice(scheme[0].length);
  if ((name !== 'http' && name !== 'https') || !rest.startsWith('//')) return invalid('an absolute URL to start with http:// or https://');
  const afterSlashes = rest.slice(2);
  const end = afterSlashes.search(/[/?#]/);
  const authorityText = end < 0 ? afterSlashes : afterSlashes.slice(0, end);
  const authority = parseAuthority(authorityText, false);
  if ('expected' in authority) return invalid(`${authority.expected} in the absolute URL`);
  // An empty path is the root (RFC 9112 3.2.2).
  const parts = splitQuery(end < 0 ? '' : afterSlashes.slice(end));
  if (parts === null) return invalid('a query of visible ASCII characters, with no #fragment');
  const path = parts.path === '' ? '/' : parts.path;
  if (!ABSOLUTE_PATH.test(path)) return invalid(EXPECTED_PATH);
  return { form: 'absolute', path, search: parts.search, host: authority.host, port: authority.port };
}

function splitQuery(text: string): { path: string; search: string } | null {
  const mark = text.indexOf('?');
  if (mark < 0) return text.includes('#') ? null : { path: text, search: '' };
  const search = text.slice(mark);
  return QUERY.test(search.slice(1)) ? { path: text.slice(0, mark), search } : null;
}

/** `host[:port]` (RFC 3986 3.2.2, 3.2.3), without user info (RFC 9110 4.2.4 refuses it in http URIs). */
function parseAuthority(text: string, portRequired: boolean): { host: string; port: number | null } | { expected: string } {
  if (text.includes('@')) return { expected: 'no user@ part' };
  let host: string;
  let after: string;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return { expected: 'a ] closing the [IP literal' };
    const literal = text.slice(1, close);
    if (!isIPv6(literal) && !IP_FUTURE.test(literal)) return { expected: 'an IPv6 address between [ and ]' };
    host = text.slice(0, close + 1);
    after = text.slice(close + 1);
  } else {
    const colon = text.indexOf(':');
    host = colon < 0 ? text : text.slice(0, colon);
    after = colon < 0 ? '' : text.slice(colon);
    if (host === '') return { expected: 'a host name' };
    if (!REG_NAME.test(host)) return { expected: "a host of letters, digits, -._~!$&'()*+,;= and %XX escapes, or an [IPv6] address" };
  }
  if (after === '' || after === ':') return portRequired ? { expected: 'a :port after the host' } : { host, port: null };
  if (!after.startsWith(':')) return { expected: 'a :port or nothing after the host' };
  const digits = after.slice(1);
  if (!PORT.test(digits) || Number(digits) > 65535) return { expected: 'a port from 0 to 65535' };
  return { host, port: Number(digits) };
}
