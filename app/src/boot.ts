/*
 * index.html's boot script, inlined in its head (build-app.ts; the server's
 * CSP allows it by its hash): on a shared link to a claim, it sends the
 * claim page's two queries as soon as the HTML is read, while the app's own
 * script is still being fetched and parsed. The app takes these answers
 * (api.ts). Kept to what that needs: no Preact here.
 */
import { askClaimPageAhead } from './claim-queries';
import { parseRoute } from './routes';
import { getKey } from './stored-key';
import { useKeyFrom } from './transport';

// Marks on the page's timeline (read by `npm run bench:app`): here, the document has begun to run.
performance.mark('claimgraph:boot');
useKeyFrom(getKey);
// The page's first read of sessionStorage waits on the browser (35 ms seen in a fresh tab): done here, while the app's scripts are on their way, not in its first render.
getKey();
const route = parseRoute(location.hash);
if (route.page === 'claim') askClaimPageAhead(route.id);
