import { createHash } from 'node:crypto';
import { SITE_STYLE } from './client/site-style.js';
import type { DocsEntry, DocsExample, DocsGroup, DocsModel } from './docs-model.js';
import { type HtmlValue, html, SafeHtml } from './html.js';
import { renderBlockProse, renderInlineProse } from './markdown-prose.js';

/** Options of {@link renderSite}. */
export interface RenderSiteOptions {
  /** The page script (see `loadSiteScript`). */
  readonly script: string;
  /** A second script, such as `errcat serve`'s live reload client. @default undefined */
  readonly extraScript?: string;
  /** Groups larger than this show their index table collapsed. @default 40 */
  readonly openIndexUpTo?: number;
}

/** The status line of an example: `HTTP/1.1 404 Not Found`. */
function statusLine(status: number, text: string): string {
  return `HTTP/1.1 ${status}${text ? ` ${text}` : ''}`;
}

function exampleText(example: DocsExample, statusText: (status: number) => string): string {
  const headers = Object.entries(example.headers).map(([name, value]) => `${name}: ${value}`);
  return `${statusLine(example.status, statusText(example.status))}\n${headers.join('\n')}\n\n${example.body}`;
}

function rangeText(range: readonly [number, number] | undefined): string | undefined {
  return range ? `${range[0]}\u2013${range[1]}` : undefined;
}

function statusBadge(entry: DocsEntry): SafeHtml {
  if (entry.status === undefined) return html`<li class="ec-badge">No HTTP status</li>`;
  const tone = entry.status >= 500 ? 'ec-s5' : entry.status >= 400 ? 'ec-s4' : '';
  return html`<li class="ec-badge ${tone}">${entry.status} ${entry.statusText}</li>`;
}

function badges(entry: DocsEntry): SafeHtml {
  return html`<ul class="ec-badges" aria-label="Summary">${statusBadge(entry)}${
    entry.retryable
      ? html`<li class="ec-badge ec-yes">Retryable</li>`
      : html`<li class="ec-badge">Not retryable</li>`
  }${entry.throttling && html`<li class="ec-badge ec-info">Throttling</li>`}${
    entry.notApplied && html`<li class="ec-badge ec-info">Not applied</li>`
  }${entry.deprecated !== false && html`<li class="ec-badge ec-dep">Deprecated</li>`}</ul>`;
}

function retryText(entry: DocsEntry): SafeHtml {
  const parts: HtmlValue[] = [entry.retryable ? 'Yes' : 'No'];
  if (entry.retryAfter !== undefined)
    parts.push(html` — after ${entry.retryAfter} s (<code>Retry-After</code>)`);
  if (entry.throttling)
    parts.push(html`<br>Throttling: back off more slowly than for other retryable errors.`);
  if (entry.notApplied)
    parts.push(html`<br>Not applied: the request had no effect, so any method may be retried.`);
  return html`${parts}`;
}

function paramsText(entry: DocsEntry): SafeHtml {
  if (entry.params.length === 0) return html`none`;
  return html`${entry.params.map(
    (param, i) => html`${i > 0 && ', '}<code>${param.name}</code>${!param.required && ' (optional)'}`,
  )}`;
}

function facts(entry: DocsEntry): SafeHtml {
  return html`<dl class="ec-facts">
<dt>Code</dt><dd><code>${String(entry.code)}</code></dd>
<dt>Key</dt><dd><code>${entry.key}</code></dd>
<dt>HTTP status</dt><dd>${entry.status === undefined ? 'None (not an HTTP error)' : `${entry.status} ${entry.statusText}`}</dd>
<dt>Retryable</dt><dd>${retryText(entry)}</dd>
<dt>Message</dt><dd><code>${entry.message}</code></dd>
<dt>Parameters</dt><dd>${paramsText(entry)}</dd>
${entry.since !== undefined && html`<dt>Since</dt><dd>${entry.since}</dd>`}
</dl>`;
}

