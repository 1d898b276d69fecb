import { STATUS_CODES } from 'node:http';
import {
  type CatalogEntry,
  CatalogError,
  type CatalogMethods,
  type CatalogSpec,
  describeError,
  type ErrorCode,
  problemProfile,
  type WireProfile,
} from 'errcat';
import { constraintPhrase } from '../internal/constraint-phrase.js';
import { exampleDetails } from '../internal/example-details.js';
import { raiseEntry } from '../internal/raised-error.js';
import { type DocsSection, readDocsExtension } from './docs-extension.js';
import type { ExampleSource } from './render-example.js';
import { normalizeSearchText } from './search-text.js';

/**
 * One details field of an entry, as the docs list it.
 *
 * @example
 * ```ts
 * const field: DocsField = { name: 'id', type: 'string', required: true, internal: false, description: 'The order id', enum: undefined };
 * ```
 */
export interface DocsField {
  /** The field name. */
  readonly name: string;
  /** Its JSON type (`string`, `array`…). */
  readonly type: string;
  /** It must be given. */
  readonly required: boolean;
  /** It reaches logs only, never a response. */
  readonly internal: boolean;
  /** What it means, if the catalog says. */
  readonly description: string | undefined;
  /** The values allowed, if restricted. */
  readonly enum: readonly (string | number | boolean)[] | undefined;
}

/**
 * One catalog entry, with everything the docs show about it.
 *
 * @example
 * ```ts
 * for (const entry of buildDocsModel(catalog).groups.flatMap((group) => group.entries)) console.log(entry.anchor);
 * ```
 */
export interface DocsEntry {
  /** The element id, which is the fragment of the entry's docs URL (else its code). */
  readonly anchor: string;
  /** The `href` that links to the entry within the page (`#4040`). */
  readonly href: string;
  /** The stable code. */
  readonly code: ErrorCode;
  /** The UPPER_SNAKE key. */
  readonly key: string;
  /** The constant title. */
  readonly title: string;
  /** The declared HTTP status; `undefined` for errors that never cross HTTP. */
  readonly status: number | undefined;
  /** The status's reason phrase (`Not Found`). */
  readonly statusText: string;
  /** May the same request succeed if retried. */
  readonly retryable: boolean;
  /** Clients should back off more slowly. */
  readonly throttling: boolean;
  /** The server guarantees the request had no effect. */
  readonly notApplied: boolean;
  /** Default seconds before a retry. */
  readonly retryAfter: number | undefined;
  /** The message template as written. */
  readonly message: string;
  /** The message parameters, with whether each is required. */
  readonly params: readonly { readonly name: string; readonly required: boolean }[];
  /** The constraint violation the entry answers (Markdown: `unique violation on \`email\``), if any. */
  readonly answers: string | undefined;
  /** The details fields, when declared as a field map. */
  readonly fields: readonly DocsField[];
  /** The details are described by a Standard Schema the docs cannot list. */
  readonly schemaDetails: boolean;
  /** The longer explanation (Markdown). */
  readonly description: string | undefined;
  /** What usually leads to it (Markdown, one line each). */
  readonly causes: readonly string[];
  /** What to do about it (Markdown). */
  readonly resolution: string | undefined;
  /** `false`, `true`, or why it is deprecated. */
  readonly deprecated: boolean | string;
  /** The entries that replace it, with their in-page link when they exist. */
  readonly replacedBy: readonly { readonly key: string; readonly href: string | undefined }[];
  /** The catalog version that introduced it. */
  readonly since: string | undefined;
  /** Its docs URL. */
  readonly docs: string | undefined;
  /** What example responses are rendered from; `undefined` for errors that never cross HTTP. */
  readonly example: ExampleSource | undefined;
  /**
   * An error that never crosses HTTP as its SDK raises it, with the example details
   * (`ResonateError: Dependency 'db' is not registered. Will drop.`); `undefined` for HTTP errors.
   */
  readonly raised: string | undefined;
  /** The normalised text the search matches (code, key, title, message, description, causes, resolution). */
  readonly searchText: string;
}

/**
 * A group of entries: a category (with its range), or the entries that have none.
 *
 * @example
 * ```ts
 * for (const group of buildDocsModel(catalog).groups) console.log(group.title, group.range, group.entries.length);
 * ```
 */
