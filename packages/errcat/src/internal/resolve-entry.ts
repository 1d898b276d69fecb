import type { CatalogEntry } from '../catalog-entry.js';
import type { CatalogSpec, EntrySpec, LogLevel } from '../catalog-spec.js';
import type { FieldMap, FieldSpec } from '../field-spec.js';
import { type NormalizedField, normalizeField } from '../field-spec.js';
import { type CompiledTemplate, compileTemplate } from '../message-template.js';
import { isStandardSchema } from '../standard-schema.js';
import { CONSTRAINT_ROLES } from './constraint-roles.js';

/**
 * Statuses that are worth retrying when nothing more specific is declared.
 *
 * @example
 * ```ts
 * RETRYABLE_STATUSES.has(503); // true: an entry with status 503 is retryable unless it says otherwise
 * ```
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Compiles a template that validation already accepted. */
function mustCompile(source: string): CompiledTemplate {
  const result = compileTemplate(source);
  if (!result.ok)
    throw new TypeError(`errcat: invalid template ${JSON.stringify(source)}: ${result.problem}`);
  return result.template;
}

function categoryOf(spec: CatalogSpec, entry: EntrySpec): string | undefined {
  if (entry.category !== undefined) return entry.category;
  if (typeof entry.code !== 'number' || !spec.categories) return undefined;
  for (const [name, category] of Object.entries(spec.categories)) {
    const range = category.range;
    if (range && entry.code >= range[0] && entry.code <= range[1]) return name;
  }
  return undefined;
}

function docsOf(spec: CatalogSpec, key: string, entry: EntrySpec): string | undefined {
  if (entry.docs !== undefined) return entry.docs;
  if (spec.docs === undefined) return undefined;
  const code = encodeURIComponent(String(entry.code));
  if (spec.docs.includes('{code}') || spec.docs.includes('{key}')) {
    return spec.docs.replaceAll('{code}', code).replaceAll('{key}', key);
  }
  return `${spec.docs}#${code}`;
}

/**
 * The base-catalog entry whose role an entry plays, if any: its `role`, or the role of the
 * constraint violation it answers (`database: { violation: 'unique' }` answers for `UNIQUE_VIOLATION`).
 */
function roleBase(entry: EntrySpec, roles: RoleEntries): EntrySpec | undefined {
  const role = entry.role ?? (entry.database && CONSTRAINT_ROLES[entry.database.violation]);
  return role === undefined ? undefined : roles[role];
}

/**
 * The entries that roles name (the base catalog's), by role. Passed in rather than imported, so a
 * catalog without roles (errcat's own, which the browser client carries) does not carry them.
 *
 * @example
 * ```ts
 * const roles: RoleEntries = baseEntries;
 * ```
 */
export type RoleEntries = Readonly<Record<string, EntrySpec>>;

const NO_ROLES: RoleEntries = {};

/**
 * The fields a role lends an entry that declares no details of its own: the role's declaration,
 * every field optional and without the role's example values. A role lends defaults; it never
 * makes a field required, and its examples are not the entry's.
 */
function lentFields(role: FieldMap): FieldMap {
  const lent: Record<string, FieldSpec> = {};
  for (const [name, declaration] of Object.entries(role)) {
    const field = normalizeField(name, declaration);
    if (!field) continue;
    const { example: _example, ...spec } = field.spec;
    lent[name] = { ...spec, optional: true };
  }
  return lent;
}

/**
 * The details an entry declares. Its own field map is its whole contract: the base role it plays
 * adds no field to it (a role's internal fields still stay internal, see {@link resolveEntry}).
 * An entry that declares no details borrows the role's declaration as optional fields, so what a
 * guard passes (the violations of `VALIDATION_FAILED`, say) renders under a renamed entry.
 */
function declaredFields(entry: EntrySpec, base: EntrySpec | undefined): FieldMap | undefined {
  const own = entry.details as FieldMap | undefined;
  if (own !== undefined) return own;
  const inherited = base?.details;
  if (inherited === undefined || isStandardSchema(inherited)) return undefined;
  return lentFields(inherited);
}

/** The names of the role's internal fields (such as a database constraint): logged, never sent. */
function roleInternalFields(base: EntrySpec | undefined): string[] {
  const inherited = base?.details;
  if (inherited === undefined || isStandardSchema(inherited)) return [];
  return Object.entries(inherited)
    .filter(([name, declaration]) => normalizeField(name, declaration)?.internal === true)
    .map(([name]) => name);
}

