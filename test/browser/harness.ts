import type { Browser } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium, serveExplorer } from '../../src/cli/browser';
import type { ApiConfig } from '../../src/config';
import type { GraphStore } from '../../src/store/port';
import { seededStore } from '../helpers';

/*
 * What the browser tests share: why they skip on a machine without Debian's
 * Chromium, and one seeded store, the explorer served over it and one
 * browser for a whole file.
 */

/** Why the browser tests are skipped here, or null when Chromium is installed (test/skip.ts prints it). */
export const CHROMIUM_MISSING: string | null = hasChromium() ? null : `${CHROMIUM} is missing: install it with apt-get install -y chromium (.ci/run does)`;

/** The seed, served with the explorer, and a browser to visit it with. */
export interface ExplorerUnderTest {
  store: GraphStore;
  served: Awaited<ReturnType<typeof serveExplorer>>;
  browser: Browser;
}

export async function startExplorer(config: ApiConfig): Promise<ExplorerUnderTest> {
  const store = await seededStore();
  const served = await serveExplorer(store, config);
  return { store, served, browser: await launchChromium() };
}

/** Closes what {@link startExplorer} opened, whatever of it was opened. */
export async function stopExplorer(under: Partial<ExplorerUnderTest>): Promise<void> {
  await under.browser?.close();
  await under.served?.stop();
  await under.store?.close();
}
