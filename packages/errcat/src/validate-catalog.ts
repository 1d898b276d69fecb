import type { CategorySpec } from './catalog-spec.js';
import { type NormalizedField, normalizeField } from './field-spec.js';
import { checkDatabaseBinding } from './internal/check-database-binding.js';
import { checkViolationKeys } from './internal/check-violation-keys.js';
import { isSafeHeader } from './internal/header-safety.js';
import { type CompiledTemplate, compileTemplate } from './message-template.js';
import { isStandardSchema } from './standard-schema.js';

/**
 * One reason a catalog is invalid, with the path of the offending field.
 *
 * @example
 * ```ts
 * const problems: CatalogProblem[] = validateCatalog(spec);
 * for (const { path, message } of problems) console.error(`${path}: ${message}`);
 * ```
 */
export interface CatalogProblem {
  /** Where the problem is, such as `errors.PROMISE_NOT_FOUND.status`. */
  readonly path: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
}

/**
 * Keys are UPPER_SNAKE, as Google's AIP-193 asks of `ErrorInfo.reason`.
 *
 * @example
 * ```ts
 * KEY_PATTERN.test('ORDER_NOT_FOUND'); // true
 * KEY_PATTERN.test('orderNotFound'); // false
 * ```
 */
export const KEY_PATTERN: RegExp = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
/**
 * The longest key allowed.
 *
 * @example
 * ```ts
 * if (key.length > MAX_KEY_LENGTH) console.warn('key too long');
 * ```
 */
export const MAX_KEY_LENGTH = 63;
/**
 * Detail field names that cannot be used because the error factory reads them as options.
 *
 * @example
 * ```ts
 * RESERVED_FIELDS.has('cause'); // true: a detail field may not be called `cause`
 * ```
 */
export const RESERVED_FIELDS: ReadonlySet<string> = new Set(['cause', 'headers', 'retryAfter']);

const CATALOG_FIELDS = new Set([
  '$schema',
  'domain',
  'name',
  'description',
  'version',
  'docs',
  'categories',
  'errors',
  'profile',
  'stack',
]);
const ENTRY_FIELDS = new Set([
  'code',
  'status',
  'title',
  'message',
  'description',
  'details',
  'internalFields',
  'causes',
  'resolution',
  'category',
  'docs',
  'expose',
  'logLevel',
  'retryable',
  'throttling',
  'notApplied',
  'retryAfter',
  'headers',
  'since',
  'deprecated',
  'replacedBy',
  'messages',
  'titles',
  'example',
  'stack',
  'extensions',
  'role',
  'database',
  'violationKeys',
]);
const CATEGORY_FIELDS = new Set(['title', 'description', 'range', 'retryable']);
/** errcat's field options plus the JSON Schema keywords a field may carry. */
const FIELD_SPEC_FIELDS = new Set([
  'type',
  'optional',
  'internal',
  'description',
  'enum',
  'format',
  'items',
  'example',
  'title',
  'default',
  'deprecated',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
]);
const LOG_LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
const STACK_RULES = new Set(['server', 'always', 'never']);
const BOOLEAN_FIELDS = ['expose', 'retryable', 'throttling', 'notApplied', 'stack'] as const;
const STRING_FIELDS = ['title', 'description', 'resolution', 'since', 'category'] as const;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True when `value` is an absolute http(s) URL, optionally with `{code}`/`{key}` placeholders.
 *
 * @example
 * ```ts
 * isDocsUrl('https://example.com/errors#{code}'); // true
 * isDocsUrl('/errors'); // false: not absolute
 * ```
 */
