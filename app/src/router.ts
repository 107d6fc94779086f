import { useEffect, useState } from 'preact/hooks';
import { href, parseRoute, type Route } from './routes';

// The routes themselves are in routes.ts, which index.html's boot script reads too (without Preact).
export { claimOfPermalink, claimPermalink, href, parseRoute, type Route } from './routes';

/** Only hashes that start with "#/" are routes (a "#main" skip link is not). */
const isRoute = (hash: string) => hash === '' || hash.startsWith('#/');

/** The current route, updated on every navigation (links, back, forward). */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => {
      if (isRoute(location.hash)) setRoute(parseRoute(location.hash));
    };
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function go(route: Route): void {
  location.hash = href(route);
}
