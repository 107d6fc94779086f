import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { brotliPath, CLAIM_PAGE_OPERATIONS_FILE, defaultAppDir, type ClaimPageOperation } from '../api/explorer';
import { projectRoot } from '../paths';

/** One file the build wrote, with what it costs a browser. */
export interface BuiltFile {
  name: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * Bundles the explorer (app/src) into `outDir`: index.html, with the
 * styles inside it, and under assets/ the entry script and the chunks loaded
 * on demand (the graph view's Cytoscape), each named by its content hash so
 * the server can let browsers cache them for good, and beside each served
 * file its brotli form (`<name>.br`). Everything comes from node_modules:
 * nothing is fetched at build or at run time.
 */
export async function buildApp(outDir: string = defaultAppDir()): Promise<BuiltFile[]> {
  const root = projectRoot();
  const assets = join(outDir, 'assets');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(assets, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: join(root, 'app', 'src', 'main.tsx') },
    outdir: assets,
    bundle: true,
    splitting: true,
    format: 'esm',
    // As app/tsconfig.json. Lowered to ES2020, class fields needed a helper that esbuild put in a
    // chunk of its own: one more request before a claim page's first render.
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const boot = await bootScript(root);
  const outputs = Object.keys(result.metafile.outputs).map((path) => join(root, path));
  const named = (suffix: string) => outputs.filter((p) => basename(p).startsWith('main-') && p.endsWith(suffix));
  const [script] = named('.js');
  if (script === undefined) throw new Error('esbuild wrote no entry script');
  const asset = (path: string) => `/assets/${basename(path)}`;
  // The chunks the entry imports statically are announced with it, so the browser fetches them together, not one after the other.
  const chunks = (result.metafile.outputs[relative(root, script)]?.imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => asset(i.path));
  // V8's compile hint for the scripts every page runs at once: their functions are compiled while
  // they stream in, on a background thread, instead of one by one on the main thread during the
  // first render (9 ms of a claim page's 23 ms of evaluation there, in thread time). Added after
  // esbuild named the files by their content: the same sources still give the same names.
  for (const path of [script, ...chunks.map((chunk) => join(assets, basename(chunk)))]) writeFileSync(path, `${COMPILE_HINT}\n${readFileSync(path, 'utf8')}`);
  // The stylesheet (7 KB, 2.5 KB gzipped) goes inside index.html: no request of its own before the first frame; it is parsed with the HTML, while the scripts are on their way.
  const styles = named('.css').map((css) => readFileSync(css, 'utf8').trim());
  for (const css of named('.css')) rmSync(css);
  if (styles.some((css) => /<\/style/i.test(css))) throw new Error('the stylesheet contains "</style", which would end it early in index.html');
  const head = [
    `<script>${boot}</script>`,
    ...styles.map((css) => `<style>${css}</style>`),
    ...chunks.map((chunk) => `<link rel="modulepreload" href="${chunk}">`),
    `<script type="module" src="${asset(script)}"></script>`,
  ];
  const template = readFileSync(join(root, 'app', 'index.html'), 'utf8');
  writeFileSync(join(outDir, 'index.html'), template.replace('<!-- assets -->', head.join('\n')));
  writeFileSync(join(outDir, CLAIM_PAGE_OPERATIONS_FILE), `${JSON.stringify(await claimPageOperations(root), null, 2)}\n`);
  const served = [join(outDir, 'index.html'), ...outputs.filter((path) => !path.endsWith('.css'))];
  await Promise.all(served.map(writeBrotli));
  const sized = (name: string, body: Buffer): BuiltFile => ({ name, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
  return [
    ...served.map((path) => sized(relative(outDir, path), readFileSync(path))),
    // Counted with the app's JavaScript, though it travels inside index.html.
    sized(BOOT_SCRIPT_NAME, Buffer.from(boot)),
  ];
}

/**
 * Writes `<file>.br`: the file compressed by brotli at its best (quality 11,
 * some 2 s for Cytoscape's chunk), done here once rather than by the server
 * at each start. About a tenth smaller than gzip at its best (Cytoscape's
 * chunk: 132 against 157 KB); browsers ask for it on HTTPS and localhost.
 */
async function writeBrotli(file: string): Promise<void> {
  const body = readFileSync(file);
  const compressed = await promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  writeFileSync(brotliPath(file), compressed);
}

/** V8's explicit compile hint (Chromium 136 and later): the whole file is compiled eagerly, off the main thread. It must open the file. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** How the build lists index.html's inline boot script among its files. */
export const BOOT_SCRIPT_NAME = 'index.html <script> boot.js';

/**
 * app/src/boot.ts as one classic script, for index.html's head: it asks for
 * a shared claim link's queries before the app's own script has arrived.
 */
async function bootScript(root: string): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'app', 'src', 'boot.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const text = result.outputFiles[0]?.text.trim() ?? '';
  if (text === '') throw new Error('esbuild wrote no boot script');
  // Inlined in HTML: the text must not end its own script element.
  if (/<\/script/i.test(text)) throw new Error('the boot script contains "</script", which would end it early in index.html');
  return text;
}

/**
 * The claim page's first operations, exactly as this build of the app sends
 * them (app/src/claim-queries.ts's claimPageOperations, with `id` empty): the
 * server runs them on a `/claims/<id>` navigation and embeds the answers in
 * the page. Read by bundling that module and running it here, so that the
 * server cannot drift from the app it serves.
 */
async function claimPageOperations(root: string): Promise<ClaimPageOperation[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'app', 'src', 'claim-queries.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2020',
    logLevel: 'warning',
  });
  const module = { exports: {} as { claimPageOperations?: (id: string) => ClaimPageOperation[] } };
  new Function('module', 'exports', result.outputFiles[0]?.text ?? '')(module, module.exports);
  const operations = module.exports.claimPageOperations?.('');
  if (!Array.isArray(operations) || operations.length === 0) throw new Error('app/src/claim-queries.ts exports no claimPageOperations');
  return operations;
}

/** The JavaScript a browser downloads for the whole app, gzipped, in bytes. */
export const scriptBytesGzipped = (files: readonly BuiltFile[]): number => files.filter((f) => f.name.endsWith('.js')).reduce((n, f) => n + f.gzipBytes, 0);

if (require.main === module) {
  buildApp()
    .then((files) => {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      for (const f of files) console.log(`  ${f.name.padEnd(32)} ${kb(f.bytes).padStart(10)}  ${kb(f.gzipBytes).padStart(9)} gzipped`);
      console.log(`explorer built into ${relative(process.cwd(), defaultAppDir()) || '.'}: JavaScript ${kb(scriptBytesGzipped(files))} gzipped`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
