import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startHttpServer } from '../api/server';
import type { ApiConfig } from '../config';
import type { GraphStore } from '../store/port';
import { buildApp, type BuiltFile } from './build-app';

/** Debian's Chromium (`apt-get install chromium`): nothing here downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';

export const hasChromium = (): boolean => existsSync(CHROMIUM);

/**
 * Headless Chromium for the browser tests and the explorer's benchmark. The
 * background-networking flags keep it from calling Google's services, which
 * this machine's closed network refuses. Playwright starts each launch on a
 * fresh, empty profile of its own (it refuses a --user-data-dir flag).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The explorer built afresh into a temporary folder and served over `store` on a loopback port. */
export async function serveExplorer(store: GraphStore, api: ApiConfig): Promise<{ base: string; files: BuiltFile[]; stop: () => Promise<void> }> {
  const appDir = mkdtempSync(join(tmpdir(), 'claimgraph-app-'));
  const files = await buildApp(appDir);
  const server = await startHttpServer(store, 0, '127.0.0.1', { api, appDir });
  return {
    base: server.url.replace(/\/graphql$/, ''),
    files,
    async stop() {
      await server.stop();
      rmSync(appDir, { recursive: true, force: true });
    },
  };
}
