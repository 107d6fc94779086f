#!/usr/bin/env node
/// <reference lib="dom" />
/**
 * `npm run bench:app`: the explorer's budgets, measured in headless Chromium
 * against the real server on a loopback port (a benchmark, not a timed test):
 *
 * - the app's JavaScript, every script gzipped: at most 300 KB;
 * - a claim page of the seed rendered, all of it, within 300 ms of
 *   navigation;
 * - a claim with 1,000 statements (a synthetic bundle imported beside the
 *   seed) rendered, a page of 50 at a time, within 1 s: the claim and its
 *   first page of who said what. Its grade, which the API computes over all
 *   1,000 current positions, comes in on its own; the time to it is printed.
 *
 * The server runs in a process of its own, as in production.
 * Times are from the navigation's start (`performance.timeOrigin`) to the
 * moment the page marks itself ready (the claim and its first page of who
 * said what are in the document) and complete (its status, credibility grade
 * and the facts behind it, its clusters and conflicts too), read in the page
 * by a MutationObserver. Each page is loaded RUNS times in a fresh browser
 * context (the first load of each fetches the scripts, as a new visitor
 * does); the median and the worst are printed, with where the time went
 * (when the HTML, the entry script and the last answer came in, when the
 * first query left, each query's time on the server) and the load average
 * before and after, then a table of each page's medians (first paint, in
 * the document, painted) with the middle half of the visits.
 * BENCH_BASELINE_APP=<folder of another build of the app> times that build
 * too, at the claim's permalink (when that build serves one) and its hash
 * link, its visits taken in turn with this one's, and prints the ratio of
 * their medians: on a busy machine, only a ratio measured in one run says
 * whether a change made the page faster. BENCH_RUNS sets the visits of each
 * page (15); BENCH_APP_SEED_ONLY=1 leaves the 1,000-statement claim out.
 * Exits 1 when a budget is missed.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Browser, Request } from 'playwright-core';
import { loadApiConfig } from '../config';
import { importBundle } from '../graph/import';
import { seed } from '../analysis/seed';
import { openStore } from '../store/open';
import { CLAIM_PAGE_OPERATIONS_FILE } from '../api/explorer';
import { startHttpServer } from '../api/server';
import { scriptBytesGzipped, type BuiltFile } from './build-app';
import { CHROMIUM, hasChromium, launchChromium, serveExplorer } from './browser';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BIG_CLAIM = 'claim-bench-thousand-voices';
const BIG_STATEMENTS = 1_000;

/** How long a visitor's new window is left to finish its own start-up before the navigation that is timed. */
const WINDOW_SETTLE_MS = 500;

const BUDGET = { scriptKb: 300, seedClaimMs: 300, bigClaimMs: 1_000 };

