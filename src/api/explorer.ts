import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, createGzip, gzipSync } from 'node:zlib';
import { projectRoot } from '../paths';

/** Where `npm run build` writes the explorer (src/cli/build-app.ts). */
export const defaultAppDir = (): string => join(projectRoot(), 'dist', 'app');

/** One file of the explorer, ready to send. */
export interface ExplorerFile {
  body: Buffer;
  /** The same, gzipped once at start-up, for clients that accept it. */
  gzipped: Buffer;
  /** The same, compressed with brotli at its best by the build (`<name>.br` beside it; about a tenth smaller than gzip), or null for a build without it. */
  brotli: Buffer | null;
  headers: Record<string, string>;
}

/** Where the build writes a file's brotli form: beside it, named `<name>.br`. */
export const brotliPath = (file: string): string => `${file}.br`;

/**
 * The content codings an Accept-Encoding header allows (RFC 9110, 12.5.3):
 * each listed coding whose weight is not 0. `*` stands for any coding not
 * listed. Codings are matched without regard to case.
 */
export function acceptsEncoding(header: string | undefined, coding: 'br' | 'gzip'): boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...parameters] = part.split(';').map((p) => p.trim().toLowerCase());
    if (name === '') continue;
    const q = parameters.find((p) => p.startsWith('q='));
    weights.set(name, q === undefined ? 1 : Number(q.slice(2)));
  }
  const weight = weights.get(coding) ?? weights.get('*') ?? 0;
  return weight > 0;
}

