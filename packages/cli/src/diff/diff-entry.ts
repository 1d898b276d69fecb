import type { CatalogEntry } from 'errcat';
import { diffFields, type Emit } from './diff-fields.js';
import type { DiffRuleId } from './diff-rules.js';
import { sameJson } from './same-json.js';

/** The key under `extensions` that belongs to `errcat openapi`, not to a wire profile. */
const OPENAPI_EXTENSION = 'openapi';

/**
 * A value as a change message shows it: `none` for absent, JSON for structures.
 *
 * @example
 * ```ts
 * show(undefined); // 'none'
 * show({ a: 1 }); // '{"a":1}'
 * ```
 */
export function show(value: unknown): string {
  if (value === undefined) return 'none';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

function lowerCaseKeys(record: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(record).map(([name, value]) => [name.toLowerCase(), value]));
}

function diffHeaders(at: string, before: CatalogEntry, after: CatalogEntry, emit: Emit): void {
  const old = lowerCaseKeys(before.headers);
  const next = lowerCaseKeys(after.headers);
  for (const [name, value] of old) {
    const now = next.get(name);
    if (now === undefined) emit('header-removed', `${at}.headers`, `header ${name} no longer sent`, value);
    else if (now !== value)
      emit('header-changed', `${at}.headers`, `header ${name}: ${value} → ${now}`, value, now);
  }
  for (const [name, value] of next) {
    if (!old.has(name))
      emit('header-added', `${at}.headers`, `new header ${name}: ${value}`, undefined, value);
  }
}

function diffExtensions(at: string, before: CatalogEntry, after: CatalogEntry, emit: Emit): void {
  const names = new Set([...Object.keys(before.extensions), ...Object.keys(after.extensions)]);
  for (const name of names) {
    const old = before.extensions[name];
    const now = after.extensions[name];
    if (sameJson(old, now)) continue;
    const path = `${at}.extensions.${name}`;
    if (name === OPENAPI_EXTENSION)
      emit('tool-data-changed', path, 'OpenAPI operation mapping changed', old, now);
    else if (now === undefined) emit('profile-data-removed', path, `${name} profile data removed`, old);
    else if (old === undefined) emit('profile-data-added', path, `new ${name} profile data`, undefined, now);
    else emit('profile-data-changed', path, `${name} profile data changed`, old, now);
  }
}

function diffRetryAfter(at: string, before: CatalogEntry, after: CatalogEntry, emit: Emit): void {
  if (before.retryAfter === after.retryAfter) return;
  const message = `default Retry-After ${show(before.retryAfter)} → ${show(after.retryAfter)}`;
  const rule: DiffRuleId = after.retryAfter === undefined ? 'retry-after-removed' : 'retry-after-changed';
  emit(rule, `${at}.retryAfter`, message, before.retryAfter, after.retryAfter);
}

function diffDocsUrl(at: string, before: CatalogEntry, after: CatalogEntry, emit: Emit): void {
  if (before.docs === after.docs) return;
  const rule: DiffRuleId = before.docs === undefined ? 'type-added' : 'type-changed';
  emit(rule, `${at}.docs`, `type URI ${show(before.docs)} → ${show(after.docs)}`, before.docs, after.docs);
}

function paramsOf(entry: CatalogEntry): Set<string> {
  return new Set([...entry.template.required, ...entry.template.optional]);
}

function diffMessages(at: string, before: CatalogEntry, after: CatalogEntry, emit: Emit): void {
  const old = paramsOf(before);
  const next = paramsOf(after);
  const removed = [...old].filter((name) => !next.has(name));
  // Without declared fields the parameters are the details, and diffFields reports them.
  if (after.fields !== undefined) {
    for (const name of removed) {
      emit('message-param-removed', `${at}.message`, `message no longer mentions {${name}}`, name);
    }
  }
  const onlyText = removed.length === 0 && (after.fields !== undefined || old.size === next.size);
  if (onlyText && before.template.source !== after.template.source) {
    emit(
      'message-changed',
      `${at}.message`,
      'message template changed',
      before.template.source,
      after.template.source,
    );
  }
  const translations = (entry: CatalogEntry) =>
    Object.fromEntries([...entry.translations].map(([language, template]) => [language, template.source]));
  if (!sameJson(translations(before), translations(after))) {
    emit('message-changed', `${at}.messages`, 'translated messages changed');
  }
}

