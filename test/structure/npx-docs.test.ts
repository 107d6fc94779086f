import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/*
 * After `npm ci` there is no `claimgraph` on the PATH: the documented form is
 * `npx claimgraph …` (the package's bin, compiled by `prepare`; test/cli/bin.test.ts
 * runs it). Every command the README and docs/ tell a reader to run, in a code
 * block or an inline code span, says `npx claimgraph`. A line that starts with
 * `claimgraph <command>:` is what the program prints, not a command, and stays.
 */
const ROOT = resolve(__dirname, '../..');
const COMMANDS = ['serve', 'key', 'seed', 'import', 'export', 'validate', 'migrate', 'backup', 'restore', 'salvage', '--help', '--version', '<command>'];
const BARE = new RegExp(`(?<![\\w./@-])(?<!npx )claimgraph (?:${COMMANDS.join('|')})(?![\\w:-])`);

/** The lines of `text` a reader would run: fenced code block lines, and inline code spans. */
function commandText(text: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  let fence = false;
  text.split('\n').forEach((line, i) => {
    if (line.trimStart().startsWith('```')) {
      fence = !fence;
      return;
    }
    if (fence) found.push({ line: i + 1, text: line });
    else for (const span of line.match(/`[^`]*`/g) ?? []) found.push({ line: i + 1, text: span });
  });
  return found;
}

const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

it.each(DOCS)('%s tells the reader to run npx claimgraph, never a bare claimgraph', (doc) => {
  const bare = commandText(readFileSync(join(ROOT, doc), 'utf8'))
    .filter((c) => BARE.test(c.text))
    .map((c) => `${doc}:${c.line}: ${c.text.trim()}`);
  expect(bare).toEqual([]);
});

it('the check finds a bare command (a negative control)', () => {
  const sample = ['```sh', '$ claimgraph import x.json', 'claimgraph import: x.json failed', '```', 'run `claimgraph export --out f` and `npx claimgraph seed`'].join('\n');
  expect(commandText(sample).filter((c) => BARE.test(c.text)).map((c) => c.line)).toEqual([2, 5]);
});
