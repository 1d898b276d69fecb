import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCatalog } from 'errcat';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser, type TestBrowser } from '../../../../test-support/browser.js';
import { docsFixtureSpec } from '../../test/fixtures/docs-fixture.js';
import { loadCatalogFile } from '../catalog/load-catalog.js';
import { writeDocsSite } from './write-docs.js';

const skip = browserSkipReason();
if (skip) console.warn(skip);

const artifacts = fileURLToPath(new URL('../../../../test-artifacts/', import.meta.url));
const catalogs = fileURLToPath(new URL('../../../../catalogs/', import.meta.url));
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(skip !== undefined)('the docs site in Chromium', () => {
  let browser: TestBrowser;
  let dir: string;
  let fixtureUrl: string;
  const seedUrls = new Map<string, string>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-site-'));
    await mkdir(artifacts, { recursive: true });
    const { file } = await writeDocsSite(parseCatalog(docsFixtureSpec), join(dir, 'fixture'));
    fixtureUrl = pathToFileURL(file).href;
    for (const name of ['resonate-legacy', 'devdocs', 'api-reference']) {
      const { catalog } = await loadCatalogFile(join(catalogs, `${name}.yaml`));
      seedUrls.set(name, pathToFileURL((await writeDocsSite(catalog, join(dir, name))).file).href);
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Opens a page, failing on script errors and recording every request it makes. */
  async function open(url: string, options: Parameters<TestBrowser['newPage']>[0] = {}) {
    const page = await browser.newPage(options);
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(url);
    return { page, requests, errors };
  }

  const visibleCodes = (page: Page): Promise<string[]> =>
    page.$$eval('#ec-list article.ec-entry', (articles) =>
      articles.map((article) => article.querySelector('.ec-code')?.textContent ?? ''),
    );

  it('loads from file:// with no script error and no request beyond the page itself', async () => {
    const { page, requests, errors } = await open(fixtureUrl);
    expect(await page.title()).toBe('Example API Errors — error reference');
    expect(await page.locator('h1').textContent()).toBe('Example API Errors');
    expect(await visibleCodes(page)).toHaveLength(8);
    // Groups in catalog order, with ranges; the entry without a category comes last.
    expect(await page.locator('#ec-list .ec-group > h2').allTextContents()).toEqual([
      'Request Errors (4000–4999)',
      'Server Errors (5000–5999)',
      'Authentication Errors',
      'Other errors',
    ]);
    expect(await page.locator('#ec-main h2', { hasText: 'Handling Errors' }).count()).toBe(1);
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    await page.close();
  });

  it('escapes catalog text: injected markup shows as text and no injected script runs', async () => {
    const { page, requests } = await open(`${fixtureUrl}#4099`);
    const entry = page.locator('article[id="4099"]');
    expect(await entry.locator('h3').textContent()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await entry.locator('code', { hasText: '</script>' }).count()).toBeGreaterThan(0);
    expect(await entry.locator('a[href^="javascript:"], img, svg, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(requests.some((url) => url.includes('tracker.example'))).toBe(false);
    await page.close();
  });

  it('searches as you type over code, key, title, message, causes and resolution', async () => {
    const { page } = await open(fixtureUrl);
    const search = page.getByLabel('Search errors');
    const cases: [string, string[]][] = [
      ['4040', ['4040']],
      ['not found', ['4040', '4049']],
      ['PROMISE_NOT', ['4040']],
      ['AUTH-401', ['AUTH-401']],
      ['token expired', ['AUTH-401']],
      ['readonly', []],
      ['read-only', ['5002']],
      ['exponential backoff', ['5031']],
      ['  MISSPELLED   promise ', ['4040']],
    ];
    for (const [query, codes] of cases) {
      await search.fill(query);
      expect(await visibleCodes(page), query).toEqual(codes);
    }
    await search.fill('4040');
    expect(await page.locator('#ec-status').textContent()).toBe('1 of 8 errors match.');
    // Groups without a match are hidden, from the page and from the navigation.
    expect(await page.locator('#ec-list .ec-group > h2').allTextContents()).toEqual([
      'Request Errors (4000–4999)',
    ]);
    expect(await page.locator('.ec-nav li:not([hidden])').allTextContents()).toEqual(['Request Errors 1']);
    expect(await page.locator('#ec-earlier').isVisible()).toBe(false);
    expect(await page.locator('#ec-later').isVisible()).toBe(false);
    await search.fill('');
    expect(await visibleCodes(page)).toHaveLength(8);
    await page.close();
  });

  it('finds the seed queries in the seed catalogs', async () => {
    const expectations: [string, string, string][] = [
      ['resonate-legacy', '4040', '4040'],
      ['resonate-legacy', 'not found', '4040'],
      ['devdocs', 'AUTH-401', 'AUTH-401'],
      ['devdocs', 'token expired', 'AUTH-401'],
      ['api-reference', 'token expired', 'token_expired'],
    ];
    for (const [seed, query, code] of expectations) {
      const { page } = await open(seedUrls.get(seed) as string);
      await page.getByLabel('Search errors').fill(query);
      expect(await visibleCodes(page), `${seed}: ${query}`).toContain(code);
      await page.close();
    }
  });

  it('shows the empty state when nothing matches, and clears it with Escape', async () => {
    const { page } = await open(fixtureUrl);
    const search = page.getByLabel('Search errors');
    await search.fill('zzzz no such thing');
    const empty = page.locator('#ec-empty');
    expect(await empty.isVisible()).toBe(true);
    expect(await empty.textContent()).toBe('No errors found matching your search.');
    expect(await page.locator('#ec-status').textContent()).toBe('No errors found matching your search.');
    expect(await visibleCodes(page)).toEqual([]);
    await search.press('Escape');
    expect(await empty.isVisible()).toBe(false);
    expect(await visibleCodes(page)).toHaveLength(8);
    await page.close();
  });

  it('scrolls a deep link to its entry and highlights it, even while a search hides it', async () => {
    const { page } = await open(`${fixtureUrl}#5031`, { width: 1280, height: 700 });
    const entry = page.locator('article[id="5031"]');
    expect(await entry.evaluate((el) => el.classList.contains('ec-highlight'))).toBe(true);
    expect(await entry.evaluate((el) => document.activeElement === el)).toBe(true);
    const top = await entry.evaluate((el) => el.getBoundingClientRect().top);
    const bar = await page.locator('.ec-search').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(top).toBeGreaterThanOrEqual(bar);
    expect(top).toBeLessThan(bar + 40);
    await page.screenshot({ path: join(artifacts, 'docs-site-deep-link.png') });
    // A link to an entry that the search hides clears the search.
    await page.getByLabel('Search errors').fill('storage');
    await page.evaluate(() => {
      location.hash = 'AUTH-401';
    });
    await page.waitForFunction(() => document.getElementById('AUTH-401')?.classList.contains('ec-highlight'));
    expect(await page.getByLabel('Search errors').inputValue()).toBe('');
    expect(await entry.evaluate((el) => el.classList.contains('ec-highlight'))).toBe(false);
    await page.close();
  });

  it('renders a large catalog in windows: more on scroll, around a deep link, everything for print', async () => {
    const errors: Record<string, { code: number; status: number; message: string; title: string }> = {};
    for (let i = 0; i < 150; i++) {
      errors[`ENTRY_${i}`] = {
        code: 7000 + i,
        status: 400,
        title: `Entry number ${i}`,
        message: `Entry ${i} failed`,
      };
    }
    const big = parseCatalog({ domain: 'big.example.com', errors });
    const url = pathToFileURL((await writeDocsSite(big, join(dir, 'big'), { tabs: [] })).file).href;
    const { page, errors: pageErrors } = await open(url);
    expect(await visibleCodes(page)).toHaveLength(12);
    await page.locator('#ec-later').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('#ec-list article').length > 12);
    await page.goto(`${url}#7140`);
    expect(
      await page.locator('article[id="7140"]').evaluate((el) => el.classList.contains('ec-highlight')),
    ).toBe(true);
    expect(await page.locator('#ec-earlier').isVisible()).toBe(true);
    await page.locator('#ec-earlier').click();
    expect((await visibleCodes(page))[0]).toBe('7110');
    // From the first card, ArrowUp loads the earlier ones and moves to the one before.
    await page.locator('article[id="7110"]').focus();
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('7109');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await visibleCodes(page)).toHaveLength(150);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('links each entry at exactly the fragment of its docs URL', async () => {
    const { page } = await open(seedUrls.get('resonate-legacy') as string);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const hrefs = await page.$$eval('article.ec-entry .ec-code', (links) =>
      links.map((a) => a.getAttribute('href')),
    );
    const { catalog } = await loadCatalogFile(join(catalogs, 'resonate-legacy.yaml'));
    expect(hrefs).toEqual(catalog.entries.map((entry) => `#${entry.docs?.split('#')[1]}`));
    await page.close();
  });

  it('works from the keyboard: / to search, Enter to the first result, arrows between results', async () => {
    const { page } = await open(fixtureUrl);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ec-q');
    await page.keyboard.type('not found');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('4040');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('4049');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('4040');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ec-q');
    await page.close();
    // On a fresh page the first Tab reaches the skip link, which moves focus to the main landmark.
    const fresh = (await open(fixtureUrl)).page;
    await fresh.keyboard.press('Tab');
    expect(await fresh.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the errors');
    await fresh.keyboard.press('Enter');
    expect(await fresh.evaluate(() => document.activeElement?.id)).toBe('ec-main');
    await fresh.close();
  });

  it('shows the example in the catalog profile and a tab per other profile, switchable by keyboard', async () => {
    const { page } = await open(`${fixtureUrl}#4040`);
    const entry = page.locator('article[id="4040"]');
    const tabs = entry.getByRole('tab');
    expect(await tabs.count()).toBeGreaterThan(3);
    expect(await tabs.first().textContent()).toBe('problem (this API)');
    const panel = entry.getByRole('tabpanel');
    expect(await panel.count()).toBe(1);
    expect(await panel.textContent()).toContain(
      '"detail": "The specified promise \'order-42\' could not be found"',
    );
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    const second = tabs.nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await second.evaluate((el) => document.activeElement === el)).toBe(true);
    expect(await entry.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(
      await second.getAttribute('id'),
    );
    await page.keyboard.press('End');
    expect(await tabs.last().getAttribute('aria-selected')).toBe('true');
    await tabs.first().click();
    expect(await tabs.first().getAttribute('aria-selected')).toBe('true');
    // Internal details never reach an example response; the SDK error has none at all.
    const storagePanels = await page.locator('article[id="5002"] [role="tabpanel"]').allTextContents();
    expect(storagePanels.join('\n')).not.toContain('readonly');
    expect(await page.locator('article[id="1198"] [role="tablist"]').count()).toBe(0);
    expect(await page.locator('article[id="1198"] pre').textContent()).toBe(
      'CatalogError: An unrecoverable internal error occurred in the SDK',
    );
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe accessibility checks in the ${scheme} theme (landmarks, labels, contrast)`, async () => {
      const { page } = await open(fixtureUrl, { colorScheme: scheme });
      await page.evaluate(axeSource);
      const result = (await page.evaluate(() =>
        (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] },
        }),
      )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
      const summary = result.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`,
      );
      expect(summary).toEqual([]);
      await page.screenshot({ path: join(artifacts, `docs-site-${scheme}.png`) });
      await page.close();
    });
  }

  it('fits a phone screen without sideways scrolling', async () => {
    const { page } = await open(`${fixtureUrl}#4000`, { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(artifacts, 'docs-site-phone.png') });
    await page.close();
  });

  it('prints every entry without the search, navigation or tab buttons', async () => {
    const { page } = await open(fixtureUrl);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ec-search').isVisible()).toBe(false);
    expect(await page.locator('.ec-nav').isVisible()).toBe(false);
    expect(await page.locator('[role="tablist"]').first().isVisible()).toBe(false);
    expect(await page.locator('article[id="5002"]').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