/**
 * Applies every default to an entry of a catalog that passed validation. An entry playing a base
 * role inherits what the role promises clients (retry facts, headers such as `WWW-Authenticate`,
 * log level) unless it says otherwise; its own category's defaults come after the role's. Of the
 * role's details it inherits only defaults: the role's fields, all optional, when it declares none
 * of its own, and the role's internal fields staying internal.
 *
 * @example
 * ```ts
 * const entry = resolveEntry(spec, 'ORDER_NOT_FOUND', spec.errors.ORDER_NOT_FOUND);
 * entry.retryable; // false, from status 404
 * ```
 */
export function resolveEntry(
  spec: CatalogSpec,
  key: string,
  entry: EntrySpec,
  roles: RoleEntries = NO_ROLES,
): CatalogEntry {
  const base = roleBase(entry, roles);
  const status = entry.status ?? 500;
  // An entry without a status never crosses HTTP (an SDK's own error): not retryable by status,
  // and its message is the caller's own to read.
  const http = entry.status !== undefined;
  const category = categoryOf(spec, entry);
  const categoryRetryable = category === undefined ? undefined : spec.categories?.[category]?.retryable;
  const schema = isStandardSchema(entry.details) ? entry.details : undefined;
  const internalFields = new Set<string>(entry.internalFields ?? []);
  // What a guard passes for the logs only (a database constraint, say) stays out of responses,
  // unless the entry itself declares the field public.
  const ownFields = schema ? undefined : (entry.details as FieldMap | undefined);
  for (const name of roleInternalFields(base)) {
    const own = ownFields?.[name];
    if (own === undefined || normalizeField(name, own)?.internal !== false) internalFields.add(name);
  }
  const declared = schema ? undefined : declaredFields(entry, base);
  let fields: NormalizedField[] | undefined;
  if (declared) {
    fields = [];
    for (const [name, declaration] of Object.entries(declared)) {
      const field = normalizeField(name, declaration);
      if (!field) continue;
      fields.push(field);
      if (field.internal) internalFields.add(name);
    }
  }
  // Only declared public fields reach a response: an entry's own field map whitelists; without
  // one, the message parameters do (and the fields a role lends); a Standard Schema cannot be
  // inspected, so it relies on internalFields.
  const template = mustCompile(entry.message);
  const publicFields = schema
    ? undefined
    : new Set([
        ...(fields ?? []).filter((f) => !f.internal).map((f) => f.name),
        ...(entry.details === undefined ? [...template.required, ...template.optional] : []),
      ]);
  const stackRule = spec.stack ?? 'server';
  const logLevel: LogLevel = entry.logLevel ?? base?.logLevel ?? (status >= 500 ? 'error' : 'info');
  return {
    domain: spec.domain,
    key,
    code: entry.code,
    declaredStatus: entry.status,
    status,
    title: entry.title ?? key,
    template,
    translations: new Map(
      Object.entries(entry.messages ?? {}).map(([lang, text]) => [lang.toLowerCase(), mustCompile(text)]),
    ),
    titles: new Map(Object.entries(entry.titles ?? {}).map(([lang, text]) => [lang.toLowerCase(), text])),
    description: entry.description,
    causes: entry.causes ?? [],
    resolution: entry.resolution,
    category,
    docs: docsOf(spec, key, entry),
    expose: entry.expose ?? (!http || status < 500),
    logLevel,
    retryable:
      entry.retryable ?? base?.retryable ?? categoryRetryable ?? (http && RETRYABLE_STATUSES.has(status)),
    throttling: entry.throttling ?? base?.throttling ?? status === 429,
    notApplied: entry.notApplied ?? base?.notApplied ?? false,
    retryAfter: entry.retryAfter ?? base?.retryAfter,
    headers: { ...base?.headers, ...entry.headers },
    fields,
    schema,
    internalFields,
    publicFields,
    captureStack:
      entry.stack ?? base?.stack ?? (stackRule === 'always' || (stackRule === 'server' && status >= 500)),
    since: entry.since,
    deprecated: entry.deprecated ?? false,
    replacedBy:
      entry.replacedBy === undefined
        ? []
        : typeof entry.replacedBy === 'string'
          ? [entry.replacedBy]
          : entry.replacedBy,
    example: entry.example,
    role: entry.role,
    extensions: entry.extensions ?? {},
    spec: entry,
  };
}
