/**
 * The data the docs page carries as JSON: every entry with its prose already rendered to safe
 * HTML, and what the search matches. The page renders entry cards from it on demand, so a
 * 10,000-entry catalog costs the browser only the cards in view. Types only, plus the builder.
 */

import type { ErrorView } from 'errcat';
import { type DocsEntry, type DocsGroup, type DocsModel, EXAMPLE_REQUEST_ID } from './docs-model.js';
import { html, type SafeHtml } from './html.js';
import { renderBlockProse, renderInlineProse } from './markdown-prose.js';

/**
 * One details field as the page shows it.
 *
 * @example
 * ```ts
 * const field: SiteField = { name: 'id', type: 'string', descriptionHtml: 'The order id' };
 * ```
 */
export interface SiteField {
  /** The field name. */
  readonly name: string;
  /** Its type, with `of <items>` for arrays. */
  readonly type: string;
  /** It may be absent (left out when required). */
  readonly optional?: true;
  /** It is logged, never sent (left out when public). */
  readonly internal?: true;
  /** The description, as safe HTML. */
  readonly descriptionHtml?: string;
  /** The allowed values, JSON-encoded. */
  readonly enum?: readonly string[];
}

/**
 * One entry as the page carries it. Optional members are left out when empty, to keep the page small.
 *
 * @example
 * ```ts
 * const entry: SiteEntry | undefined = buildSiteData(model, { statusTexts }).entries[0];
 * ```
 */
export interface SiteEntry {
  /** The element id (the docs URL fragment). */
  readonly anchor: string;
  /** The in-page link. */
  readonly href: string;
  /** The code, a number or a string as the catalog writes it. */
  readonly code: string | number;
  /** The docs URL. */
  readonly docs?: string;
  /** The UPPER_SNAKE key. */
  readonly key: string;
  /** The title. */
  readonly title: string;
  /** The declared HTTP status. */
  readonly status?: number;
  /** Retryable. */
  readonly retryable?: true;
  /** A throttle. */
  readonly throttling?: true;
  /** Guaranteed to have had no effect. */
  readonly notApplied?: true;
  /** Default seconds before a retry. */
  readonly retryAfter?: number;
  /** The message template. */
  readonly message: string;
  /** The message parameters; `true` marks the required ones. */
  readonly params?: readonly (readonly [string, boolean])[];
  /** The constraint violation the entry answers, as safe HTML. */
  readonly answersHtml?: string;
  /** The details fields. */
  readonly fields?: readonly SiteField[];
  /** The details are a Standard Schema. */
  readonly schemaDetails?: true;
  /** The description, as safe HTML. */
  readonly descriptionHtml?: string;
  /** The causes, as safe HTML. */
  readonly causesHtml?: readonly string[];
  /** The resolution, as safe HTML. */
  readonly resolutionHtml?: string;
  /** Deprecated: `true`, or the reason as safe HTML. */
  readonly deprecated?: true | string;
  /** The replacements of a deprecated entry. */
  readonly replacedBy?: readonly { readonly key: string; readonly href?: string }[];
  /** The version that introduced it. */
  readonly since?: string;
  /** What its example responses are rendered from, less what the entry itself says (see `siteExampleSource`). */
  readonly example?: SiteExample;
  /** An error that never crosses HTTP as its SDK raises it (`<class>: <message>`). */
  readonly raised?: string;
  /** The index of its group. */
  readonly group: number;
  /** The normalised search text. */
  readonly search: string;
}

/**
 * An entry's example as the page carries it: the view members that the entry does not already hold.
 *
 * @example
 * ```ts
 * const example: SiteExample = { view: { message: "Order 'o-1' not found", details: { id: 'o-1' } } };
 * ```
 */
