import type { CatalogEntry } from '../../catalog-entry.js';
import { CatalogError } from '../../catalog-error.js';
import type { EntrySpec } from '../../catalog-spec.js';
import { errcatClientSpec } from '../../errcat-client-errors.js';
import { type NormalizedField, normalizeField } from '../../field-spec.js';
import { isCatalogError } from '../../is-catalog-error.js';
import type { ClientFailure, ClientFailureKey } from '../client-options.js';
import { compilePlainTemplate } from './plain-template.js';

const resolved = new Map<ClientFailureKey, CatalogEntry>();

/** What a catalog makes of one of the client's entries: each has no HTTP status and no role. */
function resolve(key: ClientFailureKey): CatalogEntry {
  const spec: EntrySpec = errcatClientSpec.errors[key];
  const fields = Object.entries(spec.details as Record<string, unknown>)
    .map(([name, declaration]) => normalizeField(name, declaration))
    .filter((field): field is NormalizedField => field !== undefined);
  // Without a status an error never crosses HTTP: it counts as 500 for its log level and stack,
  // its message is the caller's to read, and only its own word makes it retryable.
  return {
    domain: errcatClientSpec.domain,
    key,
    code: spec.code,
    declaredStatus: undefined,
    status: 500,
    title: spec.title ?? key,
    template: compilePlainTemplate(spec.message),
    translations: new Map(),
    titles: new Map(),
    description: spec.description,
    causes: spec.causes ?? [],
    resolution: spec.resolution,
    category: spec.category,
    docs: undefined,
    expose: true,
    logLevel: 'error',
    retryable: spec.retryable ?? false,
    throttling: false,
    notApplied: false,
    retryAfter: undefined,
    headers: {},
    fields,
    schema: undefined,
    internalFields: new Set(fields.filter((field) => field.internal).map((field) => field.name)),
    publicFields: new Set(fields.filter((field) => !field.internal).map((field) => field.name)),
    captureStack: true,
    since: undefined,
    deprecated: false,
    replacedBy: [],
    example: undefined,
    role: undefined,
    extensions: {},
    spec,
  };
}

/**
 * The catalog entry of a client failure, resolved on first use as a catalog of errcat's client
 * spec resolves it (a test holds each equal to `defineCatalog`'s). The client resolves its five
 * entries itself so that a browser bundle of `errcat/client` carries no catalog builder.
 *
 * @example
 * ```ts
 * clientFailureEntry('ERRCAT_TIMEOUT').retryable; // true
 * ```
 */
export function clientFailureEntry(key: ClientFailureKey): CatalogEntry {
  let entry = resolved.get(key);
  if (entry === undefined) {
    entry = resolve(key);
    resolved.set(key, entry);
  }
  return entry;
}

/**
 * A client failure: one of errcat's own catalog errors, `errcatErrors.is(error, key)` true.
 *
 * @example
 * ```ts
 * throw clientFailure('ERRCAT_BAD_ARGUMENT', { reason: 'baseUrl must be absolute' });
 * ```
 */
export function clientFailure(
  key: ClientFailureKey,
  details: Record<string, unknown>,
  cause?: unknown,
): ClientFailure {
  const entry = clientFailureEntry(key);
  return new CatalogError(entry, details, cause === undefined ? undefined : { cause }) as ClientFailure;
}

/**
 * True for a client failure of `key` (an error of errcat's domain).
 *
 * @example
 * ```ts
 * if (isClientFailure(error, 'ERRCAT_DECODE_FAILED')) throw error;
 * ```
 */
export function isClientFailure(error: unknown, key: ClientFailureKey): error is ClientFailure {
  return isCatalogError(error, key) && error.domain === errcatClientSpec.domain;
}
