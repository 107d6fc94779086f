/**
 * `claimgraph` on a store written by claimgraph 0.1, as a user runs it (the
 * commands in-process, test/cli/in-process.ts; serve as the built CLI in a
 * child process): every command that opens the store refuses
 * it, naming `claimgraph migrate`; `migrate --dry-run --backup` keeps a copy
 * and writes nothing; `migrate` upgrades it, and a second run has nothing to
 * do. The store is a copy of test/fixtures/store-v1 (round 1's own output).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GrafeoDB } from '@grafeo-db/js';
import { buildCliOnce, cli, type CliResult, ROOT, tempDir } from './build';
import { cliInProcess } from './in-process';

jest.setTimeout(90_000);

const FIXTURE = join(ROOT, 'test', 'fixtures', 'store-v1', 'graph.grafeo');

let tmp: { path: string; remove: () => void };
beforeAll(() => {
  buildCliOnce();
  tmp = tempDir('claimgraph-cli-migrate-');
}, 120_000);
afterAll(() => tmp?.remove());

let copies = 0;
/** A data folder holding a fresh copy of the round-1 store. */
function v1DataDir(): string {
  const dir = join(tmp.path, `data-${++copies}`);
  mkdirSync(dir);
  copyFileSync(FIXTURE, join(dir, 'graph.grafeo'));
  return dir;
}

function expectExit(r: CliResult, code: number): void {
  if (r.status !== code) throw new Error(`expected exit code ${code}, got ${r.status ?? r.signal}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
}

const REFUSAL = /STORE_UNAVAILABLE: The embedded store at \S+graph\.grafeo holds a version 1 graph, written by claimgraph 0\.1 \(.*REPORTED_IN.*\)\. .*nothing was written\. Run "npx claimgraph migrate" to upgrade it in place/s;

describe('a round-1 store', () => {
  const data = () => v1DataDir();

  it.each([
    ['serve', []],
    ['export', ['--out', 'graph.json']],
    ['seed', []],
    ['validate', [join(ROOT, 'test', 'seed', 'dumayr-v1.bundle.json')]],
    ['import', [join(ROOT, 'test', 'fixtures', 'dumayr-follow-up.bundle.json')]],
  ])('is refused by %s, which names the migration (exit 3)', async (command, args) => {
    const dir = data();
    const argv = [command, ...args.map((a) => (a === 'graph.json' ? join(dir, a) : a))];
    const env = { PORT: '0', HOST: '127.0.0.1' };
    // serve in a child process: a serve that wrongly started would hold this test's process, not end.
    const r = command === 'serve' ? cli(argv, dir, { env }) : await cliInProcess(argv, dir, { env });
    expectExit(r, 3);
    expect(r.stderr).toMatch(REFUSAL);
    expect(existsSync(join(dir, 'graph.json'))).toBe(false);
  });

  it('migrate --dry-run --backup keeps a copy, reports, and writes nothing; migrate upgrades it; again, nothing to do', async () => {
    const dir = data();
    const backup = join(tmp.path, 'backup');
    const dry = await cliInProcess(['migrate', '--dry-run', '--backup', backup], dir);
    expectExit(dry, 0);
    expect(dry.stdout).toContain(`Backup of the version 1 graph written: ${join(backup, 'records.v1.bundle.json')}, ${join(backup, 'editorial.v2.bundle.json')}`);
    expect(dry.stdout).toContain('Read from the version 1 graph: 55 sources, 24 entities, 17 documents, 50 claims, 110 statements (110 REPORTED_IN, 3 REPORTED_VIA), 1 question, 3 ratings, 1 assessment.');
    expect(dry.stdout).toContain('93 statements (17 version 1 copies folded into the statements they copy; their ids kept as redirects)');
    expect(dry.stdout).toContain('Kept as it is: the change log (1 entry).');
    expect(dry.stdout).toMatch(/note: .*publishedAt "Aug\. 29" is not an ISO 8601 date/);
    expect(dry.stdout).toContain('Dry run: nothing was written to the store.');
    expect(readdirSync(backup).sort()).toEqual(['editorial.v2.bundle.json', 'records.v1.bundle.json']);
    const records = JSON.parse(readFileSync(join(backup, 'records.v1.bundle.json'), 'utf8')) as { version: number; statements: unknown[] };
    expect([records.version, records.statements.length]).toEqual([1, 110]);
    // Still version 1: refused.
    expect((await cliInProcess(['export'], dir)).stderr).toMatch(REFUSAL);
    // A backup never overwrites.
    const again = await cliInProcess(['migrate', '--dry-run', '--backup', backup], dir);
    expectExit(again, 2);
    expect(again.stderr).toContain(`needs a new or empty folder; ${backup} holds files already`);

    const run = await cliInProcess(['migrate'], dir);
    expectExit(run, 0);
    expect(run.stdout).toMatch(/^\s+statements\s+93\s+0\s+0$/m);
    expect(run.stdout).toContain('Migrated in one transaction: 261 version 1 nodes deleted, the upgraded records imported, the store marked as model version 2.');
    const exported = await cliInProcess(['export'], dir);
    expectExit(exported, 0);
    const bundle = JSON.parse(exported.stdout) as { version: number; statements: unknown[]; questions: unknown[] };
    expect([bundle.version, bundle.statements.length, bundle.questions.length]).toEqual([2, 93, 1]);

    const second = await cliInProcess(['migrate'], dir);
    expectExit(second, 0);
    expect(second.stdout).toContain('holds a version 2 graph: nothing to migrate.');

    // The backup restores what the migration wrote, into an empty store.
    const restored = join(tmp.path, 'restored');
    expectExit(await cliInProcess(['import', backup], restored), 0);
    const fromBackup = await cliInProcess(['export'], restored);
    expectExit(fromBackup, 0);
    expect(JSON.parse(fromBackup.stdout)).toEqual(JSON.parse(exported.stdout));
  });

  it('migrate stops on a record it cannot migrate, naming it (exit 1), and writes nothing', async () => {
    const dir = data();
    // A store changed by hand, outside claimgraph.
    const db = GrafeoDB.open(join(dir, 'graph.grafeo'));
    try {
      await db.executeCypher("MATCH (st:Statement {id: 'st-airwars-asserts-us-operation-killed'}) SET st.stance = 'CLAIMS'");
    } finally {
      db.close();
    }
    for (const args of [['migrate'], ['migrate', '--dry-run']]) {
      const r = await cliInProcess(args, dir);
      expectExit(r, 1);
      expect(r.stderr).toMatch(/^claimgraph migrate: The version 1 store holds 1 problem\(s\) that stop the migration; nothing was written\./);
      expect(r.stderr).toMatch(/\$\.statements\[\d+\]\.stance \(id "st-airwars-asserts-us-operation-killed"\) in the store \(version 1 records\): expected one of ASSERTS, DENIES, HEDGES, NO_RESPONSE, NOT_ACKNOWLEDGED, got "CLAIMS"/);
    }
    // Still the version 1 store it was.
    expect((await cliInProcess(['export'], dir)).stderr).toMatch(REFUSAL);
  });
});
