/**
 * An import through the API writes under the caller's name only (issue 15):
 * `recorded` in the bundle is ignored, and a link's `linkedBy` is the caller,
 * as `linkClaims` records it. The CLI's import keeps both, for migrations.
 * docs/EDITING.md, "Who writes, and what is recorded", says the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBundle } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql } from '../helpers';

const someoneElse = { createdAt: '2020-01-01T00:00:00Z', createdBy: 'mallory@example.org', updatedAt: '2020-01-01T00:00:00Z', updatedBy: 'mallory@example.org' };
const bundle = {
  format: 'claimgraph-bundle',
  version: 2,
  claims: [
    { id: 'claim-a', text: 'A is so.', recorded: someoneElse },
    { id: 'claim-b', text: 'A is not so.', recorded: someoneElse },
  ],
  links: [{ type: 'CONTRADICTS', from: 'claim-a', to: 'claim-b', linkedBy: 'mallory@example.org', reason: 'They cannot both hold.', recorded: someoneElse }],
};
const READ = '{ claim(id: "claim-a") { recorded { createdBy updatedBy } links { linkedBy reason } } }';

let store: GraphStore;
beforeEach(async () => {
  store = await emptyStore();
});
afterEach(() => store.close());

it('importBundle over the API records the caller as linkedBy and in recorded, whatever the bundle says', async () => {
  const r = await gql(store, 'mutation($b: JSON!) { importBundle(input: { bundle: $b }) { result { links { created } } } }', { b: bundle }, 'alice@example.org');
  expect(r.errors).toBeUndefined();
  expect((await gql(store, READ)).data).toEqual({
    claim: { recorded: { createdBy: 'alice@example.org', updatedBy: 'alice@example.org' }, links: [{ linkedBy: 'alice@example.org', reason: 'They cannot both hold.' }] },
  });
  // Importing it again as someone else redraws the link under the new name, as linkClaims would.
  const again = await gql(store, 'mutation($b: [JSON!]!) { importBundles(input: { bundles: $b }) { result { links { updated unchanged } } } }', { b: [bundle] }, 'bob@example.org');
  expect(again.data).toEqual({ importBundles: { result: { links: { updated: 1, unchanged: 0 } } } });
  expect((await gql(store, READ)).data).toMatchObject({ claim: { links: [{ linkedBy: 'bob@example.org' }] } });
});

it('the CLI import (an operator\'s migration) keeps linkedBy and recorded as the bundle gives them', async () => {
  await importBundle(store, bundle, { editor: 'cli:operator' });
  expect((await gql(store, READ)).data).toEqual({
    claim: { recorded: { createdBy: 'mallory@example.org', updatedBy: 'mallory@example.org' }, links: [{ linkedBy: 'mallory@example.org', reason: 'They cannot both hold.' }] },
  });
});

it('docs/EDITING.md says what the code does about stamps', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'EDITING.md'), 'utf8');
  const flat = doc.replace(/\s+/g, ' ');
  expect(flat).toContain("over the API, `recorded` objects in the bundle are ignored and each link's `linkedBy` is the caller");
  expect(flat).toContain('`npx claimgraph import` keeps `recorded` and `linkedBy` as the bundle gives them');
});
