/**
 * The `claimgraph` command line as a user runs it: the built CLI
 * (`node dist/src/cli/main.js`) in a child process, on an embedded store in
 * a temporary data folder, with its exit codes and what it prints.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open';
import { buildCliOnce, cli, cliPipe, type CliResult, SEED_FILE, tempDir } from './build';

jest.setTimeout(60_000);

const SEED = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as Record<string, Record<string, unknown>[]>;
const KINDS = ['sources', 'affiliations', 'entities', 'documents', 'claims', 'statements', 'links'] as const;

let tmp: { path: string; remove: () => void };
const dataDir = (name: string) => join(tmp.path, name);
const file = (name: string, content: unknown) => {
  const path = join(tmp.path, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};

beforeAll(() => {
  buildCliOnce();
  tmp = tempDir('claimgraph-cli-');
}, 90_000);
afterAll(() => tmp?.remove());

/** Expects an exit code; when it differs, the failure shows what the run printed. */
function expectExit(r: CliResult, code: number): void {
  if (r.status !== code) throw new Error(`expected exit code ${code}, got ${r.status ?? r.signal}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
}

/** The created/updated/unchanged table an import printed, per kind (the first table in `text`). */
function table(text: string): Record<string, [number, number, number]> {
  const rows: Record<string, [number, number, number]> = {};
  for (const kind of KINDS) {
    const m = new RegExp(`^\\s+${kind}\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)\\s*$`, 'm').exec(text);
    if (m === null) throw new Error(`no "${kind}" row in the report:\n${text}`);
    rows[kind] = [m[1], m[2], m[3]].map((n) => Number(n?.replace(/,/g, ''))) as [number, number, number];
  }
  return rows;
}

/** A copy of the seed with three distinct problems (a bad kind, a bad stance, a dangling link). */
function brokenSeed(): unknown {
  const copy = JSON.parse(JSON.stringify(SEED)) as typeof SEED;
  copy.sources![4]!.kind = 'ALIEN';
  copy.statements![2]!.stance = 'DENY';
  copy.links![0]!.to = 'claim-that-does-not-exist';
  copy.sources![0]!.name = 'Renamed by the broken bundle'; // an update that must not be written either
  return copy;
}
const BROKEN_PATHS = ['$.sources[4].kind', '$.statements[2].stance', '$.links[0].to'];

/** A small valid bundle, all new records, that refers to the seed. */
const extraBundle = {
  format: 'claimgraph-bundle',
  version: 1,
  sources: [{ id: 'src-cli-test', name: 'A source added by the CLI test', kind: 'PERSON', anonymous: false }],
  claims: [{ id: 'claim-cli-test', text: 'The CLI test added this claim.' }],
  statements: [{ id: 'st-cli-test', source: 'src-cli-test', claim: 'claim-cli-test', stance: 'ASSERTS', document: 'doc-dumayr-report' }],
};

describe('help and usage errors', () => {
  test('--help lists every command and exits 0', () => {
    const r = cli(['--help'], dataDir('unused'));
    expectExit(r, 0);
    for (const command of ['serve', 'seed', 'import', 'export', 'validate']) expect(r.stdout).toMatch(new RegExp(`^\\s+${command}\\s`, 'm'));
    expect(r.stdout).toMatch(/Exit codes/);
  });

  test('import --help shows the import usage and its options, and exits 0', () => {
    const r = cli(['import', '--help'], dataDir('unused'));
    expectExit(r, 0);
    expect(r.stdout).toMatch(/^Usage: claimgraph import/);
    expect(r.stdout).toMatch(/--editor NAME/);
    expect(r.stdout).toMatch(/--dry-run/);
  });

  test('each command has its own help', () => {
    for (const command of ['serve', 'seed', 'export', 'validate']) {
      const r = cli([command, '--help'], dataDir('unused'));
      expect({ command, status: r.status, usage: r.stdout.split('\n')[0] }).toEqual({ command, status: 0, usage: expect.stringMatching(new RegExp(`^Usage: claimgraph ${command}`)) });
    }
  });

  test('an unknown command exits 2 and shows the help', () => {
    const r = cli(['frobnicate'], dataDir('unused'));
    expectExit(r, 2);
    expect(r.stderr).toMatch(/Unknown command "frobnicate"/);
    expect(r.stderr).toMatch(/Usage: claimgraph <command>/);
  });

  test('an unknown option exits 2 and shows the command help; nothing is opened', () => {
    const r = cli(['import', '--frob', SEED_FILE], dataDir('unknown-option'));
    expectExit(r, 2);
    expect(r.stderr).toMatch(/Unknown option --frob for import/);
    expect(r.stderr).toMatch(/Usage: claimgraph import/);
  });

  test('a missing file is a usage error (exit 2), reported before anything is imported', () => {
    const r = cli(['import', SEED_FILE, join(tmp.path, 'no-such.json')], dataDir('missing-file'));
    expectExit(r, 2);
    expect(r.stderr).toMatch(/No such file or directory: .*no-such\.json/);
    expect(r.stdout).not.toMatch(/Importing/);
  });

  test('a configuration error exits 2 with the CONFIG_INVALID message', () => {
    const r = cli(['export'], dataDir('config'), { env: { CLAIMGRAPH_SEED: 'sometimes' } });
    expectExit(r, 2);
    expect(r.stderr).toMatch(/CONFIG_INVALID: Invalid configuration:\n\s+CLAIMGRAPH_SEED: expected "auto" or "off", got "sometimes"/);
  });
});

describe('validate', () => {
  test('--standalone accepts the seed and exits 0', () => {
    const r = cli(['validate', '--standalone', SEED_FILE], dataDir('unused'));
    expectExit(r, 0);
    expect(r.stdout).toMatch(/valid on its own \(19 sources, 11 affiliations, 18 entities, 1 document, 34 claims, 43 statements, 6 links\)/);
  });

  test('--standalone on a broken bundle exits 1 and lists all three problems with their paths', () => {
    const r = cli(['validate', '--standalone', file('broken.json', brokenSeed())], dataDir('unused'));
    expectExit(r, 1);
    expect(r.stdout).toMatch(/3 problem\(s\)/);
    for (const path of BROKEN_PATHS) expect(r.stdout).toContain(`  ${path}: expected `);
    expect(r.stdout).toMatch(/got "DENY"/);
  });

  test('a file that is not JSON is invalid (exit 1), with where the JSON breaks', () => {
    const r = cli(['validate', '--standalone', file('not-json.json', '{"format": "claimgraph-bundle",,}')], dataDir('unused'));
    expectExit(r, 1);
    expect(r.stdout).toMatch(/not-json\.json: invalid: .* is not valid JSON: .*\(line 1, column \d+\)/);
  });

  test('against the store it says what import would do, and writes nothing', () => {
    const dir = dataDir('validate-store');
    const r = cli(['validate', SEED_FILE], dir);
    expectExit(r, 0);
    expect(table(r.stdout).statements).toEqual([43, 0, 0]);
    const again = cli(['validate', SEED_FILE], dir);
    expect(table(again.stdout).statements).toEqual([43, 0, 0]); // the first validate wrote nothing
  });
});

describe('import', () => {
  test('the seed: created counts, then a second import leaves everything unchanged', () => {
    const dir = dataDir('import-twice');
    const first = cli(['import', SEED_FILE], dir);
    expect({ status: first.status, table: table(first.stdout) }).toEqual({
      status: 0,
      table: { sources: [19, 0, 0], affiliations: [11, 0, 0], entities: [18, 0, 0], documents: [1, 0, 0], claims: [34, 0, 0], statements: [43, 0, 0], links: [6, 0, 0] },
    });
    expect(first.stdout).toMatch(/Wrote 134 rows in [\d.]+ s: [\d,]+ statements\/s \(43 statements\), [\d,]+ rows\/s\./);
    expect(first.stdout).toMatch(/names matched to records in the graph: none/);
    // Not a terminal: progress is printed as lines, at most one per 10 %, ending at 100 %.
    const progress = first.stderr.split('\n').filter((l) => l.startsWith('writing '));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThanOrEqual(11);
    expect(progress[progress.length - 1]).toMatch(/: 100% \(134 of 134 rows/);
    expect(first.stderr).not.toMatch(/\r/);

    const second = cli(['import', SEED_FILE], dir);
    expectExit(second, 0);
    expect(table(second.stdout)).toEqual({
      sources: [0, 0, 19], affiliations: [0, 0, 11], entities: [0, 0, 18], documents: [0, 0, 1], claims: [0, 0, 34], statements: [0, 0, 43], links: [0, 0, 6],
    });
    expect(second.stdout).toMatch(/Nothing changed/);
  });

  test('the editor is --editor, else $CLAIMGRAPH_EDITOR, and is recorded on the records', () => {
    const dir = dataDir('editor');
    const r = cli(['import', SEED_FILE], dir, { env: { CLAIMGRAPH_EDITOR: 'env-editor@example.org' } });
    expect(r.stdout).toMatch(/as env-editor@example\.org/);
    const r2 = cli(['import', '--editor', 'flag-editor@example.org', file('extra-editor.json', extraBundle)], dir, { env: { CLAIMGRAPH_EDITOR: 'env-editor@example.org' } });
    expectExit(r2, 0);
    const exported = JSON.parse(cli(['export'], dir).stdout) as { sources: { id: string; recorded: { createdBy: string } }[] };
    expect(exported.sources.find((s) => s.id === 'src-cli-test')?.recorded.createdBy).toBe('flag-editor@example.org');
    expect(exported.sources.find((s) => s.id === 'src-airwars')?.recorded.createdBy).toBe('env-editor@example.org');
  });

  test('a failing second file: nothing from it is written, the first stays, the third is skipped', () => {
    const dir = dataDir('failing-second');
    expectExit(cli(['import', SEED_FILE], dir), 0);
    const afterFirst = cli(['export'], dir);
    expectExit(afterFirst, 0);

    const broken = file('2-broken.json', brokenSeed());
    const third = file('3-extra.json', extraBundle);
    const r = cli(['import', SEED_FILE, broken, third], dir);
    expectExit(r, 1);
    expect(r.stderr).toMatch(/2-broken\.json failed: the bundle has \d+ problem\(s\):/);
    expect(r.stderr).toContain('$.statements[2].stance: expected one of ASSERTS, DENIES, HEDGES, NO_RESPONSE, NOT_ACKNOWLEDGED, got "DENY"');
    expect(r.stderr).toMatch(/Nothing from .*2-broken\.json was written/);
    expect(r.stderr).toMatch(/Already imported, and kept: .*dumayr\.bundle\.json\./);
    expect(r.stderr).toMatch(/Skipped, not imported: .*3-extra\.json\./);

    const afterFailure = cli(['export'], dir);
    expect(afterFailure.stdout).toBe(afterFirst.stdout); // byte for byte: not even the rename in the broken file
    expect(afterFailure.stdout).not.toContain('claim-cli-test');
  });

  test('a directory imports its *.json files in name order, and nothing else', () => {
    const dir = dataDir('directory');
    const bundles = tempDir('claimgraph-cli-bundles-');
    try {
      writeFileSync(join(bundles.path, '1-seed.json'), readFileSync(SEED_FILE));
      writeFileSync(join(bundles.path, '2-extra.json'), JSON.stringify(extraBundle)); // needs the seed's document: order matters
      writeFileSync(join(bundles.path, 'notes.txt'), 'not a bundle');
      const r = cli(['import', bundles.path], dir);
      expect({ status: r.status, imported: r.stdout.match(/^Importing \S+/gm) }).toEqual({
        status: 0,
        imported: [`Importing ${join(bundles.path, '1-seed.json')}`, `Importing ${join(bundles.path, '2-extra.json')}`],
      });
    } finally {
      bundles.remove();
    }
  });

  test('a file that is not JSON exits 1, and says nothing from it was written', () => {
    const r = cli(['import', file('truncated.json', JSON.stringify(SEED).slice(0, 500))], dataDir('truncated'));
    expectExit(r, 1);
    expect(r.stderr).toMatch(/truncated\.json is not valid JSON/);
    expect(r.stderr).toMatch(/Nothing from .*truncated\.json was written/);
  });

  test('a locked store is a store error (exit 3), naming the file', async () => {
    const dir = dataDir('locked');
    const holder = await openStore({ engine: 'embedded', path: join(dir, 'graph.grafeo') });
    try {
      const r = cli(['import', SEED_FILE], dir);
      expectExit(r, 3);
      expect(r.stderr).toMatch(/STORE_UNAVAILABLE: Cannot open the embedded store at .*graph\.grafeo/);
      expect(r.stderr).toMatch(/Nothing was imported\./);
    } finally {
      await holder.close();
    }
  });

  test('--dry-run reports what would change and writes nothing', () => {
    const dir = dataDir('dry-run');
    const r = cli(['import', '--dry-run', SEED_FILE], dir);
    expectExit(r, 0);
    expect(r.stdout).toMatch(/would create/);
    expect(table(r.stdout).claims).toEqual([34, 0, 0]);
    expect(r.stdout).toMatch(/Dry run: nothing was written/);
    expect(JSON.parse(cli(['export'], dir).stdout)).toMatchObject({ sources: [], statements: [] });
  });
});

describe('export', () => {
  test('export | import into a second data folder round-trips: both exports are the same JSON', async () => {
    const a = dataDir('round-trip-a');
    const b = dataDir('round-trip-b');
    expectExit(cli(['import', SEED_FILE], a), 0);
    const [exported, imported] = await cliPipe({ args: ['export'], dataDir: a }, { args: ['import'], dataDir: b });
    expect({ export: exported.status, import: imported.status }).toEqual({ export: 0, import: 0 });
    expect(imported.stdout).toMatch(/Importing stdin/);
    expect(table(imported.stdout).statements).toEqual([43, 0, 0]);

    const fromA = cli(['export'], a);
    const fromB = cli(['export'], b);
    expect(fromB.stdout).toBe(fromA.stdout);
    // Pretty JSON, 2-space indent, audit fields travelled with the records.
    expect(fromA.stdout.startsWith('{\n  "format": "claimgraph-bundle",\n  "version": 1,')).toBe(true);
    expect((JSON.parse(fromB.stdout) as { claims: { recorded: unknown }[] }).claims[0]?.recorded).toMatchObject({ createdBy: expect.stringMatching(/^cli:/) });
  });

  test('export --document doc-dumayr-report --out FILE writes a bundle that validates standalone', () => {
    const dir = dataDir('export-document');
    expectExit(cli(['import', SEED_FILE], dir), 0);
    const out = join(tmp.path, 'document.json');
    const r = cli(['export', '--document', 'doc-dumayr-report', '--out', out], dir);
    expectExit(r, 0);
    expect(r.stdout).toBe('');
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { documents: { id: string }[]; statements: unknown[] };
    expect(bundle.documents.map((d) => d.id)).toEqual(['doc-dumayr-report']);
    expect(bundle.statements).toHaveLength(43);
    const v = cli(['validate', '--standalone', out], dir);
    expect({ status: v.status, out: v.stdout }).toEqual({ status: 0, out: expect.stringMatching(/valid on its own/) });
  });

  test('export --document nope exits non-zero, naming the id', () => {
    const dir = dataDir('export-nope');
    expectExit(cli(['import', SEED_FILE], dir), 0);
    const r = cli(['export', '--document', 'nope'], dir);
    expectExit(r, 1);
    expect(r.stderr).toMatch(/NOT_FOUND: No document with id "nope"/);
    expect(r.stdout).toBe('');
  });
});
