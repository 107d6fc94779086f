import { render, type FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { askClaimPageAhead, forgetAnswersAskedAhead, takeEmbeddedAnswers } from './api';
import './styles.css';
import { useHasKey } from './key';
import { ClaimPage } from './pages/claim';
import { KeyPage } from './pages/key';
import { SearchPage, HomePage } from './pages/search';
import { claimOfPermalink, go, href, parseRoute, useRoute, type Route } from './router';
import { ErrorNote, Loading } from './ui';

/**
 * A page whose code is fetched the first time it is shown. Visitors land on a
 * claim (a shared link) or on the search: those pages come with the entry
 * script; the others are left out of it, so that it is parsed sooner.
 */
function lazyPage<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | undefined;
  return function LazyPage(props: P) {
    const [, setShown] = useState(loaded !== undefined);
    const [error, setError] = useState<unknown>(undefined);
    useEffect(() => {
      if (loaded !== undefined) return;
      load().then(
        (page) => {
          loaded = page;
          setShown(true);
        },
        (e: unknown) => setError(new Error(`This page's code could not be loaded (${e instanceof Error ? e.message : String(e)}): reload the page.`)),
      );
    }, []);
    if (error !== undefined) return <ErrorNote error={error} />;
    if (loaded === undefined) return <Loading what="the page" />;
    const Page = loaded;
    return <Page {...props} />;
  };
}

const DocumentPage = lazyPage(() => import('./pages/document').then((m) => m.DocumentPage));
const DuplicatesPage = lazyPage(() => import('./pages/duplicates').then((m) => m.DuplicatesPage));
const EntityPage = lazyPage(() => import('./pages/entity').then((m) => m.EntityPage));
const GraphPage = lazyPage(() => import('./pages/graph').then((m) => m.GraphPage));
const QuestionPage = lazyPage(() => import('./pages/question').then((m) => m.QuestionPage));
const SourcePage = lazyPage(() => import('./pages/source').then((m) => m.SourcePage));

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'search':
      return <SearchPage q={route.q} />;
    case 'claim':
      return <ClaimPage id={route.id} statement={route.statement} />;
    case 'graph':
      return <GraphPage id={route.id} />;
    case 'source':
      return <SourcePage id={route.id} />;
    case 'document':
      return <DocumentPage id={route.id} />;
    case 'entity':
      return <EntityPage id={route.id} />;
    case 'question':
      return <QuestionPage id={route.id} />;
    case 'duplicates':
      return <DuplicatesPage />;
    case 'key':
      return <KeyPage />;
    case 'missing':
      return (
        <div class="page">
          <h1>No such page</h1>
          <p>
            Nothing is at “{route.path}”. <a href={href({ page: 'home' })}>Start from the search</a>.
          </p>
        </div>
      );
  }
}

function SearchForm({ route }: { route: Route }) {
  const [q, setQ] = useState(route.page === 'search' ? route.q : '');
  useEffect(() => {
    if (route.page === 'search') setQ(route.q);
  }, [route]);
  return (
    <form
      role="search"
      class="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (q.trim() !== '') go({ page: 'search', q: q.trim() });
      }}
    >
      <label for="search-q" class="sr-only">
        Search claims, sources, entities and documents
      </label>
      <input id="search-q" type="search" placeholder="Search claims, sources, entities, documents" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      <button type="submit">Search</button>
    </form>
  );
}

function App() {
  const route = useRoute();
  const hasKey = useHasKey();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // A new page is announced by moving focus to it (not on the first load, where focus starts at the top).
  // The children's effects (which send the first page's requests) have run before this one.
  useEffect(forgetAnswersAskedAhead, []);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    if (!(route.page === 'claim' && route.statement !== null)) main.current?.focus();
  }, [route]);
  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={(e) => {
          // "#main" is no route: move focus instead of navigating.
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="site">
        <a class="brand" href={href({ page: 'home' })}>
          claimgraph <span>explorer</span>
        </a>
        <SearchForm route={route} />
        <nav aria-label="Site">
          <a href={href({ page: 'duplicates' })}>Duplicates</a>
          <a href={href({ page: 'key' })} class={hasKey ? 'key on' : 'key'}>
            {hasKey ? 'Editor key set' : 'Read-only: enter an editor key'}
          </a>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer class="site">
        claimgraph explorer: every page reads the GraphQL API at <code>/graphql</code>. <a href="/console">Query console</a>.
      </footer>
    </>
  );
}

/**
 * A claim's permalink (`/claims/<id>`) comes with the claim page's first
 * answers embedded by the server; the app carries on at the claim's hash
 * route, where its links and history work as on any page. A shared hash link
 * to a claim has its queries asked for ahead, by index.html's boot script
 * (boot.ts), or here should that script not have run (or the server not have
 * embedded them): either way before the app first renders. The page's own
 * requests take those answers (api.ts); any its first render did not take are
 * dropped, not kept to go stale.
 */
// Marks on the page's timeline (read by `npm run bench:app`): the app's modules are evaluated, then first rendered.
performance.mark('claimgraph:app');
const permalinked = claimOfPermalink(location.pathname);
if (permalinked !== null && parseRoute(location.hash).page === 'home') history.replaceState(history.state, '', `/${href({ page: 'claim', id: permalinked, statement: null })}`);
takeEmbeddedAnswers();
const landing = parseRoute(location.hash);
if (landing.page === 'claim') askClaimPageAhead(landing.id);
render(<App />, document.getElementById('app')!);
performance.mark('claimgraph:first-render');
