import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/*
 * The layers of src/, top to bottom: cli → api → analysis → graph → store →
 * the base (errors, paths, config). A module imports from its own layer or a
 * lower one, never a higher one, and no chain of imports (type-only ones
 * included: they tie modules together as much for a reader) comes back to
 * where it started.
 */
const SRC = resolve(__dirname, '../../src');
const LAYERS = ['base', 'store', 'graph', 'analysis', 'api', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

function layerOf(file: string): Layer {
  const top = relative(SRC, file).split('/')[0] ?? '';
  return (LAYERS as readonly string[]).includes(top) ? (top as Layer) : 'base';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of a file (`import … from './x'`, `export … from`, `import('./x')`), resolved to files. */
export function importsOf(file: string, text: string = readFileSync(file, 'utf8')): string[] {
  const found = new Set<string>();
  const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm;
  for (const match of text.matchAll(specifier)) {
    const target = resolve(dirname(file), match[1]!);
    const candidates = [`${target}.ts`, join(target, 'index.ts'), target];
    const hit = candidates.find((c) => { try { return statSync(c).isFile(); } catch { return false; } });
    if (hit !== undefined) found.add(hit);
  }
  return [...found];
}

/** Upward imports, as "from → to" lines. */
export function upwardImports(graph: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      if (LAYERS.indexOf(layerOf(to)) > LAYERS.indexOf(layerOf(from))) out.push(`${relative(SRC, from)} → ${relative(SRC, to)}`);
    }
  }
  return out.sort();
}

/** Every strongly connected component of more than one module (or a module importing itself), as sorted file lists. */
export function cycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative enough for a few hundred modules.
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.map((f) => relative(SRC, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return out;
}

const graphOf = (files: string[]): Map<string, string[]> => new Map(files.map((f) => [f, importsOf(f)]));

describe('the layers of src/', () => {
  const graph = graphOf(sourceFiles(SRC));

  it('reads the imports of every module (so an empty answer below means something)', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(join(SRC, 'api/server.ts'))!.length).toBeGreaterThan(5);
  });

  it('has no import from a higher layer (cli → api → analysis → graph → store → base)', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('would catch an upward import and a cycle (negative controls)', () => {
    const a = join(SRC, 'store/a.ts');
    const b = join(SRC, 'api/b.ts');
    const c = join(SRC, 'store/c.ts');
    const fake = new Map([
      [a, [b]],
      [b, [c]],
      [c, [a]],
    ]);
    expect(upwardImports(fake)).toEqual(['store/a.ts → api/b.ts']);
    expect(cycles(fake)).toEqual([['api/b.ts', 'store/a.ts', 'store/c.ts']]);
    // The import reader sees every form of relative import.
    const text = "import type { X } from '../store/port';\nexport { y } from './rows';\nconst m = import('../errors');\nimport './side-effect-free';";
    expect(importsOf(join(SRC, 'store/x.ts'), text).map((f) => relative(SRC, f)).sort()).toEqual(['errors.ts', 'store/port.ts', 'store/rows.ts']);
  });
});
