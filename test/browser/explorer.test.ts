/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The page functions below run in the browser.)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadApiConfig } from '../../src/config';
import { projectRoot } from '../../src/paths';
import { describeUnless } from '../skip';
import { CHROMIUM_MISSING, startExplorer, stopExplorer, type ExplorerUnderTest } from './harness';

/*
 * The explorer in a real browser (Debian's Chromium, driven by
 * playwright-core), on the seed, as fact-checkers and editors use it: one
 * server (with one editor key configured) and one browser for every test, a
 * fresh browser context (so a fresh sessionStorage) for each. Every page is
 * checked by axe-core for serious and critical violations, and any console
 * error (a CSP refusal, a failed script) fails the test. Screenshots of each
 * page go to docs/screenshots/, which the README shows.
 */

const EDITOR_KEY = 'cgk_browser-test-editor-key-0123456789abcdef';
const SHOTS = join(projectRoot(), 'docs', 'screenshots');
const UNDERCOVER = 'claim-al-masoud-undercover-against-is';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

describeUnless(CHROMIUM_MISSING)('the explorer in Chromium', () => {
  let under: ExplorerUnderTest;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const hash = createHash('sha256').update(EDITOR_KEY).digest('hex');
    under = await startExplorer(loadApiConfig({ CLAIMGRAPH_API_KEYS: `editor:editor@example.org:${hash}` }));
  }, 60_000);
  afterAll(() => stopExplorer(under ?? {}));

  beforeEach(async () => {
    const context = await under.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    // Well under Jest's own timeout, so that a wait that fails says what it waited for.
    page.setDefaultTimeout(8_000);
    consoleErrors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  });
  afterEach(async () => {
    await page.context().close();
  });

  const open = async (hash: string, pageName: string) => {
    await page.goto(`${under.served.base}/${hash}`);
    // A claim page is ready with its first statements; its grade comes in apart: wait for all of it.
    await page.waitForSelector(`[data-page="${pageName}"]${pageName === 'claim' ? '[data-complete]' : '[data-ready]'}`);
  };

  /** axe-core's serious and critical violations on the page as it is now (axe runs in the page: the CSP does not cover the test's own evaluation). */
  const seriousViolations = async (): Promise<string[]> => {
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };

  const shoot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const textOf = (selector: string) => page.locator(selector).first().innerText();

  it('searches "undercover" by keyboard, then shows the claim with the family and the three anonymous officials asserting, and its conflict', async () => {
    await open('', 'home');
    await page.getByLabel('Search claims, sources, entities and documents').fill('undercover');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-page="search"][data-ready]');
    expect(page.url()).toMatch(/#\/search\?q=undercover$/);
    const result = page.locator('ol.results li', { hasText: 'working undercover against the Islamic State' });
    expect(await result.innerText()).toMatch(/^CLAIM[\s\S]*Contested[\s\S]*Credibility 3: Possibly true$/);
    expect(await seriousViolations()).toEqual([]);
    await shoot('search');

    await result.getByRole('link').click();
    await page.waitForSelector('[data-page="claim"][data-complete]');
    const asserting = await textOf('section.pos-group-asserts');
    expect(asserting).toContain('Family of Khaled al-Masoud');
    expect(asserting).toContain('Three Syrian officials speaking anonymously (anonymous group of 3)');
    expect(await page.locator('section.pos-group-asserts li.statement').count()).toBe(2);
    const conflicts = await textOf('ul.conflicts');
    expect(conflicts).toMatch(/^Contradicting claims[\s\S]*against “Khaled al-Masoud was an Islamic State official\.”, asserted by Unattributed initial assumptions/);
    expect(await textOf('.grade-card')).toContain('2 independent clusters assert it (2 asserting sources)');
    expect(await seriousViolations()).toEqual([]);
    await shoot('claim');

    // Back and forward go through the browser's own history.
    await page.goBack();
    await page.waitForSelector('[data-page="search"][data-ready]');
    await page.goForward();
    await page.waitForSelector('[data-page="claim"][data-complete]');
    expect(consoleErrors).toEqual([]);
  });

  it("asks for a shared claim link's queries from the page's head, before the app's script runs, and the app takes their answers instead of asking again", async () => {
    // Wraps fetch before any script of the page runs, to see where each query was sent from.
    await page.addInitScript(() => {
      const sent: { operation: string; bodyRead: boolean }[] = [];
      (window as unknown as { sentQueries: typeof sent }).sentQueries = sent;
      const fetchFirst = window.fetch.bind(window);
      window.fetch = (input, init) => {
        const query = typeof init?.body === 'string' ? ((JSON.parse(init.body) as { query?: string }).query ?? '') : '';
        sent.push({ operation: /^\s*query\s+(\w+)/.exec(query)?.[1] ?? '?', bodyRead: document.body !== null });
        return fetchFirst(input, init);
      };
    });
    const requested: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/graphql') requested.push(/^\s*query\s+(\w+)/.exec((r.postDataJSON() as { query: string }).query)?.[1] ?? '?');
    });
    await open(`#/claim/${UNDERCOVER}`, 'claim');
    expect(await textOf('section.pos-group-asserts')).toContain('Three Syrian officials speaking anonymously');
    expect(await textOf('.grade-card')).toContain('2 independent clusters assert it');
    // Sent while the head was being read, before the body (and so before the app's module script, which runs after the whole page is read).
    const sent = await page.evaluate(() => (window as unknown as { sentQueries: { operation: string; bodyRead: boolean }[] }).sentQueries);
    expect(sent.sort((a, b) => a.operation.localeCompare(b.operation))).toEqual([
      { operation: 'ClaimGrade', bodyRead: false },
      { operation: 'ClaimPage', bodyRead: false },
    ]);
    // Each once: the app did not ask again for what the head's script had asked.
    expect(requested.sort()).toEqual(['ClaimGrade', 'ClaimPage']);
    expect(consoleErrors).toEqual([]);
  });

  it('is readable on a phone: nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [hash, name] of [[`#/claim/${UNDERCOVER}`, 'claim'], ['#/document/doc-dumayr-report', 'document'], ['#/question/question-who-was-al-masoud', 'question']] as const) {
      await open(hash, name);
      expect([name, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([name, 390]);
    }
    await open(`#/claim/${UNDERCOVER}`, 'claim');
    await shoot('claim-phone');
    expect(consoleErrors).toEqual([]);
  });

  it('highlights the mother\'s two verbatim quotes in the document\'s text, labelled by speaker, showing the claim on focus', async () => {
    await open('#/document/doc-dumayr-report', 'document');
    expect(await textOf('.count-line')).toBe('This document prints 43 statements; 43 anchored in its text.');
    for (const quote of ["How did he die? We don't know", 'I want the people who took him from his children to be held accountable.']) {
      const mark = page.locator('.doc-text mark', { hasText: quote });
      expect([quote, await mark.count(), await mark.first().innerText()]).toEqual([quote, 1, quote]);
      const chip = mark.locator('xpath=following-sibling::span[1]').locator('a.chip');
      expect(await chip.innerText()).toBe('Sabah al-Sheikh al-Kilani · asserts');
    }
    // Focus (the keyboard's hover) shows the claim; the chip opens it.
    const chip = page.locator('.doc-text a.chip', { hasText: 'Sabah al-Sheikh al-Kilani · asserts' }).nth(2);
    await chip.focus();
    const tip = page.locator(`#${await chip.getAttribute('aria-describedby')}`);
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toMatch(/^Sabah al-Sheikh al-Kilani asserts: “/);
    expect(await seriousViolations()).toEqual([]);
    await shoot('document');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-page="claim"][data-complete]');
    expect(page.url()).toContain('?statement=');
    expect(consoleErrors).toEqual([]);
  });

  it('draws the provenance graph: the claim, its statements, speakers and their affiliations, the document and the contradicting claim', async () => {
    await open(`#/claim/${UNDERCOVER}/graph`, 'graph');
    await page.waitForSelector('.graph[data-drawn]');
    const listed = await page.locator('[data-node]').evaluateAll((items) => items.map((i) => i.getAttribute('data-node')));
    expect([...listed].sort()).toEqual([
      'claim:claim-al-masoud-undercover-against-is',
      'claim:claim-al-masoud-was-is-official',
      'document:doc-dumayr-report',
      'source:src-al-masoud-family',
      'source:src-syrian-interim-government',
      'source:src-three-syrian-officials',
      'statement:st-family-asserts-undercover',
      'statement:st-officials-assert-undercover',
    ]);
    expect(await page.locator('.graph').getAttribute('data-drawn')).toBe('8');
    expect(await page.locator('.graph canvas').count()).toBeGreaterThan(0);
    expect(await seriousViolations()).toEqual([]);
    await shoot('graph');

    // An intermediary: the mother carried her son's words to the report, and she belongs to the family.
    await open('#/claim/claim-al-masoud-member-of-general-security/graph', 'graph');
    // From one graph to another the page stays: wait for this claim's drawing and its list, not the last one's.
    await page.waitForSelector('.graph[data-drawn]');
    await page.waitForSelector('[data-node="claim:claim-al-masoud-member-of-general-security"]');
    const nodes = await page.locator('[data-node]').evaluateAll((items) => items.map((i) => i.getAttribute('data-node')));
    expect(nodes).toEqual(expect.arrayContaining(['source:src-khaled-al-masoud', 'source:src-sabah-al-sheikh-al-kilani', 'source:src-al-masoud-family']));
    await page.locator('[data-node="source:src-sabah-al-sheikh-al-kilani"] a').click();
    await page.waitForSelector('[data-page="source"][data-ready]');
    expect(await page.locator('h1').innerText()).toBe('Sabah al-Sheikh al-Kilani');
    expect(consoleErrors).toEqual([]);
  });

  it('shows a source, an entity, a question, the possible duplicates and the key page, each without a serious accessibility violation', async () => {
    await open('#/source/src-al-masoud-family', 'source');
    expect(await textOf('main')).toMatch(/Reliability F: Reliability cannot be judged[\s\S]*Members \(2\)\nKhaled al-Masoud \(son\)\nSabah al-Sheikh al-Kilani \(mother\)\nWhat it said, by claim/);
    expect(await seriousViolations()).toEqual([]);
    await shoot('source');

    await open('#/entity/ent-khaled-al-masoud', 'entity');
    await page.waitForSelector('ol.timeline li');
    expect(await seriousViolations()).toEqual([]);
    await shoot('entity');
    await page.evaluate(() => document.getElementById('timeline-h')!.scrollIntoView());
    await shoot('entity-timeline');

    await open('#/question/question-who-was-al-masoud', 'question');
    const table = await textOf('table.ach');
    expect(table).toContain('consistent');
    expect(table).toContain('inconsistent');
    expect(await page.locator('td.cell-inconsistent .sign').first().innerText()).toBe('✗');
    expect(await textOf('ol.ranked li')).toMatch(/^Rank 1: /);
    expect(await seriousViolations()).toEqual([]);
    await shoot('question');

    await open('#/duplicates', 'duplicates');
    expect(await seriousViolations()).toEqual([]);
    await shoot('duplicates');

    await page.goto(`${under.served.base}/#/key`);
    await page.waitForSelector('[data-page="key"]');
    expect(await seriousViolations()).toEqual([]);
    await open('', 'home');
    expect(await seriousViolations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("loads a page's code when first shown, and says so when that code cannot be had", async () => {
    // Only the claim and search pages come with the entry script: a document page's code is fetched on the way.
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await open(`#/claim/${UNDERCOVER}`, 'claim');
    const atLanding = scripts.length;
    await page.getByRole('link', { name: 'Untitled report on the US raid in Dumayr' }).first().click();
    await page.waitForSelector('[data-page="document"][data-ready]');
    expect(scripts.length).toBeGreaterThan(atLanding);

    // A new visitor lands on the search; then no further script can be had (say the server was updated and its old chunks are gone).
    await page.context().close();
    page = await (await under.browser.newContext()).newPage();
    await page.goto(`${under.served.base}/#/`);
    await page.waitForSelector('[data-page="home"][data-ready]');
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.evaluate(() => {
      location.hash = '#/document/doc-dumayr-report';
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^Error: This page's code could not be loaded \(.+\): reload the page\.$/);
  });

  it('refuses a read-only visitor\'s write with the API\'s own message', async () => {
    await open('#/source/src-al-masoud-family', 'source');
    await page.getByText('Rate this source').click();
    expect(await textOf('.edit-panel .notice')).toMatch(/^You have no editor key, so the server will refuse this change\. Ask the server’s administrator for an editor key/);
    await page.getByLabel('Reason').fill('A family speaking of its own son.');
    await page.getByRole('button', { name: 'Record the rating' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Refused: The mutation rateSource needs an API key with role editor: send "Authorization: Bearer <API key>".');
    // The refusal's 401 is the only error the console saw.
    expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
  });

  it('lets an editor enter a key once, select words in the document, record a statement on them, and see it counted', async () => {
    await page.goto(`${under.served.base}/#/key`);
    await page.getByLabel('API key').fill(EDITOR_KEY);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await page.getByText('Key kept for this session.').waitFor();
    expect(await page.getByRole('link', { name: 'Editor key set' }).count()).toBe(1);

    await open('#/document/doc-dumayr-report', 'document');
    const words = 'secretly gathering intelligence on the Islamic State group';
    // Select the words as a mouse would, then let go.
    await page.evaluate((w) => {
      const run = [...document.querySelectorAll<HTMLElement>('.doc-text [data-start]')].find((el) => el.textContent?.includes(w))!;
      const text = run.firstChild!;
      const at = run.textContent!.indexOf(w);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + w.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      run.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, words);
    await page.getByText('Record a statement from the selected words').click();
    expect(await page.getByLabel('Words in this document').inputValue()).toBe(words);
    expect(await page.locator('.edit-panel .notice').count()).toBe(0);
    await page.getByLabel('The speaker’s own words, verbatim').uncheck();
    await page.getByLabel('Find a source by name').fill('Airwars');
    await page.getByRole('radio', { name: 'Airwars (organisation)' }).check();
    await page.getByLabel('Find a claim by its words').fill('undercover');
    await page.getByRole('radio', { name: /^Khaled al-Masoud had been working undercover/ }).check();
    await shoot('document-editing');
    await page.getByRole('button', { name: 'Record the statement' }).click();
    await page.getByText(/^Statement recorded\./).waitFor();
    expect(await textOf('p.done')).toBe('Statement recorded. Its claim now counts 3 asserting sources (3 independent), 0 hedging, 0 denying.');
    await page.getByText('This document prints 44 statements; 44 anchored in its text.').waitFor();
    const mark = page.locator('.doc-text mark', { hasText: words });
    expect(await mark.locator('xpath=following-sibling::span[1]').innerText()).toBe('Airwars · asserts');
    expect(await seriousViolations()).toEqual([]);

    // The key stays for the session; the claim counts the new source.
    await open(`#/claim/${UNDERCOVER}`, 'claim');
    expect(await textOf('section.pos-group-asserts')).toContain('Airwars');
    expect(await page.getByRole('link', { name: 'Editor key set' }).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });
});