export interface SiteExample {
  /** The rest of the error view: the rendered message, the public details, extensions… */
  readonly view: Partial<ErrorView>;
  /** The error's own headers, when it has any. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One group as the page carries it.
 *
 * @example
 * ```ts
 * const group: SiteGroup = { id: 'request', title: 'Request errors', range: '(4000–4999)', introHtml: '', count: 12 };
 * ```
 */
export interface SiteGroup {
  /** The element id. */
  readonly id: string;
  /** The heading text. */
  readonly title: string;
  /** The heading's range suffix, such as `(4000–4999)`. */
  readonly range?: string;
  /** The description and index table, as safe HTML. */
  readonly introHtml: string;
  /** How many entries it has. */
  readonly count: number;
}

/**
 * Everything the page script needs.
 *
 * @example
 * ```ts
 * const data: SiteData = buildSiteData(buildDocsModel(catalog), { statusTexts });
 * const json = JSON.stringify(data); // inlined into the page for its script
 * ```
 */
export interface SiteData {
  /** The catalog's domain (every example view's `domain`). */
  readonly domain: string;
  /** The request id of every example view. */
  readonly requestId: string;
  /** The catalog's profile name. */
  readonly profile: string;
  /** The profiles that get a tab, the catalog's first. */
  readonly profiles: readonly string[];
  /** HTTP reason phrases by status, for example status lines. */
  readonly statusTexts: Readonly<Record<string, string>>;
  /** The groups, in order. */
  readonly groups: readonly SiteGroup[];
  /** The entries, group by group. */
  readonly entries: readonly SiteEntry[];
}

/** Options of {@link buildSiteData}. */
export interface SiteDataOptions {
  /** Groups up to this size show their index table open. @default 40 */
  readonly openIndexUpTo?: number;
  /** Groups larger than this have no index table (the search and the cards list them). @default 200 */
  readonly indexUpTo?: number;
  /** HTTP reason phrases by status. */
  readonly statusTexts: Readonly<Record<string, string>>;
}

function indexTable(group: DocsGroup, open: boolean): SafeHtml {
  return html`<details class="ec-index"${open && html` open`}><summary>Index of ${group.entries.length} ${
    group.entries.length === 1 ? 'code' : 'codes'
  }</summary><div class="ec-table-wrap"><table>
<thead><tr><th scope="col">Code</th><th scope="col">Key</th><th scope="col">Status</th><th scope="col">Retryable</th><th scope="col">Title</th></tr></thead>
<tbody>${group.entries.map(
    (entry) =>
      html`<tr><td><a href="${entry.href}">${String(entry.code)}</a></td><td><code>${entry.key}</code></td><td>${
        entry.status ?? '\u2014'
      }</td><td>${entry.retryable ? 'Yes' : 'No'}</td><td>${entry.title}</td></tr>`,
  )}</tbody></table></div></details>`;
}

function siteEntry(entry: DocsEntry, group: number): SiteEntry {
  const out: Record<string, unknown> = {
    anchor: entry.anchor,
    href: entry.href,
    code: entry.code,
    key: entry.key,
    title: entry.title,
    message: entry.message,
    group,
    search: entry.searchText,
  };
  if (entry.status !== undefined) out.status = entry.status;
  if (entry.retryable) out.retryable = true;
  if (entry.throttling) out.throttling = true;
  if (entry.notApplied) out.notApplied = true;
  if (entry.retryAfter !== undefined) out.retryAfter = entry.retryAfter;
  if (entry.params.length > 0) out.params = entry.params.map((param) => [param.name, param.required]);
  if (entry.answers !== undefined) out.answersHtml = renderInlineProse(entry.answers).value;
  if (entry.fields.length > 0) {
    out.fields = entry.fields.map((field) => ({
      name: field.name,
      type: field.type,
      ...(field.required ? {} : { optional: true }),
      ...(field.internal ? { internal: true } : {}),
      ...(field.description === undefined
        ? {}
        : { descriptionHtml: renderInlineProse(field.description).value }),
      ...(field.enum === undefined ? {} : { enum: field.enum.map((value) => JSON.stringify(value)) }),
    }));
  }
  if (entry.schemaDetails) out.schemaDetails = true;
  if (entry.description !== undefined) out.descriptionHtml = renderBlockProse(entry.description, 5).value;
  if (entry.causes.length > 0) out.causesHtml = entry.causes.map((cause) => renderInlineProse(cause).value);
  if (entry.resolution !== undefined) out.resolutionHtml = renderBlockProse(entry.resolution, 5).value;
  if (entry.deprecated !== false) {
    out.deprecated = typeof entry.deprecated === 'string' ? renderInlineProse(entry.deprecated).value : true;
  }
  if (entry.replacedBy.length > 0) out.replacedBy = entry.replacedBy;
  if (entry.since !== undefined) out.since = entry.since;
  if (entry.docs !== undefined) out.docs = entry.docs;
  if (entry.raised !== undefined) out.raised = entry.raised;
  if (entry.example !== undefined) {
    // What the page rebuilds from the entry and the data is left out (see siteExampleSource).
    const { status, domain, key, code, title, retryable, retryAfter, docs, requestId, corrId, ...rest } =
      entry.example.view;
    out.example = Object.keys(entry.example.headers).length
      ? { view: rest, headers: entry.example.headers }
      : { view: rest };
  }
  return out as unknown as SiteEntry;
}

/**
 * Turns the docs model into the page's data: prose rendered to safe HTML now (Markdown with raw
 * HTML off), everything else plain values that the page escapes when it renders a card.
 *
 * @example
 * ```ts
 * const data = buildSiteData(model, { statusTexts: { 404: 'Not Found' } });
 * data.entries[0]?.anchor; // '4000'
 * ```
 */
export function buildSiteData(model: DocsModel, options: SiteDataOptions): SiteData {
  const openUpTo = options.openIndexUpTo ?? 40;
  const indexUpTo = options.indexUpTo ?? 200;
  const groups: SiteGroup[] = [];
  const entries: SiteEntry[] = [];
  for (const [index, group] of model.groups.entries()) {
    const range = group.range;
    groups.push({
      id: group.id,
      title: group.title,
      ...(range && !group.title.includes(String(range[0]))
        ? { range: `(${range[0]}\u2013${range[1]})` }
        : {}),
      introHtml: html`${
        group.description !== undefined &&
        html`<div class="ec-group-description">${renderBlockProse(group.description, 3)}</div>`
      }${group.entries.length <= indexUpTo && indexTable(group, group.entries.length <= openUpTo)}`.value,
      count: group.entries.length,
    });
    for (const entry of group.entries) entries.push(siteEntry(entry, index));
  }
  return {
    domain: model.domain,
    requestId: EXAMPLE_REQUEST_ID,
    profile: model.profile.name,
    profiles: model.profiles.map((profile) => profile.name),
    statusTexts: options.statusTexts,
    groups,
    entries,
  };
}
