/**
 * The HTML of one entry card, rendered in the browser from the page data. Plain values are escaped
 * by {@link html}; the `…Html` members were rendered safe by the generator. No Node imports: this
 * module is bundled into the page script.
 */
import { type HtmlValue, html, SafeHtml } from './html.js';
import { type DocsExample, exampleText } from './render-example.js';
import type { SiteData, SiteEntry } from './site-data.js';

function statusBadge(entry: SiteEntry, data: SiteData): SafeHtml {
  if (entry.status === undefined) return html`<li class="ec-badge">No HTTP status</li>`;
  const tone = entry.status >= 500 ? 'ec-s5' : entry.status >= 400 ? 'ec-s4' : '';
  return html`<li class="ec-badge ${tone}">${entry.status} ${data.statusTexts[entry.status] ?? ''}</li>`;
}

function badges(entry: SiteEntry, data: SiteData): SafeHtml {
  return html`<ul class="ec-badges" aria-label="Summary">${statusBadge(entry, data)}${
    entry.retryable
      ? html`<li class="ec-badge ec-yes">Retryable</li>`
      : html`<li class="ec-badge">Not retryable</li>`
  }${entry.throttling && html`<li class="ec-badge ec-info">Throttling</li>`}${
    entry.notApplied && html`<li class="ec-badge ec-info">Not applied</li>`
  }${entry.deprecated && html`<li class="ec-badge ec-dep">Deprecated</li>`}</ul>`;
}

function retryText(entry: SiteEntry): SafeHtml {
  const parts: HtmlValue[] = [entry.retryable ? 'Yes' : 'No'];
  if (entry.retryAfter !== undefined)
    parts.push(html` — after ${entry.retryAfter} s (<code>Retry-After</code>)`);
  if (entry.throttling)
    parts.push(html`<br>Throttling: back off more slowly than for other retryable errors.`);
  if (entry.notApplied) {
    parts.push(html`<br>Not applied: the request had no effect, so any method may be retried.`);
  }
  return html`${parts}`;
}

function facts(entry: SiteEntry, data: SiteData): SafeHtml {
  const params = entry.params ?? [];
  return html`<dl class="ec-facts"><dt>Code</dt><dd><code>${String(entry.code)}</code></dd><dt>Key</dt><dd><code>${entry.key}</code></dd><dt>HTTP status</dt><dd>${
    entry.status === undefined
      ? 'None (not an HTTP error)'
      : `${entry.status} ${data.statusTexts[entry.status] ?? ''}`.trim()
  }</dd><dt>Retryable</dt><dd>${retryText(entry)}</dd><dt>Message</dt><dd><code>${entry.message}</code></dd><dt>Parameters</dt><dd>${
    params.length === 0
      ? 'none'
      : params.map(
          ([name, required], i) => html`${i > 0 && ', '}<code>${name}</code>${!required && ' (optional)'}`,
        )
  }</dd>${entry.answersHtml !== undefined && html`<dt>Answers</dt><dd>${new SafeHtml(entry.answersHtml)}</dd>`}${
    entry.since !== undefined && html`<dt>Since</dt><dd>${entry.since}</dd>`
  }</dl>`;
}

function deprecation(entry: SiteEntry): SafeHtml | undefined {
  if (!entry.deprecated) return undefined;
  const replacements = (entry.replacedBy ?? []).map(
    (replacement, i) =>
      html`${i > 0 && ', '}${
        replacement.href
          ? html`<a href="${replacement.href}"><code>${replacement.key}</code></a>`
          : html`<code>${replacement.key}</code>`
      }`,
  );
  return html`<p class="ec-deprecated"><strong>Deprecated</strong>${
    typeof entry.deprecated === 'string' && html`: ${new SafeHtml(entry.deprecated)}`
  }${replacements.length > 0 && html` Use ${replacements} instead.`}</p>`;
}

