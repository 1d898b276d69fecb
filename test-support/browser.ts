/**
 * Headless Chromium for tests and benchmarks: Debian's `/usr/bin/chromium` driven by
 * playwright-core, with a fresh profile directory per launch that is deleted on close.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where the browser is expected; CI installs it with apt-get. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that keep Chromium quiet, offline and runnable as root in a container. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Why browser tests cannot run here, or `undefined` when they can: pass it to `describe.skipIf`
 * and print it, so a skip is never silent.
 *
 * @example
 * ```ts
 * const skip = browserSkipReason();
 * describe.skipIf(skip !== undefined)('site', () => { … });
 * ```
 */
export function browserSkipReason(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `browser tests skipped: ${CHROMIUM_PATH} is missing (apt-get install chromium; CI installs it)`;
}

/** A running headless browser with a throw-away profile. */
export interface TestBrowser {
  /** The browser context (one profile). */
  readonly context: BrowserContext;
  /** Opens a new tab. */
  readonly newPage: (options?: {
    colorScheme?: 'light' | 'dark';
    width?: number;
    height?: number;
  }) => Promise<Page>;
  /** Closes the browser and deletes its profile. */
  readonly close: () => Promise<void>;
}

/**
 * Launches headless Chromium with a fresh user-data-dir.
 *
 * @example
 * ```ts
 * const browser = await launchBrowser();
 * const page = await browser.newPage({ colorScheme: 'dark' });
 * await page.goto(pathToFileURL('site/index.html').href);
 * await browser.close();
 * ```
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'errcat-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    newPage: async (options = {}) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: options.width ?? 1280, height: options.height ?? 900 });
      await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
      return page;
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
