import * as jsonld from 'jsonld';
import { assessClaim } from '../../src/analysis/judgements';
import { generateKey, keyLine } from '../../src/api/auth';
import { CLAIMREVIEW_FEED_PATH, SCHEMA_ORG_CONTEXT_PATH, startHttpServer } from '../../src/api/server';
import { loadApiConfig } from '../../src/config';
import type { GraphStore } from '../../src/store/port';
import { seededStore } from '../helpers';

/*
 * The ClaimReview data feed over HTTP, and the schema.org context served
 * beside it: a JSON-LD processor expands the feed with what this server
 * serves, fetching nothing else.
 */

let store: GraphStore;
beforeAll(async () => {
  store = await seededStore();
  await assessClaim(store, 'claim-al-masoud-undercover-against-is', { verdict: 'MOSTLY_TRUE', rating: 4, explanation: 'Two accounts.', url: 'https://checks.example/undercover' }, { editor: 'erin@example.org' });
  await assessClaim(store, 'claim-al-masoud-was-is-official', { verdict: 'FALSE', rating: 1, explanation: 'No.' }, { editor: 'erin@example.org' });
});
afterAll(() => store.close());

it('serves every publishable review as one DataFeed, says which were left out, and the context that expands it offline', async () => {
  const server = await startHttpServer(store, 0, '127.0.0.1', { api: loadApiConfig({}) });
  try {
    const base = server.url.replace(/\/graphql$/, '');
    const res = await fetch(`${base}${CLAIMREVIEW_FEED_PATH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect([res.headers.get('x-claimgraph-omitted'), res.headers.get('x-claimgraph-omitted-claims')]).toEqual(['1', 'claim-al-masoud-was-is-official']);
    const feed = (await res.json()) as { '@type': string; dataFeedElement: { '@type': string; url: string }[] };
    expect(feed['@type']).toBe('DataFeed');
    expect(feed.dataFeedElement.map((e) => [e['@type'], e.url])).toEqual([['ClaimReview', 'https://checks.example/undercover']]);

    const context = await fetch(`${base}${SCHEMA_ORG_CONTEXT_PATH}`);
    expect(context.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const served = (await context.json()) as object;
    const fetched: string[] = [];
    const documentLoader = async (url: string) => {
      fetched.push(url);
      if (url === 'https://schema.org' || url === 'https://schema.org/') return { contextUrl: null, documentUrl: url, document: served };
      throw new Error(`refused ${url}`);
    };
    const [expanded] = await jsonld.expand(feed as unknown as jsonld.JsonLdDocument, { documentLoader: documentLoader as never });
    expect(expanded?.['@type']).toEqual(['https://schema.org/DataFeed']);
    expect(fetched).toEqual(['https://schema.org']);
  } finally {
    await server.stop();
  }
});

it('needs a key where reading does', async () => {
  const reader = generateKey();
  const server = await startHttpServer(store, 0, '127.0.0.1', { api: loadApiConfig({ CLAIMGRAPH_API_KEYS: keyLine('reader', 'rita', reader), CLAIMGRAPH_READ_ACCESS: 'key' }) });
  try {
    const url = server.url.replace(/\/graphql$/, CLAIMREVIEW_FEED_PATH);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${reader}` } })).status).toBe(200);
  } finally {
    await server.stop();
  }
});
