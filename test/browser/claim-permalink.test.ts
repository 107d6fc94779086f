import { loadApiConfig } from '../../src/config';
import { describeUnless } from '../skip';
import { CHROMIUM_MISSING, startExplorer, stopExplorer, type ExplorerUnderTest } from './harness';

/*
 * A claim's permalink, /claims/<id>, in Chromium: the server embeds the claim
 * page's first answers, and the app shows the whole page from them, without
 * asking the API, then carries on at the claim's hash route.
 */

const UNDERCOVER = 'claim-al-masoud-undercover-against-is';

describeUnless(CHROMIUM_MISSING)("a claim's permalink in Chromium", () => {
  let under: ExplorerUnderTest;
  beforeAll(async () => {
    under = await startExplorer(loadApiConfig({}));
  }, 60_000);
  afterAll(() => stopExplorer(under ?? {}));

  const visit = async (path: string) => {
    const context = await under.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(8_000);
    const asked: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/graphql') asked.push(/^\s*query\s+(\w+)/.exec((r.postDataJSON() as { query?: string } | null)?.query ?? '')?.[1] ?? 'query');
    });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${under.served.base}${path}`);
    await page.waitForSelector('[data-page="claim"][data-complete]');
    const shown = { url: page.url().slice(under.served.base.length), text: await page.locator('main').innerText(), asked, errors };
    await context.close();
    return shown;
  };

  test('shows the whole claim page from the answers in the page, asks the API nothing, and carries on at the hash route', async () => {
    const { url, text, asked, errors } = await visit(`/claims/${UNDERCOVER}`);
    expect({ url, asked, errors }).toEqual({ url: `/#/claim/${UNDERCOVER}`, asked: [], errors: [] });
    expect(text).toMatch(/Three Syrian officials speaking anonymously[\s\S]*Independence/);
    expect(text).not.toMatch(/Loading/);
  });

  test('a claim that does not exist asks the API itself and shows its message', async () => {
    const context = await under.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${under.served.base}/claims/no-such-claim`);
    await page.waitForSelector('[data-page="claim"] [role="alert"], [data-page="claim"] .error');
    expect(await page.locator('main').innerText()).toMatch(/no-such-claim/);
    await context.close();
  });
});