function detailsTable(entry: SiteEntry): SafeHtml | undefined {
  if (entry.schemaDetails) {
    return html`<h4>Details</h4><p>The details are validated by a schema in the catalog source.</p>`;
  }
  if (!entry.fields) return undefined;
  return html`<h4>Details</h4><div class="ec-table-wrap"><table><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${entry.fields.map(
    (field) =>
      html`<tr${field.internal && html` class="ec-internal"`}><td><code>${field.name}</code></td><td>${field.type}${
        field.enum && html`: ${field.enum.map((value, i) => html`${i > 0 && ', '}<code>${value}</code>`)}`
      }${field.optional && ', optional'}${
        field.internal ? html`, <strong>internal</strong> (logged, never sent)` : ', public'
      }</td><td>${field.descriptionHtml !== undefined && new SafeHtml(field.descriptionHtml)}</td></tr>`,
  )}</tbody></table></div>`;
}

/**
 * One example as a `<pre><code>` block: its status line, headers and body.
 *
 * @example
 * ```ts
 * html`<h4>Example response</h4>${examplePre(renderExample(source, googleProfile), data)}`;
 * ```
 */
export function examplePre(example: DocsExample, data: SiteData): SafeHtml {
  return html`<pre><code>${exampleText(example, data.statusTexts[example.status] ?? '')}</code></pre>`;
}

function exampleTabs(
  entry: SiteEntry,
  index: number,
  data: SiteData,
  first: DocsExample,
): SafeHtml | undefined {
  if (!entry.example) return undefined;
  const heading = `ec-x-${index}`;
  if (data.profiles.length === 1) {
    return html`<h4 id="${heading}">Example response</h4><p class="ec-profile-label">${first.profile} profile</p>${examplePre(first, data)}`;
  }
  // Only the first panel is filled now; the page fills the others when their tab is chosen.
  return html`<h4 id="${heading}">Example response</h4><div class="ec-tabs"><div role="tablist" aria-labelledby="${heading}">${data.profiles.map(
    (profile, i) =>
      html`<button type="button" role="tab" id="ec-t-${index}-${i}" aria-controls="ec-p-${index}-${i}" aria-selected="${
        i === 0 ? 'true' : 'false'
      }" tabindex="${i === 0 ? '0' : '-1'}" data-profile="${profile}">${profile}${i === 0 && ' (this API)'}</button>`,
  )}</div>${data.profiles.map(
    (profile, i) =>
      html`<div role="tabpanel" id="ec-p-${index}-${i}" aria-labelledby="ec-t-${index}-${i}" tabindex="0"${
        i > 0 && html` hidden`
      }><p class="ec-profile-label ec-print-only">${profile} profile</p>${i === 0 && examplePre(first, data)}</div>`,
  )}</div>`;
}

/**
 * The card of one entry: heading and anchor, badges, facts, description, details fields, causes,
 * resolution and the example response with a tab per profile (an SDK error: the error as raised).
 *
 * @example
 * ```ts
 * list.insertAdjacentHTML('beforeend', renderEntryCard(entry, 0, data, example).value);
 * ```
 */
export function renderEntryCard(
  entry: SiteEntry,
  index: number,
  data: SiteData,
  example: DocsExample | undefined,
): SafeHtml {
  const heading = `ec-h-${index}`;
  return html`<article class="ec-entry" id="${entry.anchor}" tabindex="-1" aria-labelledby="${heading}" data-index="${index}"><h3 id="${heading}"><a class="ec-code" href="${entry.href}" aria-label="${String(entry.code)}, link to this error">${String(entry.code)}</a> <span>${entry.title}</span></h3>${badges(entry, data)}${deprecation(entry)}${facts(entry, data)}${
    entry.descriptionHtml !== undefined && new SafeHtml(entry.descriptionHtml)
  }${detailsTable(entry)}${
    entry.causesHtml &&
    html`<h4>Possible causes</h4><ul>${entry.causesHtml.map((cause) => html`<li>${new SafeHtml(cause)}</li>`)}</ul>`
  }${entry.resolutionHtml !== undefined && html`<h4>Resolution</h4>${new SafeHtml(entry.resolutionHtml)}`}${
    example && exampleTabs(entry, index, data, example)
  }${entry.raised !== undefined && html`<h4>Raised as</h4><p class="ec-profile-label">not an HTTP response</p><pre><code>${entry.raised}</code></pre>`}</article>`;
}