function deprecation(entry: DocsEntry): SafeHtml | undefined {
  if (entry.deprecated === false) return undefined;
  const replacements = entry.replacedBy.map(
    (replacement, i) =>
      html`${i > 0 && ', '}${replacement.href ? html`<a href="${replacement.href}"><code>${replacement.key}</code></a>` : html`<code>${replacement.key}</code>`}`,
  );
  return html`<p class="ec-deprecated"><strong>Deprecated</strong>${
    typeof entry.deprecated === 'string' && html`: ${renderInlineProse(entry.deprecated)}`
  }${replacements.length > 0 && html` Use ${replacements} instead.`}</p>`;
}

function detailsTable(entry: DocsEntry): SafeHtml | undefined {
  if (entry.schemaDetails) {
    return html`<h4>Details</h4><p>The details are validated by a schema in the catalog source.</p>`;
  }
  if (entry.fields.length === 0) return undefined;
  return html`<h4>Details</h4><div class="ec-table-wrap"><table>
<thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
<tbody>${entry.fields.map(
    (field) =>
      html`<tr${field.internal && html` class="ec-internal"`}><td><code>${field.name}</code></td><td>${field.type}${
        field.enum &&
        html`: ${field.enum.map((value, i) => html`${i > 0 && ', '}<code>${JSON.stringify(value)}</code>`)}`
      }${!field.required && ', optional'}${field.internal ? html`, <strong>internal</strong> (logged, never sent)` : ', public'}</td><td>${
        field.description !== undefined && renderInlineProse(field.description)
      }</td></tr>`,
  )}</tbody></table></div>`;
}

function examples(
  entry: DocsEntry,
  index: number,
  model: DocsModel,
  statusText: (s: number) => string,
): SafeHtml | undefined {
  const [first] = entry.examples;
  if (!first) return undefined;
  const headingId = `ec-x-${index}`;
  const pre = (example: DocsExample): SafeHtml =>
    html`<pre><code>${exampleText(example, statusText)}</code></pre>`;
  if (entry.examples.length === 1) {
    return html`<h4 id="${headingId}">Example response</h4><p class="ec-profile-label">${first.profile} profile</p>${pre(first)}`;
  }
  const tab = (example: DocsExample, i: number): SafeHtml =>
    html`<button type="button" role="tab" id="ec-t-${index}-${i}" aria-controls="ec-p-${index}-${i}" aria-selected="${i === 0 ? 'true' : 'false'}" tabindex="${i === 0 ? '0' : '-1'}">${example.profile}${example.profile === model.profile.name && ' (this API)'}</button>`;
  const panel = (example: DocsExample, i: number): SafeHtml =>
    html`<div role="tabpanel" id="ec-p-${index}-${i}" aria-labelledby="ec-t-${index}-${i}" tabindex="0"${i > 0 && html` hidden`}><p class="ec-profile-label ec-print-only">${example.profile} profile</p>${pre(example)}</div>`;
  return html`<h4 id="${headingId}">Example response</h4><div class="ec-tabs"><div role="tablist" aria-labelledby="${headingId}">${entry.examples.map(tab)}</div>${entry.examples.map(panel)}</div>`;
}

function renderEntry(
  entry: DocsEntry,
  index: number,
  model: DocsModel,
  statusText: (s: number) => string,
): SafeHtml {
  const headingId = `ec-h-${index}`;
  return html`<article class="ec-entry" id="${entry.anchor}" tabindex="-1" aria-labelledby="${headingId}">
<h3 id="${headingId}"><a class="ec-code" href="${entry.href}" aria-label="${String(entry.code)}, link to this error">${String(entry.code)}</a> <span>${entry.title}</span></h3>
${badges(entry)}${deprecation(entry)}${facts(entry)}
${entry.description !== undefined && renderBlockProse(entry.description, 5)}
${detailsTable(entry)}
${entry.causes.length > 0 && html`<h4>Possible causes</h4><ul>${entry.causes.map((cause) => html`<li>${renderInlineProse(cause)}</li>`)}</ul>`}
${entry.resolution !== undefined && html`<h4>Resolution</h4>${renderBlockProse(entry.resolution, 5)}`}
${examples(entry, index, model, statusText)}
</article>
`;
}

