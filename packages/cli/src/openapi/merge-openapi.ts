import type { AnyCatalog } from '../internal/any-catalog.js';
import { usageError } from '../usage-error.js';
import { buildErrorResponses, ERRCAT_MARK } from './error-responses.js';
import type { OpenApiDocument } from './generate-openapi.js';
import type { OpenApiOptions } from './openapi-options.js';
import { catalogOperationMap, HTTP_METHODS, type OperationRef, selects } from './operation-selectors.js';

/**
 * Options of {@link mergeOpenApi}.
 *
 * @example
 * ```ts
 * mergeOpenApi(document, catalog, { operations: new Map([['POST /promises', new Set(['PROMISE_ALREADY_EXISTS'])]]) });
 * ```
 */
export interface MergeOptions extends OpenApiOptions {
  /**
   * More selector → entry keys pairs on top of the catalog's own `x-openapi` and
   * `extensions.openapi` annotations, such as those of an `errcat openapi --map` file.
   * @default none
   */
  readonly operations?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The merged document and what the merge could not do.
 *
 * @example
 * ```ts
 * const { document, warnings }: MergeResult = mergeOpenApi(api, catalog);
 * for (const warning of warnings) console.warn(warning);
 * ```
 */
export interface MergeResult {
  /** A new document; the input is not modified. */
  readonly document: OpenApiDocument;
  /** One line each: a selector that matched no operation, a response left as the document had it. */
  readonly warnings: readonly string[];
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function madeBy(value: unknown, domain: string): boolean {
  return isRecord(value) && isRecord(value[ERRCAT_MARK]) && value[ERRCAT_MARK].domain === domain;
}

/** Replaces the components errcat made before for this domain; refuses to overwrite the author's own. */
function mergeComponents(
  components: Json,
  kind: 'schemas' | 'responses',
  fresh: Readonly<Record<string, unknown>>,
  domain: string,
): void {
  const existing = isRecord(components[kind]) ? components[kind] : {};
  for (const [name, value] of Object.entries(existing)) if (madeBy(value, domain)) delete existing[name];
  for (const name of Object.keys(fresh)) {
    if (name in existing) {
      throw usageError(
        `the document already defines components.${kind}.${name}; rename or remove it before merging`,
      );
    }
  }
  components[kind] = { ...existing, ...fresh };
}

/** True when a response (or a `$ref` to one) is errcat's for this domain, from this merge or an earlier one. */
function isOurs(response: unknown, domain: string, ours: ReadonlySet<string>): boolean {
  if (madeBy(response, domain)) return true;
  const ref = isRecord(response) ? response.$ref : undefined;
  return typeof ref === 'string' && ours.has(ref);
}

/**
 * Merges a catalog's error components into an OpenAPI 3.1 document and attaches the right error
 * responses to its operations, chosen by selectors (`*`, an operationId, `GET /path`, `/path`,
 * `tag:name`) from the catalog's `x-openapi.operations`, each entry's `extensions.openapi.operations`
 * and `options.operations`. Merging again replaces what the last merge added (everything carries
 * `x-errcat`); a response the author wrote for the same status is kept, with a warning.
 *
 * @example
 * ```ts
 * const { document, warnings } = mergeOpenApi(parseYaml(await readFile('openapi.yaml', 'utf8')), catalog);
 * ```
 */
export function mergeOpenApi(target: unknown, catalog: AnyCatalog, options: MergeOptions = {}): MergeResult {
  if (!isRecord(target) || typeof target.openapi !== 'string') {
    throw usageError('the document to merge into is not an OpenAPI document (no `openapi` version)');
  }
  if (!target.openapi.startsWith('3.1.')) {
    throw usageError(
      `the document is OpenAPI ${target.openapi}; errcat writes 3.1 schemas (const, type lists), so upgrade it to 3.1 first`,
    );
  }
  const document = structuredClone(target);
  const domain = catalog.domain;
  const generated = buildErrorResponses(catalog, options);
  const components = isRecord(document.components) ? document.components : {};
  const previous = isRecord(components.responses) ? components.responses : {};
  const ours = new Set(
    [
      ...Object.keys(previous).filter((name) => madeBy(previous[name], domain)),
      ...Object.keys(generated.responses),
    ].map((name) => `#/components/responses/${name}`),
  );
  mergeComponents(components, 'schemas', generated.schemas, domain);
  mergeComponents(components, 'responses', generated.responses, domain);
  document.components = components;

  const selectors = catalogOperationMap(catalog);
  for (const [selector, keys] of options.operations ?? []) {
    selectors.set(selector, new Set([...(selectors.get(selector) ?? []), ...keys]));
  }
  const used = new Set<string>();
  const warnings: string[] = [];
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const ref: OperationRef = { method, path, operationId: operation.operationId, tags: operation.tags };
      const responses: Json = isRecord(operation.responses) ? operation.responses : {};
      for (const [status, response] of Object.entries(responses)) {
        if (isOurs(response, domain, ours)) delete responses[status];
      }
      const keys = new Set<string>();
      for (const [selector, selected] of selectors) {
        if (!selects(selector, ref)) continue;
        used.add(selector);
        for (const key of selected) if (generated.keys.has(key)) keys.add(key);
      }
      for (const [status, response] of Object.entries(generated.forEntries(keys))) {
        if (status in responses)
          warnings.push(`${method.toUpperCase()} ${path} already documents ${status}; kept it`);
        else responses[status] = response;
      }
      if (Object.keys(responses).length > 0) operation.responses = responses;
    }
  }
  for (const [selector, keys] of selectors) {
    if (!used.has(selector)) warnings.push(`selector '${selector}' matches no operation`);
    // An SDK error has no status: no operation can answer with it, so it gets no response.
    for (const key of keys) {
      if (!generated.keys.has(key))
        warnings.push(`selector '${selector}' names ${key}, which is not an HTTP error: no response`);
    }
  }
  return { document, warnings };
}
