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
 * Times are from the navigation's start (`performance.timeOrigin`) to the
 * moment the page marks itself ready (and complete), read in the page by a
 * MutationObserver.
 * Each page is loaded RUNS times in a fresh browser context (the first load
 * of each fetches the scripts, as a new visitor does); the median and the
 * worst are printed. Exits 1 when a budget is missed.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import type { Browser } from 'playwright-core';
import { loadApiConfig } from '../config';
import { importBundle } from '../graph/import';
import { seed } from '../analysis/seed';
import { openStore } from '../store/open';
import { scriptBytesGzipped } from './build-app';
import { CHROMIUM, hasChromium, launchChromium, serveExplorer } from './browser';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BIG_CLAIM = 'claim-bench-thousand-voices';
const BIG_STATEMENTS = 1_000;

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
  /** The claim and the first page of who said what shown. */
  ready: number;
  /** Everything on the page, its grade and conflicts included. */
  complete: number;
}

/** Milliseconds from navigation to the claim page marking itself ready, then complete, for RUNS fresh visitors. */
async function timeClaimPage(browser: Browser, url: string, check: (text: string) => boolean): Promise<Timing[]> {
  const times: Timing[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Injected through DevTools before any script of the page: not subject to its CSP.
    await page.addInitScript(() => {
      const w = window as unknown as Partial<Timing>;
      new MutationObserver((_, observer) => {
        const root = document.querySelector('[data-page="claim"]');
        if (w.ready === undefined && root?.hasAttribute('data-ready')) w.ready = performance.now();
        if (w.complete === undefined && root?.hasAttribute('data-complete')) {
          w.complete = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready', 'data-complete'] });
    });
    await page.goto(url);
    await page.waitForSelector('[data-page="claim"][data-complete]', { timeout: 60_000 });
    const timing = await page.evaluate(() => {
      const w = window as unknown as Timing;
      return { ready: w.ready, complete: w.complete };
    });
    if (!check(await page.locator('main').innerText())) throw new Error(`${url}: the page did not show what it should`);
    times.push(timing);
    await context.close();
  }
  return times;
}

async function main(): Promise<void> {
  if (!hasChromium()) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; Chromium ${CHROMIUM}; load average ${loadavg()[0]!.toFixed(1)} (other work on the machine slows every figure)`);
  const store = await openStore({ engine: 'embedded', path: null });
  await seed(store);
  await importBundle(store, thousandStatements(), { editor: 'bench' });
  const served = await serveExplorer(store, loadApiConfig({}));
  const browser = await launchChromium();
  try {
    const kb = (n: number) => n / 1024;
    console.log('\nThe app as built (npm run build):');
    for (const f of served.files) console.log(`  ${f.name.padEnd(30)} ${kb(f.bytes).toFixed(1).padStart(7)} KB  ${kb(f.gzipBytes).toFixed(1).padStart(6)} KB gzipped`);
    const script = kb(scriptBytesGzipped(served.files));
    const seedClaim = await timeClaimPage(browser, `${served.base}/#/claim/claim-al-masoud-undercover-against-is`, (t) => t.includes('Three Syrian officials speaking anonymously'));
    const bigClaim = await timeClaimPage(browser, `${served.base}/#/claim/${BIG_CLAIM}`, (t) => t.includes(`Showing 50 of ${BIG_STATEMENTS.toLocaleString('en')} statements`));
    const ms = (xs: Timing[], key: keyof Timing) => xs.map((x) => x[key]);
    const seedComplete = ms(seedClaim, 'complete');
    const bigReady = ms(bigClaim, 'ready');
    const bigComplete = ms(bigClaim, 'complete');
    const rows: [string, string, string, boolean | null][] = [
      ['JavaScript, all scripts gzipped', `${script.toFixed(1)} KB`, `${BUDGET.scriptKb} KB`, script <= BUDGET.scriptKb],
      [`Seed claim page, navigation → all of it shown (median of ${RUNS}; worst ${Math.round(Math.max(...seedComplete))} ms)`, `${Math.round(median(seedComplete))} ms`, `${BUDGET.seedClaimMs} ms`, median(seedComplete) <= BUDGET.seedClaimMs],
      [`Claim with ${BIG_STATEMENTS.toLocaleString('en')} statements, navigation → the claim and its first page of 50 statements (median; worst ${Math.round(Math.max(...bigReady))} ms)`, `${Math.round(median(bigReady))} ms`, `${BUDGET.bigClaimMs} ms`, median(bigReady) <= BUDGET.bigClaimMs],
      [`… and → all of it, the grade the API computes over the 1,000 included (median; worst ${Math.round(Math.max(...bigComplete))} ms)`, `${Math.round(median(bigComplete))} ms`, '(no budget)', null],
    ];
    console.log('\n| Budget | Measured | At most | |\n|---|---|---|---|');
    for (const [what, measured, limit, ok] of rows) console.log(`| ${what} | ${measured} | ${limit} | ${ok === null ? '' : ok ? 'within' : 'OVER'} |`);
    if (rows.some(([, , , ok]) => ok === false)) process.exitCode = 1;
  } finally {
    await browser.close();
    await served.stop();
    await store.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
