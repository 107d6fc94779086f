import { openStore } from '../../src/store/open';
import { importBundle } from '../../src/graph/import';
import { syntheticBundle } from '../../src/graph/synthetic';
import type { Params } from '../../src/store/port';
import type { QueryName } from '../../src/store/queries';
it('cost', async () => {
  for (const statements of [10000]) {
    const b = syntheticBundle({ statements, seed: 1 });
    const store = await openStore({ engine: 'embedded', path: null } as never);
    await importBundle(store, b, { editor: 'bench' });
    const time = async (label: string, name: QueryName, params: Params, n = 5) => {
      const runs: number[] = [];
      let rows = 0;
      for (let i = 0; i < n; i++) { const t = performance.now(); rows = (await store.read(name, params)).length; runs.push(performance.now() - t); }
      runs.sort((x, y) => x - y);
      console.log(`${statements} st, ${b.claims.length} claims: ${label}: median ${runs[Math.floor(n / 2)]!.toFixed(0)} ms (${runs.map((r) => r.toFixed(0)).join(' ')}) rows ${rows}`);
    };
    const ids = b.claims.map((c) => c.id);
    await time('corroboration 1', 'corroboration-by-claims', { ids: ids.slice(0, 1) });
    await time('corroboration 20', 'corroboration-by-claims', { ids: ids.slice(0, 20) });
    await time('claims-page 21', 'claims-page', { search: null, after: null, limit: 21 });
    for (const status of ['CORROBORATED', 'CONTESTED', 'UNVERIFIED', 'REFUTED']) {
      await time(`page-by-status ${status} 21`, 'claims-page-by-status', { search: null, after: null, limit: 21, status }, 3);
      await time(`count-by-status ${status}`, 'claims-count-by-status', { search: null, status }, 1);
    }
    await store.close();
  }
});