/** One claim stated by 1,000 anonymous officials, in every position, each printed in one of 20 documents, some through an intermediary. */
export function thousandStatements(): unknown {
  const stances = [
    { stance: 'ASSERTS' },
    { stance: 'ASSERTS', hedge: 'believes' },
    { stance: 'DENIES' },
    { stance: 'DENIES', hedge: 'doubts' },
    { stance: 'NO_RESPONSE' },
  ];
  const documents = Array.from({ length: 20 }, (_, d) => ({ id: `doc-bench-${d}`, title: `Bench report ${d}`, publisher: 'src-bench-wire', publishedAt: `2031-03-${String(d + 1).padStart(2, '0')}` }));
  return {
    format: 'claimgraph-bundle',
    version: 2,
    sources: [
      { id: 'src-bench-wire', name: 'Bench Wire', kind: 'ORGANIZATION', anonymous: false },
      ...Array.from({ length: BIG_STATEMENTS }, (_, i) => ({ id: `src-bench-${i}`, name: `Official number ${i} (bench)`, kind: 'PERSON', anonymous: true })),
    ],
    documents,
    claims: [{ id: BIG_CLAIM, text: 'The bench bridge was closed for a thousand reasons.' }],
    statements: Array.from({ length: BIG_STATEMENTS }, (_, i) => ({
      id: `st-bench-${String(i).padStart(4, '0')}`,
      source: `src-bench-${i}`,
      claim: BIG_CLAIM,
      ...stances[i % stances.length],
      appearances: [
        {
          document: documents[i % documents.length]!.id,
          quote: `The bridge was closed, official ${i} said.`,
          ...(i % 3 === 0 ? { via: [{ source: 'src-bench-wire', document: documents[(i + 1) % documents.length]!.id }] } : {}),
        },
      ],
    })),
  };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Timing {
  /** The claim and the first page of who said what in the document. */
  ready: number;
  /** Everything on the page in the document, its grade and conflicts included. */
  complete: number;
  /** The first frame after complete: what the budget counts (content in the DOM is not yet on the screen). */
  painted: number;
  /** Loading notes ("Loading …", role=status) still in the claim page at complete: 0, or "complete" is not honest. */
  loadingNotes: number;
}

/**
 * Where the time of one claim page went, in ms from navigation, read from the
 * page's own performance timeline once it is painted: navigation and
 * resource timing, the marks the app sets (claimgraph:*), long tasks, and
 * the server's Server-Timing on each GraphQL answer.
 */
interface Breakdown {
  /** The HTML's first byte, and all of it, received. */
  htmlFirstByte: number;
  html: number;
  /** index.html's boot script began to run (claimgraph:boot): the document is running; NaN without one. */
  boot: number;
  /** The first GraphQL request sent (before the entry script is in when the boot script sends it); NaN when none was (the answers came in the HTML). */
  firstQuery: number;
  /** Per GraphQL operation: the server's own time (Server-Timing), and request → response end in the browser. */
  server: Record<string, number>;
  roundTrip: Record<string, number>;
  /** The last GraphQL answer received; the HTML when no query was sent. */
  lastAnswer: number;
  /** The app's scripts received (the last of those the page fetched before its modules ran; the stylesheet is in the HTML). */
  script: number;
  /** The app's modules evaluated (claimgraph:app), and its first render returned (claimgraph:first-render). */
  evaluated: number;
  firstRender: number;
  /** First contentful paint. */
  fcp: number;
  /** The claim page complete in the document (claimgraph:claim-complete). */
  complete: number;
  painted: number;
  /** Long tasks (≥ 50 ms of the main thread) before painted: their count and total. */
  longTasks: number;
  longTaskMs: number;
}

/**
 * Milliseconds from navigation to the claim page marking itself ready, then
 * complete, for RUNS fresh visitors, with where each visit's time went.
 *
 * The harness keeps its own work off the page while it is measured: the
 * page reports through a binding (no Playwright selector engine is injected
 * into it until it is complete), and each visitor's window is opened on a
 * blank tab first, so that the browser's own start-up of a new window
 * (Chromium loads its omnibox's web UI then) is not charged to the page.
 */
async function timeVisit(browser: Browser, url: string, check: (text: string) => boolean): Promise<{ timing: Timing; breakdown: Breakdown }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    await page.waitForTimeout(WINDOW_SETTLE_MS);
    let reported!: (timing: Timing) => void;
    const completed = new Promise<Timing>((resolve) => (reported = resolve));
    await page.exposeBinding('claimPageTimed', (_, timing: Timing) => reported(timing));
    // Injected through DevTools before any script of the page: not subject to its CSP.
    await page.addInitScript(() => {
      const benchWindow = window as unknown as { claimPageTimed: (t: Timing) => void; benchLongTasks: { startTime: number; duration: number }[] };
      benchWindow.benchLongTasks = [];
      new PerformanceObserver((list) => benchWindow.benchLongTasks.push(...list.getEntries().map((e) => ({ startTime: e.startTime, duration: e.duration })))).observe({ type: 'longtask' });
      let ready: number | undefined;
      new MutationObserver((_, observer) => {
        const root = document.querySelector('[data-page="claim"]');
        if (ready === undefined && root?.hasAttribute('data-ready')) ready = performance.now();
        if (ready !== undefined && root?.hasAttribute('data-complete')) {
          observer.disconnect();
          const complete = performance.now();
          const loadingNotes = Array.from(root.querySelectorAll('[role="status"]')).filter((note) => /^\s*Loading/.test(note.textContent ?? '')).length;
          // The frame after the one that lays the page out and paints it: a task queued from requestAnimationFrame runs once that frame is out.
          requestAnimationFrame(() => setTimeout(() => benchWindow.claimPageTimed({ ready: ready!, complete, painted: performance.now(), loadingNotes })));
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready', 'data-complete'] });
    });
    const pending = new Set<Request>();
    const finished: Request[] = [];
    page.on('request', (request) => pending.add(request));
    page.on('requestfailed', (request) => pending.delete(request));
    page.on('requestfinished', (request) => {
      pending.delete(request);
      finished.push(request);
    });
    await page.goto(url, { waitUntil: 'commit' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${url}: the claim page was not complete within 60 s`)), 60_000)));
    const timing = await Promise.race([completed, timeout]).finally(() => clearTimeout(timer));
    if (timing.loadingNotes > 0) throw new Error(`${url}: the claim page marked itself complete with ${timing.loadingNotes} loading note(s) still shown`);
    // The browser may tell of a request's end after the page has used its answer.
    while (pending.size > 0) await page.waitForTimeout(10);
    const timeline = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const mark = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN;
      const evaluated = mark('claimgraph:app');
      // The scripts (and, in an older build, the stylesheet) fetched before the app's modules ran (all of them, for a build that sets no marks).
      const assets = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => new URL(r.name).pathname.startsWith('/assets/') && !(r.startTime > evaluated));
      return {
        htmlFirstByte: nav.responseStart,
        html: nav.responseEnd,
        boot: mark('claimgraph:boot'),
        script: assets.length === 0 ? NaN : Math.max(...assets.map((r) => r.responseEnd)),
        evaluated,
        firstRender: mark('claimgraph:first-render'),
        complete: mark('claimgraph:claim-complete'),
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        longTasks: (window as unknown as { benchLongTasks: { startTime: number; duration: number }[] }).benchLongTasks,
      };
    });
    const origin = await page.evaluate(() => performance.timeOrigin);
    const since = (request: Request, at: number) => request.timing().startTime + at - origin;
    const queries = finished.filter((r) => new URL(r.url()).pathname === '/graphql');
    const server: Record<string, number> = {};
    const roundTrip: Record<string, number> = {};
    for (const q of queries) {
      const op = /^\s*query\s+(\w+)/.exec((q.postDataJSON() as { query?: string } | null)?.query ?? '')?.[1] ?? 'query';
      const serverTiming = (await (await q.response())?.headerValue('server-timing')) ?? '';
      server[op] = Number(/dur=([\d.]+)/.exec(serverTiming)?.[1] ?? NaN);
      roundTrip[op] = q.timing().responseEnd - q.timing().requestStart;
    }
    const longTasks = timeline.longTasks.filter((t) => t.startTime < timing.painted);
    const breakdown: Breakdown = {
      htmlFirstByte: timeline.htmlFirstByte,
      html: timeline.html,
      boot: timeline.boot,
      firstQuery: queries.length === 0 ? NaN : Math.min(...queries.map((q) => since(q, 0))),
      server,
      roundTrip,
      lastAnswer: queries.length === 0 ? timeline.html : Math.max(...queries.map((q) => since(q, q.timing().responseEnd))),
      script: timeline.script,
      evaluated: timeline.evaluated,
      firstRender: timeline.firstRender,
      fcp: timeline.fcp,
      complete: timeline.complete,
      painted: timing.painted,
      longTasks: longTasks.length,
      longTaskMs: longTasks.reduce((n, t) => n + t.duration, 0),
    };
    if (!check(await page.locator('main').innerText())) throw new Error(`${url}: the page did not show what it should`);
    return { timing, breakdown };
  } finally {
    await context.close();
  }
}

/** RUNS fresh visitors of each page, taken in turn (so that the machine's load weighs on each alike). */
async function timeClaimPages(browser: Browser, pages: readonly { url: string; check: (text: string) => boolean }[]): Promise<{ times: Timing[]; breakdowns: Breakdown[] }[]> {
  const results = pages.map(() => ({ times: [] as Timing[], breakdowns: [] as Breakdown[] }));
  for (let run = 0; run < RUNS; run++) {
    for (const [i, { url, check }] of pages.entries()) {
      const { timing, breakdown } = await timeVisit(browser, url, check);
      results[i]!.times.push(timing);
      results[i]!.breakdowns.push(breakdown);
    }
  }
  return results;
}

/** The median of each step of the breakdowns, as lines of the report: when each thing happened, and what it took. */
function breakdownLines(breakdowns: readonly Breakdown[]): string[] {
  const m = (pick: (b: Breakdown) => number) => median(breakdowns.map(pick).filter((x) => !Number.isNaN(x)));
  const at = (pick: (b: Breakdown) => number) => {
    const x = m(pick);
    return x === undefined ? '—' : `${Math.round(x)} ms`;
  };
  const operations = [...new Set(breakdowns.flatMap((b) => Object.keys(b.server)))];
  const queries = operations.map((op) => `${op}: ${at((b) => b.server[op] ?? NaN)} on the server of ${at((b) => b.roundTrip[op] ?? NaN)} sent → answered`).join('; ');
  return [
    `HTML           first byte at ${at((b) => b.htmlFirstByte)}, all in at ${at((b) => b.html)}`,
    `document runs  boot script at ${at((b) => b.boot)} (the browser's own start of the page after the HTML: ${at((b) => b.boot - b.html)})`,
    `queries        first sent at ${at((b) => b.firstQuery)}${queries === '' ? ' (none: the answers came in the HTML)' : ` (${queries})`}; last answer in at ${at((b) => b.lastAnswer)}`,
    `JavaScript     scripts in at ${at((b) => b.script)}, parsed and evaluated at ${at((b) => b.evaluated)} (${at((b) => b.evaluated - b.script)} after), first render returned at ${at((b) => b.firstRender)}`,
    `render         first contentful paint at ${at((b) => b.fcp)}; complete in the document at ${at((b) => b.complete)} (${at((b) => b.complete - Math.max(b.lastAnswer, b.evaluated))} after the later of the last answer and the scripts' evaluation), painted at ${at((b) => b.painted)}`,
    `main thread    ${at((b) => b.longTaskMs)} in ${m((b) => b.longTasks)} long task(s) (≥ 50 ms) before painted`,
  ];
}

async function main(): Promise<void> {
  if (!hasChromium()) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; Chromium ${CHROMIUM}; load average ${loadavg()[0]!.toFixed(1)} (other work on the machine slows every figure)`);
  const server = await serveInItsOwnProcess();
  const served = server.serving;
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  try {
    const kb = (n: number) => n / 1024;
    console.log('\nThe app as built (npm run build):');
    for (const f of served.files) console.log(`  ${f.name.padEnd(30)} ${kb(f.bytes).toFixed(1).padStart(7)} KB  ${kb(f.gzipBytes).toFixed(1).padStart(6)} KB gzipped`);
    const script = kb(scriptBytesGzipped(served.files));
    const seedClaimId = 'claim-al-masoud-undercover-against-is';
    const seedCheck = (t: string) => t.includes('Three Syrian officials speaking anonymously');
    // The claim's permalink (the server embeds its first answers) and its hash link (index.html's boot script asks for them), and the same two of the baseline build, visited in turn.
    const variants = [
      { name: 'this build, permalink /claims/<id>', url: `${served.base}/claims/${seedClaimId}` },
      { name: 'this build, hash link /#/claim/<id>', url: `${served.base}/#/claim/${seedClaimId}` },
      ...(served.baselineBase === null
        ? []
        : [
            ...(served.baselinePermalinks ? [{ name: 'baseline, permalink', url: `${served.baselineBase}/claims/${seedClaimId}` }] : []),
            { name: 'baseline, hash link', url: `${served.baselineBase}/#/claim/${seedClaimId}` },
          ]),
    ];
    const visited = await timeClaimPages(
      browser,
      variants.map(({ url }) => ({ url, check: seedCheck })),
    );
    const [seedClaim, seedClaimByHash] = visited;
    // BENCH_APP_SEED_ONLY=1 leaves the 1,000-statement claim out (quicker, while working on the seed claim page).
    const [bigClaim] = process.env.BENCH_APP_SEED_ONLY === '1' ? [undefined] : await timeClaimPages(browser, [{ url: `${served.base}/#/claim/${BIG_CLAIM}`, check: (t) => t.includes(`Showing 50 of ${BIG_STATEMENTS.toLocaleString('en')} statements`) }]);
    const ms = (xs: { times: Timing[] }, key: keyof Timing) => xs.times.map((x) => x[key]);
    const seedComplete = ms(seedClaim!, 'complete');
    const seedPainted = ms(seedClaim!, 'painted');
    const bigReady = bigClaim === undefined ? [NaN] : ms(bigClaim, 'ready');
    const bigComplete = bigClaim === undefined ? [NaN] : ms(bigClaim, 'complete');
    console.log(`\nWhere the seed claim page's time goes at its permalink, /claims/<id> (medians of ${RUNS}, ms from navigation):`);
    for (const line of breakdownLines(seedClaim!.breakdowns)) console.log(`  ${line}`);
    console.log(`\n… and at its hash link, /#/claim/<id> (visited in turn with it):`);
    for (const line of breakdownLines(seedClaimByHash!.breakdowns)) console.log(`  ${line}`);
    if (bigClaim !== undefined) {
      console.log(`\nWhere the 1,000-statement claim page's time goes (medians of ${RUNS}):`);
      for (const line of breakdownLines(bigClaim.breakdowns)) console.log(`  ${line}`);
    }
    for (const [i, { name }] of variants.entries()) {
      if (!name.startsWith('baseline')) continue;
      console.log(`\nThe app in ${process.env.BENCH_BASELINE_APP}, ${name.replace('baseline, ', '')} (medians of ${RUNS}; its own marks are missing if it set none):`);
      for (const line of breakdownLines(visited[i]!.breakdowns)) console.log(`  ${line}`);
    }
    // Each page's medians side by side, and this build's over the baseline's: only a ratio measured in one run says whether a change made the page faster.
    const q = (xs: readonly number[], at: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * at))]!;
    console.log(`\nThe seed claim page, ${RUNS} fresh visitors of each, in turn (ms from navigation: median, and the middle half of the visits):`);
    console.log('| Page | First paint | In the document | Painted, all of it |\n|---|---|---|---|');
    for (const [i, { name }] of variants.entries()) {
      const cell = (xs: readonly number[]) => `${Math.round(median(xs))} (${Math.round(q(xs, 0.25))}–${Math.round(q(xs, 0.75))})`;
      const fcp = visited[i]!.breakdowns.map((b) => b.fcp).filter((x) => !Number.isNaN(x));
      console.log(`| ${name} | ${fcp.length === 0 ? '—' : cell(fcp)} | ${cell(ms(visited[i]!, 'complete'))} | ${cell(ms(visited[i]!, 'painted'))} |`);
    }
    for (const [i, { name }] of variants.entries()) {
      const base = variants.findIndex((v) => v.name === name.replace('this build', 'baseline').replace(/ \/.*$/, ''));
      if (!name.startsWith('this build') || base < 0) continue;
      console.log(`Painted, ${name.replace('this build, ', '')}: this build / baseline = ${(median(ms(visited[i]!, 'painted')) / median(ms(visited[base]!, 'painted'))).toFixed(2)}.`);
    }
    const rows: [string, string, string, boolean | null][] = [
      ['JavaScript, all scripts gzipped', `${script.toFixed(1)} KB`, `${BUDGET.scriptKb} KB`, script <= BUDGET.scriptKb],
      [`Seed claim page at its permalink, navigation → all of it painted (median of ${RUNS}; worst ${Math.round(Math.max(...seedPainted))} ms; in the document at ${Math.round(median(seedComplete))} ms)`, `${Math.round(median(seedPainted))} ms`, `${BUDGET.seedClaimMs} ms`, median(seedPainted) <= BUDGET.seedClaimMs],
      [`Claim with ${BIG_STATEMENTS.toLocaleString('en')} statements, navigation → the claim and its first page of 50 statements (median; worst ${Math.round(Math.max(...bigReady))} ms)`, `${Math.round(median(bigReady))} ms`, `${BUDGET.bigClaimMs} ms`, bigClaim === undefined ? null : median(bigReady) <= BUDGET.bigClaimMs],
      [`… and → all of it, the grade the API computes over the 1,000 included (median; worst ${Math.round(Math.max(...bigComplete))} ms)`, `${Math.round(median(bigComplete))} ms`, '(no budget)', null],
    ];
    console.log('\n| Budget | Measured | At most | |\n|---|---|---|---|');
    for (const [what, measured, limit, ok] of rows) console.log(`| ${what} | ${measured} | ${limit} | ${ok === null ? '' : ok ? 'within' : 'OVER'} |`);
    console.log(`\nLoad average now: ${loadavg()[0]!.toFixed(1)}.`);
    if (rows.some(([, , , ok]) => ok === false)) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** What the server's process tells the bench once it listens. */
interface Serving {
  base: string;
  /** Where BENCH_BASELINE_APP's build is served, over the same store; null without one. */
  baselineBase: string | null;
  /** Whether that build serves a claim's permalink (its build wrote the claim page's operations). */
  baselinePermalinks: boolean;
  files: BuiltFile[];
}

/**
 * The server in a process of its own, as in production: in the bench's
 * process, Playwright's handling of the browser's events would hold up its
 * answers. It is seeded, given the 1,000-statement claim, and serves the app
 * built afresh (and BENCH_BASELINE_APP's build, another build of the app,
 * say of an earlier commit, beside it).
 */
async function serveInItsOwnProcess(): Promise<{ serving: Serving; stop: () => Promise<void> }> {
  const child = fork(__filename, [SERVE_FLAG], { stdio: 'inherit' });
  const serving = await new Promise<Serving>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Serving));
    child.once('exit', (code) => reject(new Error(`the bench's server process ended (exit code ${code}) before it listened`)));
  });
  return {
    serving,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

const SERVE_FLAG = '--serve-for-bench';

async function serveForBench(): Promise<void> {
  const store = await openStore({ engine: 'embedded', path: null });
  await seed(store);
  await importBundle(store, thousandStatements(), { editor: 'bench' });
  const served = await serveExplorer(store, loadApiConfig({}));
  const baselineDir = process.env.BENCH_BASELINE_APP;
  const baseline = baselineDir === undefined ? null : await startHttpServer(store, 0, '127.0.0.1', { api: loadApiConfig({}), appDir: baselineDir });
  process.once('message', () => {
    void (async () => {
      await served.stop();
      await baseline?.stop();
      await store.close();
      process.exit(0);
    })();
  });
  const serving: Serving = {
    base: served.base,
    baselineBase: baseline === null ? null : baseline.url.replace(/\/graphql$/, ''),
    baselinePermalinks: baselineDir !== undefined && existsSync(join(baselineDir, CLAIM_PAGE_OPERATIONS_FILE)),
    files: served.files,
  };
  process.send!(serving);
}

if (require.main === module) {
  (process.argv.includes(SERVE_FLAG) ? serveForBench() : main()).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
