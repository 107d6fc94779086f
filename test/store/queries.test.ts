import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cypherDir, projectRoot } from '../../src/paths';
import { checkParams, loadQueries, parseHeader, queryFilesIn, QUERY_NAMES } from '../../src/store/queries';

/** Every .ts file under src/, concatenated: to find where query names are used. */
function sourceText(dir = join(projectRoot(), 'src')): string {
  return readdirSync(dir)
    .map((f) => join(dir, f))
    .map((p) => (statSync(p).isDirectory() ? sourceText(p) : p.endsWith('.ts') ? readFileSync(p, 'utf8') : ''))
    .join('\n');
}

describe('the query table', () => {
  const table = loadQueries();

  it('has a file for every name and a name for every file', () => {
    expect(queryFilesIn().sort()).toEqual([...QUERY_NAMES].sort());
  });

  it('uses every query somewhere in src/ besides the table itself', () => {
    const code = sourceText().replace(/export const QUERY_NAMES = \[[\s\S]*?\] as const;/, '');
    const unused = QUERY_NAMES.filter((name) => !code.includes(`'${name}'`));
    expect(unused).toEqual([]);
  });

  it.each(QUERY_NAMES)('%s declares exactly the parameters it uses', (name) => {
    const { text, params } = table[name];
    const body = text.split('\n').filter((l) => !l.trim().startsWith('//')).join('\n');
    const used = [...new Set([...body.matchAll(/\$(\w+)/g)].map((m) => m[1]))].sort();
    expect([...params].sort()).toEqual(used);
  });

  it('fails at start-up, naming the file, when a query file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cypher-'));
    cpSync(cypherDir(), dir, { recursive: true });
    rmSync(join(dir, 'conflicts-page.cypher'));
    expect(() => loadQueries(dir)).toThrow(/conflicts-page\.cypher is missing/);
    rmSync(dir, { recursive: true });
  });

  it('refuses a header without a mode', () => {
    expect(() => parseHeader('x', '// @param a  something\nRETURN $a')).toThrow(/@mode read/);
  });

  it('refuses a call whose parameters differ from the header, naming both', () => {
    expect(() => checkParams(table['claims-page'], { search: null, limit: 3 })).toThrow(
      'Query claims-page declares parameters ["after","limit"] but was called with ["limit","search"].',
    );
    expect(() => checkParams(table['claims-by-ids'], { ids: [], extra: 1 })).toThrow(/called with \["extra","ids"\]/);
  });
});