export interface DocsGroup {
  /** The element id of the group's heading. */
  readonly id: string;
  /** The heading. */
  readonly title: string;
  /** What the group's errors have in common (Markdown). */
  readonly description: string | undefined;
  /** The numeric code range, if the category has one. */
  readonly range: readonly [number, number] | undefined;
  /** The entries, in catalog order. */
  readonly entries: readonly DocsEntry[];
}

/**
 * Everything the docs site and the Markdown page show, computed once from a catalog.
 *
 * @example
 * ```ts
 * const model: DocsModel = buildDocsModel(catalog);
 * model.groups.map((group) => group.entries.length);
 * ```
 */
export interface DocsModel {
  /** The page title: the catalog's name, else its domain. */
  readonly name: string;
  /** The catalog's domain. */
  readonly domain: string;
  /** The catalog's version. */
  readonly version: string | undefined;
  /** The catalog's description (Markdown). */
  readonly description: string | undefined;
  /** The catalog's `docs` base URL. */
  readonly docs: string | undefined;
  /** Prose sections from the catalog's `x-docs`. */
  readonly sections: readonly DocsSection[];
  /** The Markdown page's `sidebar_position`, if the catalog sets one. */
  readonly sidebarPosition: number | undefined;
  /** The profile the catalog's servers use. */
  readonly profile: WireProfile;
  /** Every profile shown, the catalog's first. */
  readonly profiles: readonly WireProfile[];
  /** The groups, in category order, then the entries without a category. */
  readonly groups: readonly DocsGroup[];
  /** How many entries there are. */
  readonly entryCount: number;
}

/**
 * Options of {@link buildDocsModel}.
 *
 * @example
 * ```ts
 * buildDocsModel(catalog, { profile: googleProfile, otherProfiles: [problemProfile] });
 * ```
 */
export interface DocsModelOptions {
  /** The profile of the example responses. @default problemProfile */
  readonly profile?: WireProfile;
  /** The other profiles, each shown in its own tab. @default [] */
  readonly otherProfiles?: readonly WireProfile[];
}

/**
 * The request id example responses carry, so readers see where a real one goes.
 *
 * @example
 * ```ts
 * renderError(error, { context: { requestId: EXAMPLE_REQUEST_ID } }); // the docs' example responses
 * ```
 */
export const EXAMPLE_REQUEST_ID = 'req_01HZX3KQ7M';

function fragmentOf(docs: string | undefined): string | undefined {
  if (docs === undefined) return undefined;
  const at = docs.indexOf('#');
  return at >= 0 && at < docs.length - 1 ? docs.slice(at + 1) : undefined;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function exampleOf(entry: CatalogEntry): ExampleSource {
  const error = new CatalogError(entry, exampleDetails(entry));
  const view = describeError(error, { requestId: EXAMPLE_REQUEST_ID, corrId: EXAMPLE_REQUEST_ID });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(error.headers)) headers[name.toLowerCase()] = value;
  return { view, headers };
}

function fieldsOf(entry: CatalogEntry): DocsField[] {
  return (entry.fields ?? []).map((field) => ({
    name: field.name,
    type: field.spec.items
      ? `${field.type} of ${typeof field.spec.items === 'string' ? field.spec.items.replace('?', '') : field.spec.items.type}`
      : field.type,
    required: !field.optional,
    internal: field.internal,
    description: field.spec.description,
    enum: field.spec.enum,
  }));
}

function searchTextOf(entry: CatalogEntry): string {
  const parts = [
    String(entry.code),
    entry.key,
    entry.title,
    entry.template.source,
    entry.description ?? '',
    ...entry.causes,
    entry.resolution ?? '',
    entry.declaredStatus === undefined ? '' : String(entry.declaredStatus),
  ];
  return normalizeSearchText(parts.join(' | '));
}

/**
 * Computes what the docs show from a catalog: entries grouped by category (in the order the
 * catalog declares them), each with its anchor, facts, details fields and example responses.
 *
 * @example
 * ```ts
 * const model = buildDocsModel(catalog, { otherProfiles: [googleProfile] });
 * model.groups[0]?.entries[0]?.anchor; // '4000' for docs 'https://…/error-codes#4000'
 * ```
 */
