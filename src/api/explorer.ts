import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../paths';

/** Where `npm run build` writes the explorer (src/cli/build-app.ts). */
export const defaultAppDir = (): string => join(projectRoot(), 'dist', 'app');

/** One file of the explorer, ready to send. */
export interface ExplorerFile {
  body: Buffer;
  /** The same, gzipped once at start-up, for clients that accept it. */
  gzipped: Buffer;
  headers: Record<string, string>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/*
 * The page talks only to this server: no script, style, font or image from
 * anywhere else may load, so it works offline and a stray CDN reference fails
 * loudly in the browser tests. Styles set by scripts (Cytoscape's canvas
 * sizing, Preact's style props) are not restricted by style-src; the one
 * inline stylesheet is Cytoscape's own, allowed by its hash: the text
 * `.__________cytoscape_container { position: relative; }` it inserts. The
 * one inline script is index.html's boot script, allowed by its hash too,
 * computed here from the page as built.
 */
const CYTOSCAPE_STYLESHEET = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

/** The policy for index.html, whose own inline scripts (the boot script, build-app.ts) are allowed by their hashes, and nothing else inline. */
function contentSecurityPolicy(scripts: readonly string[]): string {
  const hashes = scripts.map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  return [
    "default-src 'self'",
    ["script-src 'self'", ...hashes].join(' '),
    `style-src 'self' ${CYTOSCAPE_STYLESHEET}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The text of each inline script of a page (a <script> element without src). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)].filter(([, attributes]) => !/\ssrc\s*=/i.test(attributes ?? '')).map(([, , text]) => text ?? '');
}

/**
 * The built explorer, read once at start-up: `/` is its index.html, and
 * `/assets/<name>` its scripts and styles, whose names carry a content hash
 * (so they may be cached for good, while the index is checked each time).
 * Null when the folder holds no index.html (the app is not built).
 */
export function loadExplorer(dir: string): ReadonlyMap<string, ExplorerFile> | null {
  const indexPath = join(dir, 'index.html');
  if (!existsSync(indexPath)) return null;
  const files = new Map<string, ExplorerFile>();
  const add = (path: string, file: string, cache: string, extra: Record<string, string> = {}) => {
    const body = readFileSync(file);
    files.set(path, {
      body,
      gzipped: gzipSync(body, { level: 9 }),
      headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache, 'x-content-type-options': 'nosniff', vary: 'accept-encoding', ...extra },
    });
  };
  add('/', indexPath, 'no-cache', { 'content-security-policy': contentSecurityPolicy(inlineScripts(readFileSync(indexPath, 'utf8'))), 'referrer-policy': 'no-referrer' });
  const assets = join(dir, 'assets');
  if (existsSync(assets)) {
    for (const name of readdirSync(assets)) {
      if (TYPES[extname(name)] !== undefined) add(`/assets/${name}`, join(assets, name), 'public, max-age=31536000, immutable');
    }
  }
  return files;
}
