/**
 * The benchmark report as a picture: one horizontal bar per ratio, drawn from 1× on a log scale
 * (so 0.5× and 2× are as far from 1×), with its target as a dashed line. Pure string generation:
 * the SVG needs no script, font or service to be viewed, on GitHub or from a file.
 */

/** What a ratio must reach: at least a value (a throughput ratio) or at most one (a time ratio). */
export type RatioTarget = { readonly atLeast: number } | { readonly atMost: number };

/** One bar of the chart: a labelled ratio and, when it has one, its target. */
export interface RatioBar {
  /** What the ratio compares, such as `promises: with errcat guards × without`. */
  readonly label: string;
  /** The ratio; `NaN` when the benchmark could not measure it (drawn without a bar). */
  readonly value: number;
  /** The ratio's target. @default none (the bar is grey, without a line) */
  readonly target?: RatioTarget;
}

/** Options of {@link renderRatioChart}. */
export interface RatioChartOptions {
  /** The heading above the bars. @default 'errcat benchmarks: ratios and their targets' */
  readonly title?: string;
  /** A line under the heading, such as when and where the figures were taken. @default none */
  readonly subtitle?: string;
}

const WIDTH = 900;
const LABEL_RIGHT = 330;
const PLOT_LEFT = 345;
const PLOT_RIGHT = 690;
const VALUE_LEFT = 705;
const ROW = 26;
const TOP = 62;
const LABEL_CHARS = 52;
const COLOURS = { met: '#2e7d32', missed: '#c62828', none: '#78909c' } as const;

/**
 * Whether a ratio meets its target; `undefined` without a target or a measured value.
 *
 * @example
 * ```ts
 * targetMet(0.87, { atLeast: 0.85 }); // true
 * targetMet(1.3, { atMost: 1.2 }); // false
 * ```
 */
export function targetMet(value: number, target: RatioTarget | undefined): boolean | undefined {
  if (target === undefined || Number.isNaN(value)) return undefined;
  return 'atLeast' in target ? value >= target.atLeast : value <= target.atMost;
}

/** A target as the report writes it: `≥ 0.85` or `≤ 1.2`. */
function describeTarget(target: RatioTarget): string {
  return 'atLeast' in target ? `≥ ${target.atLeast}` : `≤ ${target.atMost}`;
}

/**
 * A ratio next to its target, as every report row prints it: `0.87 (target ≥ 0.85)`.
 *
 * @example
 * ```ts
 * formatRatio(0.8712, { atLeast: 0.85 }); // '0.87 (target ≥ 0.85)'
 * formatRatio(1.5); // '1.50'
 * ```
 */
export function formatRatio(value: number, target?: RatioTarget): string {
  const ratio = Number.isNaN(value) ? 'n/a' : value.toFixed(2);
  return target === undefined ? ratio : `${ratio} (target ${describeTarget(target)})`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const targetValue = (target: RatioTarget): number => ('atLeast' in target ? target.atLeast : target.atMost);

/** Powers of two, or of ten over a wide range, that fall inside the scale. */
function ticks(low: number, high: number): number[] {
  const base = high / low > 300 ? 10 : 2;
  const values: number[] = [];
  for (let power = Math.ceil(Math.log(low) / Math.log(base)); base ** power <= high; power++) {
    values.push(base ** power);
  }
  return values;
}

const tickLabel = (value: number): string => `${value >= 1 ? value : Number(value.toPrecision(3))}×`;

/**
 * Renders ratio bars as a standalone SVG document: each bar's label on the left, the bar from 1×
 * (green when it meets its target, red when it misses, grey without one), the target as a dashed
 * line, and the figure as {@link formatRatio} writes it on the right. Labels are escaped, and
 * shortened with an ellipsis past 52 characters (the whole label is the bar's tooltip).
 *
 * @example
 * ```ts
 * const svg = renderRatioChart([
 *   { label: 'promises: with guards × without', value: 0.87, target: { atLeast: 0.85 } },
 *   { label: 'errors: errcat expected × floor', value: 1.1, target: { atMost: 1.2 } },
 * ]);
 * writeFileSync('bench/results/latest.svg', svg);
 * ```
 */
export function renderRatioChart(bars: readonly RatioBar[], options: RatioChartOptions = {}): string {
  const figures = bars.flatMap((bar) => [
    ...(Number.isFinite(bar.value) && bar.value > 0 ? [bar.value] : []),
    ...(bar.target ? [targetValue(bar.target)] : []),
  ]);
  const low = Math.min(0.5, ...figures) / 1.15;
  const high = Math.max(2, ...figures) * 1.15;
  const x = (value: number): number => {
    const clamped = Math.min(high, Math.max(low, value));
    const share = Math.log(clamped / low) / Math.log(high / low);
    return Number((PLOT_LEFT + share * (PLOT_RIGHT - PLOT_LEFT)).toFixed(1));
  };
  const bottom = TOP + bars.length * ROW;
  const height = bottom + 52;
  const title = escapeXml(options.title ?? 'errcat benchmarks: ratios and their targets');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    // The accessible name, for screen readers and image viewers.
    `<title>${title}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="24" font-size="16" font-weight="600" fill="#212121">${title}</text>`,
  ];
  if (options.subtitle) {
    parts.push(`<text x="16" y="44" fill="#616161">${escapeXml(options.subtitle)}</text>`);
  }
  for (const tick of ticks(low, high)) {
    const at = x(tick);
    const stroke = tick === 1 ? '#9e9e9e' : '#eeeeee';
    parts.push(
      `<line x1="${at}" y1="${TOP - 6}" x2="${at}" y2="${bottom}" stroke="${stroke}"/>`,
      `<text x="${at}" y="${bottom + 16}" text-anchor="middle" fill="#616161">${tickLabel(tick)}</text>`,
    );
  }
  bars.forEach((bar, index) => {
    const top = TOP + index * ROW;
    const middle = top + ROW / 2;
    const met = targetMet(bar.value, bar.target);
    const colour = met === undefined ? COLOURS.none : met ? COLOURS.met : COLOURS.missed;
    const label = bar.label.length > LABEL_CHARS ? `${bar.label.slice(0, LABEL_CHARS - 1)}…` : bar.label;
    parts.push(
      `<g><title>${escapeXml(`${bar.label}: ${formatRatio(bar.value, bar.target)}`)}</title>`,
      `<text x="${LABEL_RIGHT}" y="${middle + 4}" text-anchor="end" fill="#212121">${escapeXml(label)}</text>`,
    );
    if (Number.isFinite(bar.value) && bar.value > 0) {
      const [from, to] = [x(1), x(bar.value)].sort((a, b) => a - b) as [number, number];
      parts.push(
        `<rect x="${from}" y="${top + 6}" width="${Math.max(1, to - from).toFixed(1)}" height="${ROW - 12}" fill="${colour}"/>`,
      );
    }
    if (bar.target) {
      const at = x(targetValue(bar.target));
      parts.push(
        `<line x1="${at}" y1="${top + 2}" x2="${at}" y2="${top + ROW - 2}" stroke="#212121" stroke-width="2" stroke-dasharray="3 2"/>`,
      );
    }
    parts.push(
      `<text x="${VALUE_LEFT}" y="${middle + 4}" fill="${colour}">${escapeXml(formatRatio(bar.value, bar.target))}</text></g>`,
    );
  });
  parts.push(
    `<text x="16" y="${bottom + 40}" fill="#616161">Bars start at 1× on a log scale; dashed line: the target; green: met, red: missed, grey: no target.</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}