export function isDocsUrl(value: string): boolean {
  try {
    const url = new URL(value.replaceAll('{code}', 'code').replaceAll('{key}', 'key'));
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Checks a catalog written in TypeScript, YAML or JSON and lists every problem found, each naming
 * the entry and field. An empty list means the catalog is valid.
 *
 * @example
 * ```ts
 * validateCatalog({ domain: 'x', errors: { lower: { code: 1, message: 'm' } } });
 * // [{ path: 'errors.lower', message: 'key must be UPPER_SNAKE …' }]
 * ```
 */
export function validateCatalog(spec: unknown): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const report = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  if (!isRecord(spec)) {
    report('', 'a catalog must be an object with `domain` and `errors`');
    return problems;
  }
  checkUnknownFields(spec, CATALOG_FIELDS, '', report);
  if (typeof spec.domain !== 'string' || !/^\S+$/.test(spec.domain)) {
    report('domain', 'must be a non-empty string without spaces');
  }
  for (const field of ['name', 'description', 'version', 'profile', '$schema'] as const) {
    if (spec[field] !== undefined && typeof spec[field] !== 'string') report(field, 'must be a string');
  }
  if (spec.docs !== undefined && (typeof spec.docs !== 'string' || !isDocsUrl(spec.docs))) {
    report('docs', `must be an absolute http(s) URL, got ${preview(spec.docs)}`);
  }
  if (spec.stack !== undefined && !STACK_RULES.has(spec.stack as string)) {
    report('stack', "must be 'server', 'always' or 'never'");
  }
  const categories = checkCategories(spec.categories, report);
  if (!isRecord(spec.errors) || Object.keys(spec.errors).length === 0) {
    report('errors', 'must be an object with at least one entry');
    return problems;
  }
  const codes = new Map<string, string>();
  const roles = new Map<string, string>();
  const bindings = new Map<string, string>();
  for (const [key, entry] of Object.entries(spec.errors)) {
    checkEntry(key, entry, categories, codes, spec.errors, report);
    if (isRecord(entry)) checkDatabaseBinding(key, entry, bindings, report);
    if (isRecord(entry)) checkViolationKeys(key, entry, report);
    if (!isRecord(entry) || entry.role === undefined) continue;
    const previous = typeof entry.role === 'string' ? roles.get(entry.role) : undefined;
    if (typeof entry.role !== 'string' || !KEY_PATTERN.test(entry.role)) {
      report(`errors.${key}.role`, 'must be the UPPER_SNAKE key of a base catalog entry');
    } else if (previous) {
      report(`errors.${key}.role`, `role ${entry.role} is already played by ${previous}`);
    } else roles.set(entry.role, key);
  }
  return problems;
}

type Report = (path: string, message: string) => void;

function checkUnknownFields(value: Json, known: ReadonlySet<string>, at: string, report: Report): void {
  for (const field of Object.keys(value)) {
    if (!known.has(field) && !field.startsWith('x-')) {
      report(join(at, field), 'unknown field (custom data goes under `extensions` or an `x-` name)');
    }
  }
}

function checkCategories(value: unknown, report: Report): Map<string, CategorySpec> {
  const categories = new Map<string, CategorySpec>();
  if (value === undefined) return categories;
  if (!isRecord(value)) {
    report('categories', 'must be an object of categories');
    return categories;
  }
  const ranges: { name: string; from: number; to: number }[] = [];
  for (const [name, category] of Object.entries(value)) {
    const at = `categories.${name}`;
    if (!isRecord(category)) {
      report(at, 'must be an object');
      continue;
    }
    checkUnknownFields(category, CATEGORY_FIELDS, at, report);
    for (const field of ['title', 'description'] as const) {
      if (category[field] !== undefined && typeof category[field] !== 'string') {
        report(`${at}.${field}`, 'must be a string');
      }
    }
    if (category.retryable !== undefined && typeof category.retryable !== 'boolean') {
      report(`${at}.retryable`, 'must be true or false');
    }
    const range = category.range;
    if (range !== undefined) {
      if (
        !Array.isArray(range) ||
        range.length !== 2 ||
        !range.every((n) => Number.isFinite(n)) ||
        (range[0] as number) > (range[1] as number)
      ) {
        report(`${at}.range`, 'must be [from, to] with from <= to');
      } else {
        const [from, to] = range as [number, number];
        const overlap = ranges.find((other) => from <= other.to && other.from <= to);
        if (overlap) report(`${at}.range`, `overlaps the range of category '${overlap.name}'`);
        ranges.push({ name, from, to });
      }
    }
    categories.set(name, category as CategorySpec);
  }
  return categories;
}

function checkEntry(
  key: string,
  entry: unknown,
  categories: ReadonlyMap<string, CategorySpec>,
  codes: Map<string, string>,
  all: Json,
  report: Report,
): void {
  const at = `errors.${key}`;
  if (!KEY_PATTERN.test(key)) report(at, 'key must be UPPER_SNAKE (A-Z, 0-9 and single underscores)');
  if (key.length > MAX_KEY_LENGTH) report(at, `key is longer than ${MAX_KEY_LENGTH} characters`);
  if (!isRecord(entry)) {
    report(at, 'must be an object');
    return;
  }
  checkUnknownFields(entry, ENTRY_FIELDS, at, report);
  const code = entry.code;
  if (typeof code === 'number' ? !Number.isFinite(code) : typeof code !== 'string' || !/^\S+$/.test(code)) {
    report(`${at}.code`, 'must be a finite number or a non-empty string without spaces');
  } else {
    const previous = codes.get(String(code));
    if (previous) report(`${at}.code`, `duplicate code ${String(code)}, already used by ${previous}`);
    else codes.set(String(code), key);
  }
  const status = entry.status;
  if (
    status !== undefined &&
    (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599)
  ) {
    report(`${at}.status`, `must be an integer HTTP status from 100 to 599, got ${preview(status)}`);
  }
  for (const field of STRING_FIELDS) {
    if (entry[field] !== undefined && typeof entry[field] !== 'string')
      report(`${at}.${field}`, 'must be a string');
  }
  for (const field of BOOLEAN_FIELDS) {
    if (entry[field] !== undefined && typeof entry[field] !== 'boolean')
      report(`${at}.${field}`, 'must be true or false');
  }
  if (
    entry.deprecated !== undefined &&
    typeof entry.deprecated !== 'boolean' &&
    typeof entry.deprecated !== 'string'
  ) {
    report(`${at}.deprecated`, 'must be true, false or a reason');
  }
  if (entry.logLevel !== undefined && !LOG_LEVELS.has(entry.logLevel as string)) {
    report(`${at}.logLevel`, 'must be one of trace, debug, info, warn, error, fatal');
  }
  if (entry.retryAfter !== undefined && (typeof entry.retryAfter !== 'number' || !(entry.retryAfter >= 0))) {
    report(`${at}.retryAfter`, 'must be a number of seconds, 0 or more');
  }
  if (entry.docs !== undefined && (typeof entry.docs !== 'string' || !isDocsUrl(entry.docs))) {
    report(`${at}.docs`, `must be an absolute http(s) URL, got ${preview(entry.docs)}`);
  }
  if (entry.causes !== undefined && !isStringList(entry.causes))
    report(`${at}.causes`, 'must be a list of strings');
  checkStringMap(entry.headers, `${at}.headers`, report);
  checkHeaderFields(entry.headers, `${at}.headers`, report);
  checkStringMap(entry.titles, `${at}.titles`, report);
  if (entry.example !== undefined && !isRecord(entry.example)) report(`${at}.example`, 'must be an object');
  if (entry.extensions !== undefined && !isRecord(entry.extensions))
    report(`${at}.extensions`, 'must be an object');
  const replacedBy = entry.replacedBy;
  if (replacedBy !== undefined) {
    const targets = typeof replacedBy === 'string' ? [replacedBy] : replacedBy;
    if (!isStringList(targets)) report(`${at}.replacedBy`, 'must be a key or a list of keys');
    else
      for (const target of targets)
        if (!isRecord(all[target])) report(`${at}.replacedBy`, `names no entry: ${target}`);
  }
  checkCategory(entry, categories, at, report);
  checkMessage(entry, at, report);
}

function checkCategory(
  entry: Json,
  categories: ReadonlyMap<string, CategorySpec>,
  at: string,
  report: Report,
): void {
  if (typeof entry.category !== 'string') return;
  const category = categories.get(entry.category);
  if (!category) {
    report(`${at}.category`, `names no declared category: '${entry.category}'`);
    return;
  }
  const range = category.range;
  if (range && typeof entry.code === 'number' && (entry.code < range[0] || entry.code > range[1])) {
    report(
      `${at}.code`,
      `${entry.code} is outside the range ${range[0]}–${range[1]} of category '${entry.category}'`,
    );
  }
}

function checkMessage(entry: Json, at: string, report: Report): void {
  if (typeof entry.message !== 'string' || entry.message.trim() === '') {
    report(`${at}.message`, 'must be a non-empty string');
    return;
  }
  const compiled = compileTemplate(entry.message);
  if (!compiled.ok) {
    report(`${at}.message`, compiled.problem);
    return;
  }
  const fields = checkDetails(entry, at, report);
  // An entry without a status is not an HTTP error: its message is the caller's own, so exposed
  // (as resolveEntry has it), not a 500's hidden message.
  const status = typeof entry.status === 'number' ? entry.status : undefined;
  const exposed = typeof entry.expose === 'boolean' ? entry.expose : status === undefined || status < 500;
  const declared = entry.details !== undefined;
  if (fields) checkParams(compiled.template, fields, declared, exposed, `${at}.message`, report);
  if (entry.messages === undefined) return;
  if (!isRecord(entry.messages)) {
    report(`${at}.messages`, 'must map language tags to message templates');
    return;
  }
  for (const [language, text] of Object.entries(entry.messages)) {
    const path = `${at}.messages.${language}`;
    if (typeof text !== 'string') {
      report(path, 'must be a string');
      continue;
    }
    const translated = compileTemplate(text);
    if (!translated.ok) report(path, translated.problem);
    else if (fields) checkParams(translated.template, fields, declared, exposed, path, report);
  }
}

/** Returns the declared fields when the details are a field map, `undefined` for a Standard Schema. */
function checkDetails(entry: Json, at: string, report: Report): Map<string, NormalizedField> | undefined {
  const details = entry.details;
  if (isStandardSchema(details)) {
    if (entry.internalFields !== undefined && !isStringList(entry.internalFields)) {
      report(`${at}.internalFields`, 'must be a list of field names');
    }
    return undefined;
  }
  if (entry.internalFields !== undefined) {
    report(`${at}.internalFields`, 'is only for Standard Schema details; mark map fields `internal: true`');
  }
  if (details === undefined) return new Map();
  if (!isRecord(details)) {
    report(`${at}.details`, 'must map field names to types, or be a Standard Schema');
    return new Map();
  }
  const fields = new Map<string, NormalizedField>();
  for (const [name, declaration] of Object.entries(details)) {
    const field = normalizeField(name, declaration);
    if (RESERVED_FIELDS.has(name)) report(`${at}.details.${name}`, `'${name}' is reserved for error options`);
    if (!field)
      report(
        `${at}.details.${name}`,
        'must be a type name (string, number, integer, boolean, object, array; `?` for optional) or an object with `type`',
      );
    else fields.set(name, field);
    if (isRecord(declaration))
      checkUnknownFields(declaration, FIELD_SPEC_FIELDS, `${at}.details.${name}`, report);
  }
  return fields;
}

function checkParams(
  template: CompiledTemplate,
  fields: ReadonlyMap<string, NormalizedField>,
  declared: boolean,
  exposed: boolean,
  path: string,
  report: Report,
): void {
  for (const name of [...template.required, ...template.optional]) {
    const field = fields.get(name);
    if (!field) {
      if (declared || RESERVED_FIELDS.has(name))
        report(path, `parameter '{${name}}' is not a declared details field`);
      continue;
    }
    if (field.optional && template.required.includes(name)) {
      report(path, `optional field '{${name}}' must be inside an optional segment [ … ]`);
    }
    if (field.internal && exposed) {
      report(path, `the message is exposed to clients but interpolates internal field '{${name}}'`);
    }
  }
}

function checkStringMap(value: unknown, path: string, report: Report): void {
  if (value === undefined) return;
  if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    report(path, 'must map names to strings');
  }
}

/** Reports header fields a response could not carry as they are; servers drop them rather than send them. */
function checkHeaderFields(value: unknown, path: string, report: Report): void {
  if (!isRecord(value)) return;
  for (const [name, field] of Object.entries(value)) {
    if (typeof field === 'string' && !isSafeHeader(name, field)) {
      report(
        `${path}.${name}`,
        'must be an HTTP header name (a token) with a value of visible ASCII, spaces and tabs',
      );
    }
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function join(at: string, field: string): string {
  return at === '' ? field : `${at}.${field}`;
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
