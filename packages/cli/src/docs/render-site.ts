import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { SITE_STYLE } from './client/site-style.js';
import type { DocsModel } from './docs-model.js';
import { html, SafeHtml } from './html.js';
import { renderBlockProse } from './markdown-prose.js';
import { exampleText, renderExample } from './render-example.js';
import { buildSiteData } from './site-data.js';

/**
 * Options of {@link renderSite}.
 *
 * @example
 * ```ts
 * renderSite(buildDocsModel(catalog), { script: await loadSiteScript() });
 * ```
 */
export interface RenderSiteOptions {
  /** The page script (see `loadSiteScript`). */
  readonly script: string;
  /** A second script, such as `errcat serve`'s live reload client. @default undefined */
  readonly extraScript?: string;
}

function sectionsAt(model: DocsModel, at: 'start' | 'end'): SafeHtml[] {
  return model.sections
    .filter((section) => section.at === at)
    .map(
      (section, i) =>
        html`<section class="ec-intro" aria-labelledby="ec-s-${at}-${i}"><h2 id="ec-s-${at}-${i}">${section.title}</h2>${renderBlockProse(section.body, 3)}</section>`,
    );
}

function responseFormat(model: DocsModel): SafeHtml | undefined {
  const sample = model.groups.flatMap((group) => group.entries).find((entry) => entry.example !== undefined);
  if (!sample?.example) return undefined;
  const example = renderExample(sample.example, model.profile);
  return html`<section class="ec-intro" aria-labelledby="ec-format"><h2 id="ec-format">Error response format</h2>
<p>Errors are sent in the <strong>${model.profile.name}</strong> format (<code>${model.profile.contentType}</code>). For example, <a href="${sample.href}">${String(sample.code)}</a>:</p>
<pre><code>${exampleText(example, STATUS_CODES[example.status] ?? '')}</code></pre>
<p>Match on the <code>code</code>; the message is for people and may change.${
    model.profiles.length > 1 &&
    ' Each error below also shows its response in the other formats errcat speaks.'
  }</p></section>`;
}

/** A script's CSP hash, so the page runs its own inline scripts and nothing injected. */
function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
}

/**
 * Serialises JSON for a `<script type="application/json">`: `</` and `<!--` are the only
 * sequences that can end or confuse the element, and both have JSON escapes.
 */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/<\/|<!--/g, (match) => (match === '</' ? '<\\/' : '\\u003c!--'));
}

/** The `<head>` and the page chrome shared by the site and the error page. */
function page(title: string, body: SafeHtml, scripts: readonly string[], description?: string): string {
  const csp = [
    "default-src 'none'",
    `style-src ${cspHash(SITE_STYLE)}`,
    `script-src ${scripts.map(cspHash).join(' ') || "'none'"}`,
    "connect-src 'self'",
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="errcat">
${description !== undefined && html`<meta name="description" content="${description}">`}
<title>${title}</title>
<style>${new SafeHtml(SITE_STYLE)}</style>
</head>
<body>
${body}
${scripts.map((script) => html`<script type="module">${new SafeHtml(script)}</script>`)}
</body>
</html>
`}`;
}

/**
 * Renders the docs site as one self-contained HTML page: inline style and script, a search index
 * built now, and a Content-Security-Policy that allows nothing but the page's own code, so the
 * page works from `file://` and any static host and never contacts another site. Every catalog
 * string is escaped.
 *
 * @example
 * ```ts
 * const page = renderSite(buildDocsModel(catalog), { script: await loadSiteScript() });
 * await writeFile('site/index.html', page);
 * ```
 */
export function renderSite(model: DocsModel, options: RenderSiteOptions): string {
  const statusTexts: Record<string, string> = {};
  for (const [status, text] of Object.entries(STATUS_CODES)) if (text) statusTexts[status] = text;
  const data = buildSiteData(model, { statusTexts });
  const nav = html`<nav class="ec-nav" aria-labelledby="ec-nav-h"><h2 id="ec-nav-h">Categories</h2><ul>${model.groups.map(
    (group) =>
      html`<li><a href="#${group.id}" data-group="${group.id}"><span>${group.title}</span> <span class="ec-count" aria-label="${group.entries.length} errors">${group.entries.length}</span></a></li>`,
  )}</ul><div class="ec-keys"><h2>Keyboard</h2><p><kbd>/</kbd> search</p><p><kbd>Enter</kbd> or <kbd>↓</kbd> first result</p><p><kbd>↑</kbd> <kbd>↓</kbd> previous, next error</p><p><kbd>Esc</kbd> clear search</p></div></nav>`;
  const meta = [
    model.domain,
    model.version !== undefined && `version ${model.version}`,
    `${model.entryCount} ${model.entryCount === 1 ? 'error' : 'errors'}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const body = html`<a class="ec-skip" href="#ec-main">Skip to the errors</a>
<header class="ec-banner"><h1>${model.name}</h1><p class="ec-meta">${meta}</p></header>
<div class="ec-search" role="search"><div class="ec-search-inner">
<label for="ec-q">Search errors</label>
<input id="ec-q" type="search" autocomplete="off" spellcheck="false" placeholder="Code, key, title, message, cause or resolution" aria-describedby="ec-status" aria-controls="ec-list">
<p id="ec-status" class="ec-status" role="status" aria-live="polite" aria-atomic="true"></p>
</div></div>
<div class="ec-layout">
${nav}
<main id="ec-main" tabindex="-1">
${model.description !== undefined && html`<section class="ec-intro" aria-label="About these errors">${renderBlockProse(model.description, 3)}</section>`}
${sectionsAt(model, 'start')}
${responseFormat(model)}
<p id="ec-empty" class="ec-empty" hidden>No errors found matching your search.</p>
<noscript><p class="ec-empty">This error reference needs JavaScript to list the errors.</p></noscript>
<button type="button" class="ec-more" id="ec-earlier" hidden></button>
<div id="ec-list"></div>
<button type="button" class="ec-more" id="ec-later" hidden></button>
${sectionsAt(model, 'end')}
</main>
</div>
<footer>Generated by errcat from the <code>${model.domain}</code> catalog${model.version !== undefined && html`, version ${model.version}`}.</footer>
<script type="application/json" id="ec-data">${new SafeHtml(scriptJson(data))}</script>`;
  const scripts =
    options.extraScript === undefined ? [options.script] : [options.script, options.extraScript];
  const description = model.description?.split('\n')[0]?.slice(0, 300);
  return page(`${model.name} — error reference`, body, scripts, description);
}

/**
 * Renders the page `errcat serve` shows while the catalog cannot be loaded: the failure and every
 * lint finding, escaped, and the live-reload script so the page recovers once the file is fixed.
 *
 * @example
 * ```ts
 * renderErrorPage('catalogs/api.yaml', ['errors.X.status: must be an integer'], liveReloadScript);
 * ```
 */
export function renderErrorPage(file: string, problems: readonly string[], script: string): string {
  const body = html`<main class="ec-error-page" id="ec-main"><h1>The catalog cannot be shown</h1>
<p><code>${file}</code> has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}. Fix ${problems.length === 1 ? 'it' : 'them'} and save: this page reloads by itself.</p>
<pre id="ec-problems" role="alert">${problems.join('\n')}</pre></main>`;
  return page('Catalog error — errcat', body, [script]);
}