function indexTable(group: DocsGroup, open: boolean): SafeHtml {
  return html`<details class="ec-index"${open && html` open`}><summary>Index of ${group.entries.length} ${group.entries.length === 1 ? 'code' : 'codes'}</summary><div class="ec-table-wrap"><table>
<thead><tr><th scope="col">Code</th><th scope="col">Key</th><th scope="col">Status</th><th scope="col">Retryable</th><th scope="col">Title</th></tr></thead>
<tbody>${group.entries.map(
    (entry) =>
      html`<tr><td><a href="${entry.href}">${String(entry.code)}</a></td><td><code>${entry.key}</code></td><td>${entry.status ?? '\u2014'}</td><td>${entry.retryable ? 'Yes' : 'No'}</td><td>${entry.title}</td></tr>`,
  )}</tbody></table></div></details>`;
}

function sectionsAt(model: DocsModel, at: 'start' | 'end'): SafeHtml[] {
  return model.sections
    .filter((section) => section.at === at)
    .map(
      (section, i) =>
        html`<section class="ec-intro" aria-labelledby="ec-s-${at}-${i}"><h2 id="ec-s-${at}-${i}">${section.title}</h2>${renderBlockProse(section.body, 3)}</section>`,
    );
}

function responseFormat(model: DocsModel, statusText: (s: number) => string): SafeHtml | undefined {
  const sample = model.groups.flatMap((group) => group.entries).find((entry) => entry.examples.length > 0);
  const example = sample?.examples[0];
  if (!sample || !example) return undefined;
  return html`<section class="ec-intro" aria-labelledby="ec-format"><h2 id="ec-format">Error response format</h2>
<p>Errors are sent in the <strong>${model.profile.name}</strong> format (<code>${model.profile.contentType}</code>). For example, <a href="${sample.href}">${String(sample.code)}</a>:</p>
<pre><code>${exampleText(example, statusText)}</code></pre>
<p>Match on the <code>code</code>; the message is for people and may change.${
    model.profiles.length > 1 &&
    ' Each error below also shows its response in the other formats errcat speaks.'
  }</p></section>`;
}

/** A script's CSP hash, so the page runs its own inline scripts and nothing injected. */
function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
}

/** Serialises JSON for a `<script type="application/json">`: no `<` can end the element early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
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
  const statusCache = new Map<number, string>();
  for (const entry of model.groups.flatMap((group) => group.entries)) {
    if (entry.status !== undefined) statusCache.set(entry.status, entry.statusText);
  }
  const statusText = (status: number): string => statusCache.get(status) ?? '';
  const openUpTo = options.openIndexUpTo ?? 40;
  let index = 0;
  const groups = model.groups.map((group) => {
    const range = rangeText(group.range);
    const start = index;
    const entries = group.entries.map((entry) => renderEntry(entry, index++, model, statusText));
    return html`<section class="ec-group" id="${group.id}" aria-labelledby="${group.id}-h" data-start="${start}" data-count="${group.entries.length}">
<h2 id="${group.id}-h">${group.title}${range && !group.title.includes(String(group.range?.[0])) && html` <span class="ec-range">(${range})</span>`}</h2>
${group.description !== undefined && html`<div class="ec-group-description">${renderBlockProse(group.description, 3)}</div>`}
${indexTable(group, group.entries.length <= openUpTo)}
${entries}</section>`;
  });
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
<input id="ec-q" type="search" autocomplete="off" spellcheck="false" placeholder="Code, key, title, message, cause or resolution" aria-describedby="ec-status" aria-controls="ec-main">
<p id="ec-status" class="ec-status" role="status" aria-live="polite" aria-atomic="true"></p>
</div></div>
<div class="ec-layout">
${nav}
<main id="ec-main" tabindex="-1">
${model.description !== undefined && html`<section class="ec-intro" aria-label="About these errors">${renderBlockProse(model.description, 3)}</section>`}
${sectionsAt(model, 'start')}
${responseFormat(model, statusText)}
<p id="ec-empty" class="ec-empty" hidden>No errors found matching your search.</p>
${groups}
${sectionsAt(model, 'end')}
</main>
</div>
<footer>Generated by errcat from the <code>${model.domain}</code> catalog${model.version !== undefined && html`, version ${model.version}`}.</footer>
<script type="application/json" id="ec-search-index">${new SafeHtml(
    scriptJson(model.groups.flatMap((group) => group.entries.map((entry) => entry.searchText))),
  )}</script>`;
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