export function buildDocsModel(
  catalog: CatalogMethods<CatalogSpec>,
  options: DocsModelOptions = {},
): DocsModel {
  const spec = catalog.spec;
  const extension = readDocsExtension(spec);
  const profile = options.profile ?? problemProfile;
  const profiles = [profile, ...(options.otherProfiles ?? []).filter((other) => other.name !== profile.name)];
  const anchors = new Map<string, string>();
  const used = new Set<string>();
  for (const entry of catalog.entries) {
    let anchor = decodeFragment(fragmentOf(entry.docs) ?? String(entry.code));
    // Two entries whose docs URLs share a fragment still get distinct ids.
    if (used.has(anchor)) anchor = `${anchor}-${entry.key}`;
    used.add(anchor);
    anchors.set(entry.key, anchor);
  }
  const hrefOf = (key: string): string | undefined => {
    const entry = catalog.entry(key);
    const anchor = anchors.get(key);
    if (!entry || anchor === undefined) return undefined;
    const fragment = fragmentOf(entry.docs);
    return `#${fragment !== undefined && decodeFragment(fragment) === anchor ? fragment : encodeURIComponent(anchor)}`;
  };
  const byCategory = new Map<string | undefined, DocsEntry[]>();
  for (const entry of catalog.entries) {
    const docsEntry: DocsEntry = {
      anchor: anchors.get(entry.key) ?? String(entry.code),
      href: hrefOf(entry.key) ?? `#${encodeURIComponent(String(entry.code))}`,
      code: entry.code,
      key: entry.key,
      title: entry.title,
      status: entry.declaredStatus,
      statusText: entry.declaredStatus === undefined ? '' : (STATUS_CODES[entry.declaredStatus] ?? ''),
      retryable: entry.retryable,
      throttling: entry.throttling,
      notApplied: entry.notApplied,
      retryAfter: entry.retryAfter,
      message: entry.template.source,
      params: [
        ...entry.template.required.map((name) => ({ name, required: true })),
        ...entry.template.optional.map((name) => ({ name, required: false })),
      ],
      answers: entry.spec.database && constraintPhrase(entry.spec.database, (name) => `\`${name}\``),
      fields: fieldsOf(entry),
      schemaDetails: entry.schema !== undefined,
      description: entry.description,
      causes: entry.causes,
      resolution: entry.resolution,
      deprecated: entry.deprecated,
      replacedBy: entry.replacedBy.map((key) => ({ key, href: hrefOf(key) })),
      since: entry.since,
      docs: entry.docs,
      // An error that never crosses HTTP (an SDK's own) has no response to show.
      example: entry.declaredStatus === undefined ? undefined : exampleOf(entry),
      raised:
        entry.declaredStatus === undefined ? raiseEntry(entry, exampleDetails(entry)).raised : undefined,
      searchText: searchTextOf(entry),
    };
    const category =
      entry.category !== undefined && spec.categories?.[entry.category] ? entry.category : undefined;
    const list = byCategory.get(category) ?? [];
    list.push(docsEntry);
    byCategory.set(category, list);
  }
  const groups: DocsGroup[] = [];
  const groupId = (name: string): string => {
    let id = `group-${name}`;
    while (used.has(id)) id = `${id}-`;
    used.add(id);
    return id;
  };
  for (const [name, category] of Object.entries(spec.categories ?? {})) {
    const entries = byCategory.get(name);
    if (!entries) continue;
    groups.push({
      id: groupId(name),
      title: category.title ?? name,
      description: category.description,
      range: category.range,
      entries,
    });
  }
  const rest = byCategory.get(undefined);
  if (rest) {
    groups.push({
      id: groupId('other'),
      title: groups.length > 0 ? 'Other errors' : 'Errors',
      description: undefined,
      range: undefined,
      entries: rest,
    });
  }
  return {
    name: spec.name ?? spec.domain,
    domain: spec.domain,
    version: spec.version,
    description: spec.description,
    docs: spec.docs,
    sections: extension.sections,
    sidebarPosition: extension.sidebarPosition,
    profile,
    profiles,
    groups,
    entryCount: catalog.entries.length,
  };
}
