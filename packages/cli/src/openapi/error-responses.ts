import { STATUS_CODES } from 'node:http';
import { type CatalogEntry, CatalogError, problemProfile, renderError, type WireProfile } from 'errcat';
import type { AnyCatalog } from '../internal/any-catalog.js';
import { detailsSchema, type JsonSchema } from '../internal/details-schema.js';
import { exampleDetails } from '../internal/example-details.js';
import { entryProbes } from './entry-probes.js';
import { inferSchema, type Probe } from './infer-schema.js';
import type { OpenApiOptions } from './openapi-options.js';

/**
 * An OpenAPI Reference Object.
 *
 * @example
 * ```ts
 * const ref: ReferenceObject = { $ref: '#/components/responses/Error404' };
 * ```
 */
export interface ReferenceObject {
  readonly $ref: string;
}

/**
 * An OpenAPI Response Object, as errcat writes it.
 *
 * @example
 * ```ts
 * const response: ResponseObject = { description: 'Not found', content: { 'application/problem+json': { schema } } };
 * ```
 */
export type ResponseObject = { [field: string]: unknown };

/**
 * The extension member that marks what errcat generated, so that a new merge can replace it.
 *
 * @example
 * ```ts
 * schema[ERRCAT_MARK] = { domain: catalog.domain }; // a later merge replaces what carries it
 * ```
 */
export const ERRCAT_MARK = 'x-errcat';

/** An entry rendered once: the status it is sent with and its example response. */
interface RenderedEntry {
  readonly entry: CatalogEntry;
  readonly status: number;
  readonly example: unknown;
  readonly probes: Probe[];
}

/**
 * The OpenAPI pieces of a catalog, and the responses for any subset of its entries.
 *
 * @example
 * ```ts
 * const { schemas, responses, forEntries }: ErrorResponses = buildErrorResponses(catalog, {});
 * operation.responses = { ...operation.responses, ...forEntries(new Set(['ORDER_NOT_FOUND'])) };
 * ```
 */
export interface ErrorResponses {
  /** `components.schemas`: the wire format's envelope and one schema per entry (named by key). */
  readonly schemas: Readonly<Record<string, JsonSchema>>;
  /** `components.responses`: one per status, named `Error<status>`. */
  readonly responses: Readonly<Record<string, ResponseObject>>;
  /** Keys of the entries that cross HTTP (those with a status). */
  readonly keys: ReadonlySet<string>;
  /** The responses an operation gets for these entries: a `$ref` when it lists every entry of a status. */
  readonly forEntries: (keys: ReadonlySet<string>) => Record<string, ResponseObject | ReferenceObject>;
}

/** `problem` → `ProblemError`, `resonate-legacy` → `ResonateLegacyError`. */
function envelopeName(profile: WireProfile): string {
  const words = profile.name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return `${/^[A-Za-z]/.test(pascal) ? pascal : `Profile${pascal}`}Error`;
}

function renderEntry(entry: CatalogEntry, profile: WireProfile, requestId: string): RenderedEntry {
  const rendered = renderError(new CatalogError(entry, exampleDetails(entry)), {
    profile,
    context: { requestId },
  });
  return {
    entry,
    status: rendered.status,
    example: JSON.parse(rendered.body) as unknown,
    probes: entryProbes(entry, profile),
  };
}

function entrySchema(rendered: RenderedEntry, domain: string): JsonSchema {
  const { entry } = rendered;
  const body = inferSchema(rendered.probes, {
    details: detailsSchema(entry) ?? { type: 'object' },
    constants: true,
  });
  const schema: JsonSchema = { title: entry.title };
  const description = entry.description ?? entry.template.source;
  schema.description = description;
  if (entry.deprecated) schema.deprecated = true;
  schema[ERRCAT_MARK] = {
    domain,
    key: entry.key,
    code: entry.code,
    retryable: entry.retryable,
    throttling: entry.throttling,
    notApplied: entry.notApplied,
    ...(entry.docs === undefined ? {} : { docs: entry.docs }),
    // The constraint violation it answers, as the catalog declares it.
    ...(entry.spec.database === undefined ? {} : { database: entry.spec.database }),
  };
  return { ...schema, ...body };
}