function diffDeprecation(at: string, before: CatalogEntry, after: CatalogEntry, emit: Emit): void {
  if (!before.deprecated && after.deprecated) {
    const replaced = after.replacedBy.length > 0 ? ` (use ${after.replacedBy.join(', ')})` : '';
    emit('entry-deprecated', `${at}.deprecated`, `deprecated${replaced}`, false, after.deprecated);
  } else if (before.deprecated && !after.deprecated) {
    emit('deprecation-changed', `${at}.deprecated`, 'no longer deprecated', before.deprecated, false);
  } else if (before.deprecated !== after.deprecated || !sameJson(before.replacedBy, after.replacedBy)) {
    emit('deprecation-changed', `${at}.deprecated`, 'deprecation reason or replacedBy changed');
  }
}

/** The documentation facts of an entry, compared one by one as `docs-changed`. */
const DOC_FACTS = ['title', 'description', 'causes', 'resolution', 'category', 'example', 'since'] as const;

function diffDocs(at: string, before: CatalogEntry, after: CatalogEntry, emit: Emit): void {
  for (const fact of DOC_FACTS) {
    if (!sameJson(before[fact], after[fact])) emit('docs-changed', `${at}.${fact}`, `${fact} changed`);
  }
  if (!sameJson(Object.fromEntries(before.titles), Object.fromEntries(after.titles))) {
    emit('docs-changed', `${at}.titles`, 'translated titles changed');
  }
  if (before.logLevel !== after.logLevel) {
    emit('server-changed', `${at}.logLevel`, `log level ${before.logLevel} → ${after.logLevel}`);
  }
  if (before.captureStack !== after.captureStack) {
    emit('server-changed', `${at}.stack`, `stack capture ${before.captureStack} → ${after.captureStack}`);
  }
}

/** The boolean facts that flip as a whole, with their rule. */
const FLAGS = [
  ['retryable', 'retryable-changed'],
  ['throttling', 'throttling-changed'],
  ['notApplied', 'not-applied-changed'],
  ['expose', 'expose-changed'],
] as const;

/**
 * Compares two versions of one entry (matched by key, or by code for a rename) and emits every
 * change under `at` (such as `errors.PROMISE_NOT_FOUND`). Roles are compared per catalog, not here.
 *
 * @example
 * ```ts
 * diffEntry('errors.ORDER_NOT_FOUND', oldEntry, newEntry, emit); // status-changed, retryable-changed…
 * ```
 */
export function diffEntry(at: string, before: CatalogEntry, after: CatalogEntry, emit: Emit): void {
  if (before.code !== after.code) {
    emit(
      'code-changed',
      `${at}.code`,
      `code ${show(before.code)} → ${show(after.code)}`,
      before.code,
      after.code,
    );
  }
  if (before.declaredStatus !== after.declaredStatus) {
    const message = `status ${show(before.declaredStatus)} → ${show(after.declaredStatus)}`;
    emit('status-changed', `${at}.status`, message, before.declaredStatus, after.declaredStatus);
  }
  for (const [flag, rule] of FLAGS) {
    if (before[flag] !== after[flag]) {
      emit(rule, `${at}.${flag}`, `${flag} ${before[flag]} → ${after[flag]}`, before[flag], after[flag]);
    }
  }
  diffDocsUrl(at, before, after, emit);
  diffRetryAfter(at, before, after, emit);
  diffHeaders(at, before, after, emit);
  diffExtensions(at, before, after, emit);
  diffFields(at, before, after, emit);
  diffMessages(at, before, after, emit);
  diffDeprecation(at, before, after, emit);
  diffDocs(at, before, after, emit);
}
