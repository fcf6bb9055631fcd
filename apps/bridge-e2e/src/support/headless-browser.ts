import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

/** Debian's chromium (deploy/voucher-bridge.sh installs it), driven by Playwright's library. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface HeadlessBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A fresh headless Chromium with a profile of its own (a temporary --user-data-dir, removed on
 * close): no cache, storage or extension of another run can leak in. Nothing reaches the network
 * except the pages the test opens.
 */
export async function launchHeadlessChromium(viewport = { width: 1280, height: 900 }): Promise<HeadlessBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'voucher-bridge-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
