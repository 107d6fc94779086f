/*
 * Hash routes (`/#/claim/<id>`): every page has a URL that can be shared,
 * back and forward work through the browser's own history, and the server
 * serves one page at `/` whatever the route, so no path of the API's
 * namespace is taken. One path is a route too: `/claims/<id>`, a claim's
 * permalink, for which the server embeds the claim page's first answers in
 * the page (the fastest link to share); the app then carries on at
 * `/#/claim/<id>`.
 */

export type Route =
  | { page: 'home' }
  | { page: 'search'; q: string }
  | { page: 'claim'; id: string; statement: string | null }
  | { page: 'graph'; id: string }
  | { page: 'source'; id: string }
  | { page: 'document'; id: string }
  | { page: 'entity'; id: string }
  | { page: 'question'; id: string }
  | { page: 'duplicates' }
  | { page: 'key' }
  | { page: 'missing'; path: string };

const enc = encodeURIComponent;

export function href(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'search':
      return `#/search?q=${enc(route.q)}`;
    case 'claim':
      return `#/claim/${enc(route.id)}${route.statement === null ? '' : `?statement=${enc(route.statement)}`}`;
    case 'graph':
      return `#/claim/${enc(route.id)}/graph`;
    case 'duplicates':
    case 'key':
      return `#/${route.page}`;
    case 'missing':
      return `#${route.path}`;
    default:
      return `#/${route.page}/${enc(route.id)}`;
  }
}

const decode = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/** The route a location hash names; anything else is `missing`. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const [where = '/', query = ''] = path.split('?', 2);
  const params = new URLSearchParams(query);
  const parts = where.split('/').filter((p) => p !== '');
  const missing: Route = { page: 'missing', path };
  if (parts.length === 0) return { page: 'home' };
  const [head, raw, tail] = parts;
  if (parts.length === 1 && head === 'search') return { page: 'search', q: params.get('q') ?? '' };
  if (parts.length === 1 && (head === 'duplicates' || head === 'key')) return { page: head };
  const id = raw === undefined ? null : decode(raw);
  if (id === null || id === '') return missing;
  if (head === 'claim' && parts.length === 3 && tail === 'graph') return { page: 'graph', id };
  if (parts.length !== 2) return missing;
  if (head === 'claim') return { page: 'claim', id, statement: params.get('statement') };
  if (head === 'source' || head === 'document' || head === 'entity' || head === 'question') return { page: head, id };
  return missing;
}

/** A claim's permalink: the server answers it with the page and the claim's first answers in it. */
export const claimPermalink = (id: string): string => `/claims/${enc(id)}`;

/** The claim a permalink path (`/claims/<id>`) names, or null for any other path. */
export function claimOfPermalink(pathname: string): string | null {
  const match = /^\/claims\/([^/]+)$/.exec(pathname);
  const id = match === null ? null : decode(match[1]!);
  return id === '' ? null : id;
}
