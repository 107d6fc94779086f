/**
 * The `claimgraph` command line as a user runs it, on an embedded store in a
 * temporary data folder, with its exit codes and what it prints. The commands
 * run in-process (test/cli/in-process.ts: the same code as the built CLI, with
 * its own environment, stdio and exit code), which spares a Node start-up per
 * run; the built CLI runs as a child process where the process boundary is the
 * point: a store locked by another process, and `export | import` through a pipe.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open';
import { buildCliOnce, cli, cliPipe, type CliResult, ROOT, SEED_FILE, tempDir } from './build';
import { cliInProcess as run } from './in-process';

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
/** Each problem of the broken seed: its path and the record it is in (docs/BUNDLE.md, "What the validator reports"). */
const BROKEN: [string, string][] = [
  ['$.sources[4].kind', 'src-khaled-al-masoud'],
  ['$.statements[2].stance', 'st-airwars-asserts-us-operation-killed'],
  ['$.links[0].to', 'link CONTRADICTS claim-al-masoud-was-is-official → claim-that-does-not-exist'],
];

/** Two halves of a set: statements that need the other half's source and claim. */
const setSources = {
  format: 'claimgraph-bundle',
  version: 2,
  sources: [{ id: 'src-set', name: 'A source of the set test', kind: 'PERSON', anonymous: false }],
  claims: [{ id: 'claim-set', text: 'The set test made this claim.' }],
};
const setStatements = { format: 'claimgraph-bundle', version: 2, statements: [{ id: 'st-set', source: 'src-set', claim: 'claim-set', stance: 'ASSERTS', hedge: 'probably' }] };

/** A small valid bundle, all new records, that refers to the seed. */
const extraBundle = {
  format: 'claimgraph-bundle',
  version: 1,
  sources: [{ id: 'src-cli-test', name: 'A source added by the CLI test', kind: 'PERSON', anonymous: false }],
  claims: [{ id: 'claim-cli-test', text: 'The CLI test added this claim.' }],
  statements: [{ id: 'st-cli-test', source: 'src-cli-test', claim: 'claim-cli-test', stance: 'ASSERTS', document: 'doc-dumayr-report' }],
};

describe('the in-process runs stand for the built CLI', () => {
  // The rest of this file runs the commands in-process; this is what makes that a test of the CLI.
  test('a failing command and an export print the same, byte for byte, with the same exit code, as the built CLI in a child process', async () => {
    const dir = dataDir('in-process-vs-child');
    expectExit(await run(['import', SEED_FILE], dir), 0);
    const broken = file('broken-both-ways.json', brokenSeed());
    for (const args of [['validate', '--standalone', broken], ['export'], ['import', '--frob']]) {
      const child = cli(args, dir);
      const inProcess = await run(args, dir);
      expect({ args, ...inProcess }).toEqual({ args, ...child });
    }
  });
});