function headersOf(group: readonly RenderedEntry[]): Record<string, JsonSchema> | undefined {
  const headers: Record<string, JsonSchema> = {};
  if (group.some(({ entry }) => entry.retryAfter !== undefined || entry.throttling)) {
    headers['Retry-After'] = {
      description: 'Seconds to wait before retrying.',
      schema: { type: 'integer', minimum: 0 },
    };
  }
  if (group.some(({ entry }) => entry.translations.size > 0)) {
    headers['Content-Language'] = { description: 'The language of the message.', schema: { type: 'string' } };
  }
  for (const { entry } of group) {
    for (const name of Object.keys(entry.headers)) {
      const known = Object.keys(headers).some((header) => header.toLowerCase() === name.toLowerCase());
      if (!known) headers[name] = { description: `Sent with ${entry.key}.`, schema: { type: 'string' } };
    }
  }
  return Object.keys(headers).length > 0 ? headers : undefined;
}

function responseObject(
  group: readonly RenderedEntry[],
  profile: WireProfile,
  domain: string,
): ResponseObject {
  const status = group[0]?.status ?? 500;
  const refs = group.map(({ entry }) => ({ $ref: `#/components/schemas/${entry.key}` }));
  const examples = Object.fromEntries(
    group.map(({ entry, example }) => [
      entry.key,
      { summary: `${entry.code} ${entry.title}`, value: example },
    ]),
  );
  const list = group.map(({ entry }) => `${entry.key} (${entry.code})`).join(', ');
  const response: ResponseObject = {
    description: `${status} ${STATUS_CODES[status] ?? 'Error'}: ${list}`,
  };
  const headers = headersOf(group);
  if (headers) response.headers = headers;
  response.content = {
    [profile.contentType]: { schema: refs.length === 1 ? refs[0] : { anyOf: refs }, examples },
  };
  response[ERRCAT_MARK] = { domain };
  return response;
}

function byStatus(entries: readonly RenderedEntry[]): Map<number, RenderedEntry[]> {
  const groups = new Map<number, RenderedEntry[]>();
  for (const rendered of [...entries].sort((a, b) => a.status - b.status)) {
    const group = groups.get(rendered.status);
    if (group) group.push(rendered);
    else groups.set(rendered.status, [rendered]);
  }
  return groups;
}

/**
 * Builds the OpenAPI 3.1 error components of a catalog in one wire profile. Entries without a
 * status never cross HTTP and are left out. Everything generated carries `x-errcat` with the
 * catalog's domain.
 *
 * @example
 * ```ts
 * const built = buildErrorResponses(catalog, { profile: problemProfile });
 * Object.keys(built.schemas); // ['ProblemError', 'ORDER_NOT_FOUND']
 * Object.keys(built.responses); // ['Error404']
 * ```
 */
export function buildErrorResponses(catalog: AnyCatalog, options: OpenApiOptions): ErrorResponses {
  const domain = catalog.domain;
  const profile = options.profile ?? problemProfile;
  const requestId = options.exampleRequestId ?? 'req_01HZX8B3K2';
  const rendered = catalog.entries
    .filter((entry) => entry.declaredStatus !== undefined)
    .map((entry) => renderEntry(entry, profile, requestId));
  const envelope = inferSchema(
    rendered.flatMap(({ probes }) => probes),
    {
      details: { type: 'object', description: 'The public details; each code declares its own.' },
      constants: false,
    },
  );
  const schemas: Record<string, JsonSchema> = {
    [envelopeName(profile)]: {
      title: `${catalog.spec.name ?? domain} error (${profile.name})`,
      description: `Any error of ${domain} in the ${profile.name} format (${profile.contentType}).`,
      [ERRCAT_MARK]: { domain, profile: profile.name },
      ...envelope,
    },
  };
  for (const entry of rendered) schemas[entry.entry.key] = entrySchema(entry, domain);
  const groups = byStatus(rendered);
  const responses: Record<string, ResponseObject> = {};
  for (const [status, group] of groups) responses[`Error${status}`] = responseObject(group, profile, domain);
  return {
    schemas,
    responses,
    keys: new Set(rendered.map(({ entry }) => entry.key)),
    forEntries: (keys) => {
      const result: Record<string, ResponseObject | ReferenceObject> = {};
      for (const [status, group] of groups) {
        const chosen = group.filter(({ entry }) => keys.has(entry.key));
        if (chosen.length === 0) continue;
        result[String(status)] =
          chosen.length === group.length
            ? { $ref: `#/components/responses/Error${status}` }
            : responseObject(chosen, profile, domain);
      }
      return result;
    },
  };
}
