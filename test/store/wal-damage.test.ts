import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitMarkerPath, EmbeddedStore, readCommitMarker } from '../../src/store/embedded-store';
import { openStore } from '../../src/store/open';
import type { GraphStore } from '../../src/store/port';
import { NEWEST_CHANGE } from '../../src/store/cursors';

/*
 * A WAL that is truncated, emptied or deleted, or whose last bytes are
 * garbled, loses acknowledged commits: the engine opens on its older state
 * and says nothing. The store records its last committed point apart from
 * the WAL and refuses to open behind it, saying what happened and what to
 * do; a salvage opens what remains, and a backup taken while the store was
 * open restores everything up to it.
 */

const root = mkdtempSync(join(tmpdir(), 'claimgraph-wal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const open = (path: string): Promise<GraphStore> => openStore({ engine: 'embedded', path });
const changeCount = async (store: GraphStore): Promise<number> => (await store.read('changes-page', { after: NEWEST_CHANGE, limit: 1000 })).length;
const write = (store: GraphStore, i: number) =>
  store.write('record-change', { id: `2031-01-01T00:00:${String(i).padStart(2, '0')}.000Z~${i}`, at: '2031-01-01T00:00Z', by: 'test', action: 'DELETE', kind: 'CLAIM', target: `c${i}`, details: '{}' });

const walFiles = (path: string): string[] => (existsSync(`${path}.wal`) ? readdirSync(`${path}.wal`).map((f) => join(`${path}.wal`, f)) : []);

const SCENARIOS: Record<string, (path: string) => void> = {
  'WAL deleted': (path) => rmSync(`${path}.wal`, { recursive: true }),
  'WAL emptied': (path) => walFiles(path).forEach((f) => truncateSync(f, 0)),
  'WAL truncated to half': (path) => walFiles(path).forEach((f) => truncateSync(f, Math.floor(statSync(f).size / 2))),
  'the last 100 bytes of the WAL garbled': (path) =>
    walFiles(path).forEach((f) => {
      const bytes = readFileSync(f);
      for (let i = Math.max(0, bytes.length - 100); i < bytes.length; i++) bytes[i] = (bytes[i] as number) ^ 0x5a;
      writeFileSync(f, bytes);
    }),
  'store file deleted, WAL kept': (path) => unlinkSync(path),
};

/**
 * A store with 3 commits checkpointed into the file and 11 more acknowledged
 * in the WAL, copied as a crash leaves it (the files of the open store), and
 * a backup taken online after the 8th.
 */
async function crashedStore(name: string): Promise<{ path: string; backup: string }> {
  const live = join(root, `${name}-live`, 'graph.grafeo');
  let store = await open(live);
  for (let i = 0; i < 3; i++) await write(store, i);
  await store.close();
  store = await open(live);
  const backup = join(root, `${name}-backup.grafeo`);
  for (let i = 3; i < 14; i++) {
    await write(store, i);
    if (i === 10) await (store as EmbeddedStore).backup(backup);
  }
  const copy = join(root, name);
  cpSync(join(root, `${name}-live`), copy, { recursive: true });
  await store.close();
  return { path: join(copy, 'graph.grafeo'), backup };
}

describe.each(Object.entries(SCENARIOS))('%s', (name, damage) => {
  const dir = name.replace(/\W+/g, '-');

  it('refuses to open, says what happened and what to do, and changes nothing; salvage opens what remains; restore brings back the backup', async () => {
    const { path, backup } = await crashedStore(dir);
    const acknowledged = readCommitMarker(path);
    expect(acknowledged).not.toBeNull();
    // Undamaged, the copy opens with all 14 commits.
    const intact = join(root, `${dir}-intact`);
    cpSync(join(root, dir), intact, { recursive: true });
    const whole = await open(join(intact, 'graph.grafeo'));
    expect(await changeCount(whole)).toBe(14);
    await whole.close();

    damage(path);
    const before = readdirSync(join(root, dir)).map((f) => [f, existsSync(join(root, dir, f)) && statSync(join(root, dir, f)).isFile() ? statSync(join(root, dir, f)).size : 'folder']);
    const error = (await open(path).catch((e: unknown) => e)) as { code: string; message: string; details: { found: number; acknowledged: number } };
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { acknowledged: Number(acknowledged) } });
    expect(error.details.found).toBeLessThan(error.details.acknowledged);
    expect(error.message).toContain(`The embedded store at ${path} is behind its last acknowledged commit`);
    expect(error.message).toContain('truncated, emptied or deleted');
    expect(error.message).toMatch(/so \d+ acknowledged commits? would be lost\. Nothing was opened or changed\./);
    expect(error.message).toContain('npx claimgraph restore FILE');
    expect(error.message).toContain('npx claimgraph salvage');
    // Refusing left every file as it was, for a salvage to read.
    expect(readdirSync(join(root, dir)).map((f) => [f, existsSync(join(root, dir, f)) && statSync(join(root, dir, f)).isFile() ? statSync(join(root, dir, f)).size : 'folder'])).toEqual(before);

    // Restore the backup taken online after the 11th commit: everything up to it is back, and it opens.
    const salvageCopy = join(root, `${dir}-salvage`);
    cpSync(join(root, dir), salvageCopy, { recursive: true });
    const restored = EmbeddedStore.restore(backup, path);
    expect(restored.keptAs).not.toBeNull();
    const afterRestore = await open(path);
    expect(await changeCount(afterRestore)).toBe(11);
    await write(afterRestore, 20);
    await afterRestore.close();
    expect(await changeCount(await reopenAndClose(path))).toBe(12);

    // Or accept the loss: the salvage opens what remains, and from then on the store opens.
    const salvaged = join(salvageCopy, 'graph.grafeo');
    if (existsSync(salvaged)) {
      const report = EmbeddedStore.salvage(salvaged);
      expect(report.acknowledged).toBe(acknowledged);
      expect(report.found).toBeLessThan(acknowledged as bigint);
      expect(existsSync(report.keptAs)).toBe(true);
      const rest = await open(salvaged);
      // What the store file held before the WAL: the 3 commits checkpointed by the first close, or more.
      const left = await changeCount(rest);
      expect(left).toBeGreaterThanOrEqual(3);
      expect(left).toBeLessThan(14);
      await rest.close();
    }
  });
});

/** Opens the store, and returns a store-like reader of the count after closing (a second open proves the marker follows). */
async function reopenAndClose(path: string): Promise<GraphStore> {
  const store = await open(path);
  return {
    ...store,
    read: async (name, params) => {
      try {
        return await store.read(name, params);
      } finally {
        await store.close();
      }
    },
  } as GraphStore;
}

it('writes the marker at every commit, and refuses a folder where the store file should be', async () => {
  const path = join(root, 'marker', 'graph.grafeo');
  const store = await open(path);
  const first = readCommitMarker(path) as bigint;
  await write(store, 1);
  expect(readCommitMarker(path)).toBe(first + 1n);
  await store.close();
  expect(readFileSync(commitMarkerPath(path), 'utf8')).toMatch(/^\d{20}\n$/);
  const folder = join(root, 'folder-store', 'graph.grafeo');
  cpSync(join(root, 'marker'), folder, { recursive: true });
  await expect(open(folder)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: `Expected the embedded store file at ${folder}, got a folder.` });
});