describe('help and usage errors', () => {
  test('--help lists every command and exits 0', async () => {
    const r = await run(['--help'], dataDir('unused'));
    expectExit(r, 0);
    for (const command of ['serve', 'seed', 'import', 'export', 'validate']) expect(r.stdout).toMatch(new RegExp(`^\\s+${command}\\s`, 'm'));
    expect(r.stdout).toMatch(/Exit codes/);
  });

  test('import --help shows the import usage and its options, and exits 0', async () => {
    const r = await run(['import', '--help'], dataDir('unused'));
    expectExit(r, 0);
    expect(r.stdout).toMatch(/^Usage: claimgraph import/);
    expect(r.stdout).toMatch(/--editor NAME/);
    expect(r.stdout).toMatch(/--dry-run/);
  });

  test('each command has its own help', async () => {
    for (const command of ['serve', 'seed', 'export', 'validate']) {
      const r = await run([command, '--help'], dataDir('unused'));
      expect({ command, status: r.status, usage: r.stdout.split('\n')[0] }).toEqual({ command, status: 0, usage: expect.stringMatching(new RegExp(`^Usage: claimgraph ${command}`)) });
    }
  });

  test('an unknown command exits 2 with one line and where the help is, not the whole help', async () => {
    const r = await run(['frobnicate'], dataDir('unused'));
    expectExit(r, 2);
    expect(r.stderr).toBe('claimgraph: Unknown command "frobnicate": expected one of serve, key, seed, import, export, validate, migrate, backup, restore, salvage.\nSee "npx claimgraph --help".\n');
    expect((await run(['exprot'], dataDir('unused'))).stderr).toBe('claimgraph: Unknown command "exprot": did you mean export?\nSee "npx claimgraph --help".\n');
  });

  test('an unknown option exits 2 with one line, a did-you-mean and where the help is; nothing is opened', async () => {
    const r = await run(['import', '--frob', SEED_FILE], dataDir('unknown-option'));
    expectExit(r, 2);
    expect(r.stderr).toBe('claimgraph: Unknown option --frob for import.\nSee "npx claimgraph import --help".\n');
    const near = await run(['import', '--dryrun', SEED_FILE], dataDir('unknown-option'));
    expectExit(near, 2);
    expect(near.stderr).toBe('claimgraph: Unknown option --dryrun for import: did you mean --dry-run?\nSee "npx claimgraph import --help".\n');
  });

  test('--version prints the version and exits 0', async () => {
    const r = await run(['--version'], dataDir('unused'));
    expectExit(r, 0);
    expect(r.stdout).toBe(`claimgraph ${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  test('a missing file is a usage error (exit 2), reported before anything is imported', async () => {
    const r = await run(['import', SEED_FILE, join(tmp.path, 'no-such.json')], dataDir('missing-file'));
    expectExit(r, 2);
    expect(r.stderr).toMatch(/No such file or directory: .*no-such\.json/);
    expect(r.stdout).not.toMatch(/Importing/);
  });

  test('a configuration error exits 2 with the CONFIG_INVALID message', async () => {
    const r = await run(['export'], dataDir('config'), { env: { CLAIMGRAPH_SEED: 'sometimes' } });
    expectExit(r, 2);
    expect(r.stderr).toMatch(/CONFIG_INVALID: Invalid configuration:\n\s+CLAIMGRAPH_SEED: expected "auto" or "off", got "sometimes"/);
  });
});

describe('validate', () => {
  test('--standalone accepts the seed and exits 0', async () => {
    const r = await run(['validate', '--standalone', SEED_FILE], dataDir('unused'));
    expectExit(r, 0);
    expect(r.stdout).toMatch(/valid on its own \(19 sources, 11 affiliations, 18 entities, 1 document, 34 claims, 43 statements, 6 links\)/);
  });

  test('--standalone on a broken bundle exits 1 and lists all three problems with their paths, records and file', async () => {
    const broken = file('broken.json', brokenSeed());
    const r = await run(['validate', '--standalone', broken], dataDir('unused'));
    expectExit(r, 1);
    expect(r.stdout).toMatch(/3 problem\(s\)/);
    for (const [path, id] of BROKEN) expect(r.stdout).toContain(`  ${path} (id ${JSON.stringify(id)}) in ${broken}: expected `);
    expect(r.stdout).toMatch(/got "DENY"/);
    expect(r.stdout).toMatch(/The bundle is invalid\./);
  });

  test('a file that is not JSON is invalid (exit 1), with where the JSON breaks', async () => {
    const r = await run(['validate', '--standalone', file('not-json.json', '{"format": "claimgraph-bundle",,}')], dataDir('unused'));
    expectExit(r, 1);
    expect(r.stdout).toMatch(/not-json\.json: invalid: .* is not valid JSON: .*\(line 1, column \d+\)/);
  });

  test('several files are one set: references resolve across them, whatever their names', async () => {
    const set = tempDir('claimgraph-cli-set-');
    try {
      // a.json needs b.json's source: a set, not two bundles.
      writeFileSync(join(set.path, 'a.json'), JSON.stringify(setStatements));
      writeFileSync(join(set.path, 'b.json'), JSON.stringify(setSources));
      const r = await run(['validate', '--standalone', set.path], dataDir('unused'));
      expectExit(r, 0);
      expect(r.stdout).toContain(`the set of 2 files (${join(set.path, 'b.json')}, ${join(set.path, 'a.json')}): valid on its own (1 source, 0 affiliations, 0 entities, 0 documents, 1 claim, 1 statement, 0 links).`);
      expect(r.stdout).toMatch(/The set of 2 bundles is valid\./);

      // --each checks each file alone: a.json's reference dangles, named with its record and file.
      const each = await run(['validate', '--standalone', '--each', set.path], dataDir('unused'));
      expectExit(each, 1);
      expect(each.stdout).toContain(
        `  $.statements[0].source (id "st-set") in ${join(set.path, 'a.json')}: expected the id of a source in the bundle or the graph, got unknown source id "src-set"`,
      );
      expect(each.stdout).toMatch(/1 of 2 bundle\(s\) invalid\./);

      // Against a store, and as an import's dry run, the set is one too.
      const dir = dataDir('set-against-store');
      expectExit(await run(['validate', set.path], dir), 0);
      const dry = await run(['import', '--dry-run', set.path], dir);
      expectExit(dry, 0);
      expect([table(dry.stdout).sources, table(dry.stdout).statements]).toEqual([[1, 0, 0], [1, 0, 0]]);
    } finally {
      set.remove();
    }
  });

  test('a record defined differently in two files of a set is a problem naming both files', async () => {
    const one = file('one.json', setSources);
    const other = file('other.json', { ...setSources, sources: [{ ...setSources.sources[0], name: 'Another name' }] });
    const r = await run(['validate', '--standalone', one, other], dataDir('unused'));
    expectExit(r, 1);
    expect(r.stdout).toContain(`  $.sources[0].id (id "src-set") in ${other}: expected the same record as in ${one} ($.sources[0]), or an id of its own, got id "src-set" defined differently (name)`);
  });

  test('against the store it says what import would do, and writes nothing', async () => {
    const dir = dataDir('validate-store');
    const r = await run(['validate', SEED_FILE], dir);
    expectExit(r, 0);
    expect(table(r.stdout).statements).toEqual([43, 0, 0]);
    const again = await run(['validate', SEED_FILE], dir);
    expect(table(again.stdout).statements).toEqual([43, 0, 0]); // the first validate wrote nothing
  });
});

describe('import', () => {
  test('the seed: created counts, then a second import leaves everything unchanged', async () => {
    const dir = dataDir('import-twice');
    const first = await run(['import', SEED_FILE], dir);
    expect({ status: first.status, table: table(first.stdout) }).toEqual({
      status: 0,
      table: { sources: [19, 0, 0], affiliations: [11, 0, 0], entities: [18, 0, 0], documents: [1, 0, 0], claims: [34, 0, 0], statements: [43, 0, 0], links: [6, 0, 0] },
    });
    expect(first.stdout).toMatch(/names matched to records in the graph: none/);
    // Not a terminal: progress is printed as lines, at most one per 10 %, ending at 100 %.
    const progress = first.stderr.split('\n').filter((l) => l.startsWith('writing '));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThanOrEqual(11);
    const total = Number(/: 100% \((\d+) of \1 rows/.exec(progress[progress.length - 1] ?? '')?.[1]);
    // At least one row per record of the table (132); appearances and positions add their own rows.
    expect(total).toBeGreaterThanOrEqual(132);
    expect(first.stdout).toMatch(new RegExp(`^Wrote ${total} rows in [\\d.]+ s: [\\d,]+ statements/s \\(43 statements written\\), [\\d,]+ rows/s\\.$`, 'm'));
    expect(first.stderr).not.toMatch(/\r/);

    const second = await run(['import', SEED_FILE], dir);
    expectExit(second, 0);
    expect(table(second.stdout)).toEqual({
      sources: [0, 0, 19], affiliations: [0, 0, 11], entities: [0, 0, 18], documents: [0, 0, 1], claims: [0, 0, 34], statements: [0, 0, 43], links: [0, 0, 6],
    });
    // Nothing written, so no rate of it: no "Wrote 0 rows", no rate of the statements only checked.
    expect(second.stdout).toMatch(/^Nothing changed: every record was already in the store, as it is in the bundle \(checked 43 statements in [\d.]+ s\)\.$/m);
    expect(second.stdout).not.toMatch(/Wrote|\/s\b|NaN|Infinity/);
  });

  test('--commit-every N: one commit per piece, a line each; run again, every piece is found already there', async () => {
    const dir = dataDir('commit-every');
    const first = await run(['import', '--commit-every', '20', SEED_FILE], dir);
    expectExit(first, 0);
    const pieces = (r: { stdout: string }) => r.stdout.split('\n').filter((l) => l.startsWith('  piece '));
    // The records other than statements, then the 43 statements 20 a commit.
    expect(pieces(first)).toEqual([
      expect.stringMatching(/^  piece 1 of 4 \(sources, .*\): committed, \d+ records created or updated$/),
      '  piece 2 of 4 (statements 1 to 20 of 43): committed, 20 records created or updated',
      '  piece 3 of 4 (statements 21 to 40 of 43): committed, 20 records created or updated',
      '  piece 4 of 4 (statements 41 to 43 of 43): committed, 3 records created or updated',
    ]);
    expect(table(first.stdout)).toMatchObject({ statements: [43, 0, 0], claims: [34, 0, 0] });
    const again = await run(['import', '--commit-every', '20', SEED_FILE], dir);
    expectExit(again, 0);
    expect(pieces(again).every((l) => l.endsWith('already in the graph, nothing written (resumed after it)'))).toBe(true);
    expect(pieces(again)).toHaveLength(4);
    const refused = await run(['import', '--commit-every', '0', SEED_FILE], dir);
    expectExit(refused, 2);
    expect(refused.stderr).toMatch(/--commit-every of import must be a whole number from 1, got "0"/);
  });

  test('the report names the records matched by name, the possible duplicates and the notes of a version 1 upgrade', async () => {
    const dir = dataDir('report-lists');
    // The seed as version 1 coded it (the seed file is version 2 now, with no upgrade to note).
    const seeded = await run(['import', join(ROOT, 'test', 'seed', 'dumayr-v1.bundle.json')], dir);
    expectExit(seeded, 0);
    // The seed's two version 1 relays (docs/BUNDLE.md, "Version 1"): the mother relays her son on another
    // claim, so her statement stays her own speech, with a note; Emily Tripp relays the US government on
    // the same claim, and that source only, so her statement is derived from it, without a note.
    const notes = seeded.stdout.split('\n').filter((l) => l.startsWith('  note: '));
    expect(notes).toEqual([expect.stringContaining('(id "st-mother-asserts-identified-himself")')]);
    const exported = JSON.parse((await run(['export'], dir)).stdout) as { statements: { id: string; derivedFrom: string | null }[] };
    expect(exported.statements.find((st) => st.id === 'st-tripp-asserts-us-mistakes')?.derivedFrom).toBe('st-us-government-designated-mistakes');

    const generic = file('generic.json', { format: 'claimgraph-bundle', version: 2, sources: [{ id: 'zz-family', name: 'The family', kind: 'GROUP', anonymous: false }] });
    const r = await run(['import', join(ROOT, 'test', 'fixtures', 'dumayr-follow-up.bundle.json'), generic], dir);
    expectExit(r, 0);
    expect(r.stdout).toMatch(/names matched to records in the graph: 2\n/);
    // fx-airwars is the smaller id: the seed's src-airwars is renamed to it.
    expect(r.stdout).toContain('    source fx-airwars → fx-airwars, the stored records of the same name renamed to it (name key "airwars")');
    expect(r.stdout).toContain('    entity fx-al-masoud → ent-khaled-al-masoud (name key "khaled al masoud")');
    expect(r.stdout).toMatch(/possible duplicates, for an editor to confirm or reject \(never merged alone\): 1\n {4}source src-al-masoud-family ~ zz-family \(generic name "family"\)/);
  });

  test('the editor is --editor, else $CLAIMGRAPH_EDITOR, and is recorded on the records', async () => {
    const dir = dataDir('editor');
    const r = await run(['import', SEED_FILE], dir, { env: { CLAIMGRAPH_EDITOR: 'env-editor@example.org' } });
    expect(r.stdout).toMatch(/as env-editor@example\.org/);
    const r2 = await run(['import', '--editor', 'flag-editor@example.org', file('extra-editor.json', extraBundle)], dir, { env: { CLAIMGRAPH_EDITOR: 'env-editor@example.org' } });
    expectExit(r2, 0);
    const exported = JSON.parse((await run(['export'], dir)).stdout) as { sources: { id: string; recorded: { createdBy: string } }[] };
    expect(exported.sources.find((s) => s.id === 'src-cli-test')?.recorded.createdBy).toBe('flag-editor@example.org');
    expect(exported.sources.find((s) => s.id === 'src-airwars')?.recorded.createdBy).toBe('env-editor@example.org');
  });

  test('a set with a broken file writes nothing at all, and names each problem\'s record and file', async () => {
    const dir = dataDir('failing-set');
    expectExit(await run(['import', SEED_FILE], dir), 0);
    const before = await run(['export'], dir);
    const broken = file('2-broken-set.json', brokenSeed());
    const extra = file('3-extra-set.json', extraBundle);
    const r = await run(['import', broken, extra], dir);
    expectExit(r, 1);
    expect(r.stderr).toMatch(/the set of 2 files .* failed: the bundle has \d+ problem\(s\):/);
    expect(r.stderr).toContain(
      `  $.statements[2].stance (id "st-airwars-asserts-us-operation-killed") in ${broken}: expected one of ASSERTS, DENIES, WITHDRAWS, NO_RESPONSE, NOT_ACKNOWLEDGED, HEDGES, DOUBTS, got "DENY"`,
    );
    expect(r.stderr).toMatch(/Nothing was written \(the set is imported in one transaction: all of it or none of it\)\./);
    // Byte for byte: neither the valid file of the set nor the rename in the broken one.
    expect((await run(['export'], dir)).stdout).toBe(before.stdout);
  });

  test('--each: a failing second file writes nothing from it, the first stays, the third is skipped', async () => {
    const dir = dataDir('failing-second');
    expectExit(await run(['import', SEED_FILE], dir), 0);
    const afterFirst = await run(['export'], dir);
    expectExit(afterFirst, 0);

    const broken = file('2-broken.json', brokenSeed());
    const third = file('3-extra.json', extraBundle);
    const r = await run(['import', '--each', SEED_FILE, broken, third], dir);
    expectExit(r, 1);
    expect(r.stderr).toMatch(/2-broken\.json failed: the bundle has \d+ problem\(s\):/);
    expect(r.stderr).toContain(`$.statements[2].stance (id "st-airwars-asserts-us-operation-killed") in ${broken}: expected one of ASSERTS, DENIES, WITHDRAWS, NO_RESPONSE, NOT_ACKNOWLEDGED, HEDGES, DOUBTS, got "DENY"`);
    expect(r.stderr).toMatch(/Nothing from .*2-broken\.json was written/);
    expect(r.stderr).toMatch(/Already imported, and kept: .*dumayr\.bundle\.json\./);
    expect(r.stderr).toMatch(/Skipped, not imported: .*3-extra\.json\./);

    const afterFailure = await run(['export'], dir);
    expect(afterFailure.stdout).toBe(afterFirst.stdout); // byte for byte: not even the rename in the broken file
    expect(afterFailure.stdout).not.toContain('claim-cli-test');
  });

  test('a directory is one set of its *.json files, in dependency order: a first file that needs a later one imports', async () => {
    const bundles = tempDir('claimgraph-cli-bundles-');
    try {
      writeFileSync(join(bundles.path, '1-extra.json'), JSON.stringify(extraBundle)); // needs the seed's document
      writeFileSync(join(bundles.path, '2-seed.json'), readFileSync(SEED_FILE));
      writeFileSync(join(bundles.path, 'notes.txt'), 'not a bundle');
      const seedPath = join(bundles.path, '2-seed.json');
      const extraPath = join(bundles.path, '1-extra.json');
      const r = await run(['import', bundles.path], dataDir('directory'));
      expectExit(r, 0);
      expect(r.stdout).toContain(`Importing the set of 2 files (${seedPath}, ${extraPath}), as one set in dependency order into `);
      expect(table(r.stdout).statements).toEqual([44, 0, 0]);

      // --each imports them one by one, each after what it needs.
      const each = await run(['import', '--each', bundles.path], dataDir('directory-each'));
      expect({ status: each.status, imported: each.stdout.match(/^Importing \S+/gm) }).toEqual({ status: 0, imported: [`Importing ${seedPath}`, `Importing ${extraPath}`] });
    } finally {
      bundles.remove();
    }
  });

  test('a file that is not JSON exits 1, and says nothing from it was written', async () => {
    const r = await run(['import', file('truncated.json', JSON.stringify(SEED).slice(0, 500))], dataDir('truncated'));
    expectExit(r, 1);
    expect(r.stderr).toMatch(/truncated\.json is not valid JSON/);
    expect(r.stderr).toMatch(/Nothing was imported\./);
  });

  test('a locked store is a store error (exit 3), naming the file and the running server that holds it', async () => {
    const dir = dataDir('locked');
    const holder = await openStore({ engine: 'embedded', path: join(dir, 'graph.grafeo') });
    try {
      const r = cli(['import', SEED_FILE], dir);
      expectExit(r, 3);
      // Says who holds it and the way that works, not the engine's "cannot be locked".
      expect(r.stderr).toMatch(/STORE_UNAVAILABLE: The embedded store at .*graph\.grafeo is in use by another process, most likely a running "claimgraph serve"/);
      expect(r.stderr).toContain('POST /admin/backup');
      expect(r.stderr).not.toContain('cannot be locked');
      expect(r.stderr).toMatch(/Nothing was imported\./);
    } finally {
      await holder.close();
    }
  });

  test('--dry-run reports what would change and writes nothing', async () => {
    const dir = dataDir('dry-run');
    const r = await run(['import', '--dry-run', SEED_FILE], dir);
    expectExit(r, 0);
    expect(r.stdout).toMatch(/would create/);
    expect(table(r.stdout).claims).toEqual([34, 0, 0]);
    expect(r.stdout).toMatch(/Dry run: nothing was written/);
    expect(JSON.parse((await run(['export'], dir)).stdout)).toMatchObject({ sources: [], statements: [] });
  });
});

describe('export', () => {
  test('export | import into a second data folder round-trips: both exports are the same JSON', async () => {
    const a = dataDir('round-trip-a');
    const b = dataDir('round-trip-b');
    expectExit(await run(['import', SEED_FILE], a), 0);
    const [exported, imported] = await cliPipe({ args: ['export'], dataDir: a }, { args: ['import'], dataDir: b });
    expect({ export: exported.status, import: imported.status }).toEqual({ export: 0, import: 0 });
    expect(imported.stdout).toMatch(/Importing stdin/);
    expect(table(imported.stdout).statements).toEqual([43, 0, 0]);

    const fromA = await run(['export'], a);
    const fromB = await run(['export'], b);
    expect(fromB.stdout).toBe(fromA.stdout);
    // Pretty JSON, 2-space indent, audit fields travelled with the records.
    expect(fromA.stdout.startsWith('{\n  "format": "claimgraph-bundle",\n  "version": 2,')).toBe(true);
    expect((JSON.parse(fromB.stdout) as { claims: { recorded: unknown }[] }).claims[0]?.recorded).toMatchObject({ createdBy: expect.stringMatching(/^cli:/) });
  });

  test('export --document doc-dumayr-report --out FILE writes a bundle that validates standalone', async () => {
    const dir = dataDir('export-document');
    expectExit(await run(['import', SEED_FILE], dir), 0);
    const out = join(tmp.path, 'document.json');
    const r = await run(['export', '--document', 'doc-dumayr-report', '--out', out], dir);
    expectExit(r, 0);
    expect(r.stdout).toBe('');
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { documents: { id: string }[]; statements: unknown[] };
    expect(bundle.documents.map((d) => d.id)).toEqual(['doc-dumayr-report']);
    expect(bundle.statements).toHaveLength(43);
    const v = await run(['validate', '--standalone', out], dir);
    expect({ status: v.status, out: v.stdout }).toEqual({ status: 0, out: expect.stringMatching(/valid on its own/) });
  });

  test('export --document nope exits non-zero, naming the id', async () => {
    const dir = dataDir('export-nope');
    expectExit(await run(['import', SEED_FILE], dir), 0);
    const r = await run(['export', '--document', 'nope'], dir);
    expectExit(r, 1);
    expect(r.stderr).toMatch(/NOT_FOUND: No document with id "nope"/);
    expect(r.stdout).toBe('');
  });
});
