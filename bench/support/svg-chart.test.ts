import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser, type TestBrowser } from '../../test-support/browser.js';
import { formatRatio, type RatioBar, renderRatioChart, targetMet } from './svg-chart.js';

const BARS: readonly RatioBar[] = [
  { label: 'promises: with errcat guards × baseline, req/s', value: 0.87, target: { atLeast: 0.85 } },
  {
    label: 'errors: errcat expected (4xx, no stack) × new Error() (no stack)',
    value: 1.31,
    target: { atMost: 1.2 },
  },
  { label: 'docs: <script>alert("x") & \'y\'</script>', value: 0.4, target: { atMost: 1 } },
  { label: 'decode: not measured', value: Number.NaN },
  { label: 'rate-limit: no target', value: 12.5 },
];

describe('formatRatio and targetMet', () => {
  it('print a ratio next to its target and say whether it is met', () => {
    expect(formatRatio(0.8712, { atLeast: 0.85 })).toBe('0.87 (target ≥ 0.85)');
    expect(formatRatio(1.3, { atMost: 1.2 })).toBe('1.30 (target ≤ 1.2)');
    expect(formatRatio(Number.NaN)).toBe('n/a');
    expect(BARS.map((bar) => targetMet(bar.value, bar.target))).toEqual([
      true,
      false,
      true,
      undefined,
      undefined,
    ]);
  });
});

describe('renderRatioChart', () => {
  it('draws a bar per measured ratio, a dashed line per target, and each figure with its target', () => {
    const svg = renderRatioChart(BARS, { subtitle: 'a run on 2 cores' });
    expect(svg.match(/<rect x=/g)).toHaveLength(4);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(3);
    for (const text of ['0.87 (target ≥ 0.85)', '1.31 (target ≤ 1.2)', 'n/a', '12.50', 'a run on 2 cores']) {
      expect(svg).toContain(text);
    }
    expect(svg).not.toContain('<script>');
  });

  const skip = browserSkipReason();
  if (skip) console.log(skip);
  describe.skipIf(skip !== undefined)('parsed by Chromium’s XML parser', () => {
    let browser: TestBrowser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(() => browser?.close());

    it('is a well-formed SVG document whose labels survive escaping', async () => {
      const page = await browser.newPage();
      const parsed = await page.evaluate((source) => {
        const document = new DOMParser().parseFromString(source, 'image/svg+xml');
        return {
          errors: document.getElementsByTagName('parsererror').length,
          root: document.documentElement.namespaceURI,
          labels: [...document.querySelectorAll('g > text:first-of-type')].map((node) => node.textContent),
        };
      }, renderRatioChart(BARS));
      expect(parsed.errors).toBe(0);
      expect(parsed.root).toBe('http://www.w3.org/2000/svg');
      expect(parsed.labels).toContain('docs: <script>alert("x") & \'y\'</script>');
      // Past 52 characters a label is cut, with an ellipsis.
      expect(parsed.labels).toContain(`${BARS[1]?.label.slice(0, 51)}…`);
      // A malformed document is told apart: the check is not vacuous.
      const broken = await page.evaluate(
        (source) =>
          new DOMParser().parseFromString(source, 'image/svg+xml').getElementsByTagName('parsererror').length,
        renderRatioChart(BARS).replace('</svg>', ''),
      );
      expect(broken).toBeGreaterThan(0);
    });
  });
});
