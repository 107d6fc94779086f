import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openStore } from '../../src/store/open';
import { buildCliOnce, ROOT, tempDir } from './build';

/*
 * A write transaction that changes nothing (a backfill that finds nothing to
 * fill, an update to the same values) advances the engine's epoch but leaves
 * nothing in the WAL, so after a crash the store reopens at the last commit
 * that wrote. The commit marker must follow those commits only: otherwise a
 * store killed right after a no-op write is refused as "behind its last
 * acknowledged commit" although no acknowledged change was lost.
 */

const STORE_MODULE = join(ROOT, 'dist', 'src', 'store', 'embedded-store.js');
const QUERIES_MODULE = join(ROOT, 'dist', 'src', 'store', 'queries.js');

/** Runs `steps` (query names, in order, one write transaction each) on the store at `path` in a child process, then kills it with SIGKILL. */
function writeThenKill(path: string, steps: { name: string; params: object }[]): void {
  const script = `
    const { EmbeddedStore } = require(${JSON.stringify(STORE_MODULE)});
    const { loadQueries } = require(${JSON.stringify(QUERIES_MODULE)});
    (async () => {
      const store = EmbeddedStore.onDisk(${JSON.stringify(path)}, loadQueries());
      await store.applySchema();
      for (const step of ${JSON.stringify(steps)}) await store.write(step.name, step.params);
      process.kill(process.pid, 'SIGKILL');
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect({ signal: child.signal, stderr: child.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
}

describe('a crash right after a write that changed nothing', () => {
  beforeAll(() => buildCliOnce());

  it('reopens with every change that was acknowledged, and is not refused as behind', async () => {
    const dir = tempDir('no-op-crash');
    const path = join(dir.path, 'graph.grafeo');
    // A real write, then the same backfill twice: the second finds nothing to fill.
    writeThenKill(path, [
      { name: 'create-sources', params: { rows: [{ id: 's1', name: 'Sima Example', kind: 'PERSON', anonymous: false, aliases: [], formerIds: [], searchWords: ['sima'], searchText: 'sima' }] } },
      { name: 'backfill-search-text', params: { limit: 10 } },
      { name: 'backfill-search-text', params: { limit: 10 } },
    ]);
    const store = await openStore({ engine: 'embedded', path });
    try {
      const rows = await store.read('sources-by-ids', { ids: ['s1'] });
      expect(rows).toHaveLength(1);
    } finally {
      await store.close();
      dir.remove();
    }
  });
});