/** The body to send for `file` and the coding it is in: brotli when the client accepts it and the build wrote it, else gzip when accepted, else the file as it is. */
export function encodedBody(file: ExplorerFile, acceptEncoding: string | undefined): { body: Buffer; coding: 'br' | 'gzip' | null } {
  if (file.brotli !== null && acceptsEncoding(acceptEncoding, 'br')) return { body: file.brotli, coding: 'br' };
  if (acceptsEncoding(acceptEncoding, 'gzip')) return { body: file.gzipped, coding: 'gzip' };
  return { body: file.body, coding: null };
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
 * sizing, Preact's style props) are not restricted by style-src; the
 * inline stylesheets are the app's own, in index.html, and Cytoscape's,
 * allowed by their hashes: Cytoscape's is the text
 * `.__________cytoscape_container { position: relative; }` it inserts. The
 * one inline script is index.html's boot script. The page's hashes are
 * computed here from the page as built.
 */
const CYTOSCAPE_STYLESHEET = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy for index.html, whose own inline scripts (the boot script) and stylesheet (build-app.ts) are allowed by their hashes, and nothing else inline. */
function contentSecurityPolicy(scripts: readonly string[], styles: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts.map(sha256)].join(' '),
    ["style-src 'self'", CYTOSCAPE_STYLESHEET, ...styles.map(sha256)].join(' '),
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

/** The text of each <style> element of a page. */
const inlineStyles = (html: string): string[] => [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map(([, text]) => text ?? '');

/** The headers of index.html, wherever it is served: its CSP allows its own inline scripts and styles by their hashes. */
const indexHeaders = (html: string): Record<string, string> => ({ 'content-security-policy': contentSecurityPolicy(inlineScripts(html), inlineStyles(html)), 'referrer-policy': 'no-referrer' });

/**
 * The built explorer, read once at start-up: `/` is its index.html, and
 * `/assets/<name>` its scripts and styles, whose names carry a content hash
 * (so they may be cached for good, while the index is checked each time).
 * Each is kept gzipped too, and in brotli when the build wrote it so.
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
      brotli: existsSync(brotliPath(file)) ? readFileSync(brotliPath(file)) : null,
      headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache, 'x-content-type-options': 'nosniff', vary: 'accept-encoding', ...extra },
    });
  };
  add('/', indexPath, 'no-cache', indexHeaders(readFileSync(indexPath, 'utf8')));
  const assets = join(dir, 'assets');
  if (existsSync(assets)) {
    for (const name of readdirSync(assets)) {
      if (TYPES[extname(name)] !== undefined) add(`/assets/${name}`, join(assets, name), 'public, max-age=31536000, immutable');
    }
  }
  return files;
}

/** Where the build writes the claim page's first operations (build-app.ts), for the server to run on a permalink. */
export const CLAIM_PAGE_OPERATIONS_FILE = 'claim-page-operations.json';

/** One GraphQL operation the claim page sends first; its `$id` is the claim's. */
export interface ClaimPageOperation {
  query: string;
  variables: Record<string, unknown>;
}

/** The path of a claim's permalink, `/claims/<id>` (app/src/routes.ts), and the id it names; null for any other path or a malformed id. */
export function claimOfPermalinkPath(path: string): string | null {
  const match = /^\/claims\/([^/]+)$/.exec(path);
  if (match === null) return null;
  try {
    const id = decodeURIComponent(match[1]!);
    return id === '' ? null : id;
  } catch {
    return null;
  }
}

/** index.html cut where the permalink's answers go (before </body>), with the operations to run and the headers to send. */
export interface ClaimPermalinkPage {
  before: string;
  after: string;
  operations: readonly ClaimPageOperation[];
  headers: Record<string, string>;
}

/**
 * What the server needs to answer a claim's permalink: null when the build
 * has no operations file (an older build: the permalink then serves nothing,
 * and hash links still work) or its index.html has no </body>.
 */
export function loadClaimPermalinkPage(dir: string): ClaimPermalinkPage | null {
  const indexPath = join(dir, 'index.html');
  const operationsPath = join(dir, CLAIM_PAGE_OPERATIONS_FILE);
  if (!existsSync(indexPath) || !existsSync(operationsPath)) return null;
  const html = readFileSync(indexPath, 'utf8');
  const cut = html.lastIndexOf('</body>');
  if (cut < 0) return null;
  const operations = JSON.parse(readFileSync(operationsPath, 'utf8')) as ClaimPageOperation[];
  return {
    before: html.slice(0, cut),
    after: html.slice(cut),
    operations,
    headers: { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', vary: 'accept-encoding', ...indexHeaders(html) },
  };
}

/** One operation's answer as the app takes it from the page (app/src/transport.ts's takeEmbeddedAnswers). */
export interface EmbeddedAnswer extends ClaimPageOperation {
  data: unknown;
}

/**
 * JSON inside a <script type="application/json"> element: never run (so the
 * CSP has nothing to allow), and with every "<" escaped, so that no text in
 * the graph (a claim that reads "</script>…") can end the element.
 */
export const embeddedJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * Answers a claim's permalink: the page's head goes out at once (so the
 * browser fetches the app's scripts while the server works), then the
 * answers, embedded before </body>, then the rest. The app's module script
 * runs once the page is parsed, so it finds them there. Answers that could
 * not be had are left out: the app asks for those itself.
 */
export async function sendClaimPermalinkPage(req: IncomingMessage, res: ServerResponse, page: ClaimPermalinkPage, answers: () => Promise<EmbeddedAnswer[]>): Promise<void> {
  // Gzip, not brotli: this page is compressed as it is written, and zlib's gzip does that cheaper than brotli at its best.
  const gzip = acceptsEncoding(req.headers['accept-encoding'], 'gzip');
  res.writeHead(200, gzip ? { ...page.headers, 'content-encoding': 'gzip' } : page.headers);
  const out = gzip ? createGzip() : null;
  if (out !== null) {
    out.pipe(res);
    out.write(page.before);
    // Out now, not when zlib's buffer fills.
    await new Promise<void>((resolve) => out.flush(constants.Z_SYNC_FLUSH, () => resolve()));
  } else {
    res.write(page.before);
  }
  // Let the head reach the socket before the queries' synchronous start (parse, validate) holds the event loop.
  await new Promise<void>((resolve) => setImmediate(resolve));
  // The page goes out whatever happens to the answers: the app asks for any that are missing.
  const embedded = await answers().catch(() => []);
  const rest = `<script type="application/json" id="claimgraph-answers">${embeddedJson(embedded)}</script>\n${page.after}`;
  if (out !== null) out.end(rest);
  else res.end(rest);
}
