import { type CatalogEntry, type FieldSpec, normalizeField } from 'errcat';
import { detailsSchema } from '../internal/details-schema.js';
import type { DiffRuleId } from './diff-rules.js';
import { comparableJson, sameJson } from './same-json.js';

/**
 * Records one change: its rule, where, and a one-line description.
 *
 * @example
 * ```ts
 * const emit: Emit = (rule, path, message, before, after) => changes.push({ rule, path, message, before, after });
 * ```
 */
export type Emit = (
  rule: DiffRuleId,
  path: string,
  message: string,
  before?: unknown,
  after?: unknown,
) => void;

/** What `errcat diff` compares of one details field (or message parameter). */
interface FieldFacts {
  /** `field` for a declared field, `parameter` for a message parameter of an entry without fields. */
  readonly kind: 'field' | 'parameter';
  /** The type, item type and format as one comparable string; undefined for a message parameter. */
  readonly shape: string | undefined;
  readonly optional: boolean;
  readonly internal: boolean;
  readonly enum: readonly unknown[] | undefined;
  readonly description: string | undefined;
  readonly example: unknown;
}

function shapeOf(spec: FieldSpec): string {
  const items = spec.items === undefined ? undefined : normalizeField('items', spec.items);
  return comparableJson({
    type: spec.type,
    format: spec.format,
    items: items ? { shape: shapeOf(items.spec), enum: items.spec.enum } : undefined,
  });
}

/** The fields of an entry: its field map, or its message parameters when it declares none. */
function factsOf(entry: CatalogEntry): Map<string, FieldFacts> {
  const facts = new Map<string, FieldFacts>();
  if (entry.fields) {
    for (const field of entry.fields) {
      facts.set(field.name, {
        kind: 'field',
        shape: shapeOf(field.spec),
        optional: field.optional,
        internal: field.internal,
        enum: field.spec.enum,
        description: field.spec.description,
        example: field.spec.example,
      });
    }
    return facts;
  }
  const optional = new Set(entry.template.optional);
  for (const name of [...entry.template.required, ...entry.template.optional]) {
    facts.set(name, {
      kind: 'parameter',
      shape: undefined,
      optional: optional.has(name),
      internal: false,
      enum: undefined,
      description: undefined,
      example: undefined,
    });
  }
  return facts;
}

function label(name: string, facts: FieldFacts): string {
  return facts.kind === 'field' ? `details field '${name}'` : `message parameter '${name}'`;
}

function compareEnums(at: string, name: string, before: FieldFacts, after: FieldFacts, emit: Emit): void {
  if (sameJson(before.enum, after.enum)) return;
  if (before.enum === undefined) {
    emit('field-enum-narrowed', at, `${label(name, after)} is now limited to an enum`, undefined, after.enum);
    return;
  }
  if (after.enum === undefined) {
    emit('field-enum-widened', at, `${label(name, after)} no longer has an enum`, before.enum, undefined);
    return;
  }
  const had = new Set(before.enum.map((value) => comparableJson(value)));
  const has = new Set(after.enum.map((value) => comparableJson(value)));
  const removed = before.enum.filter((value) => !has.has(comparableJson(value)));
  const added = after.enum.filter((value) => !had.has(comparableJson(value)));
  if (removed.length > 0) {
    emit(
      'field-enum-narrowed',
      at,
      `${label(name, after)} lost enum values ${comparableJson(removed)}`,
      before.enum,
      after.enum,
    );
  }
  if (added.length > 0) {
    emit(
      'field-enum-widened',
      at,
      `${label(name, after)} gained enum values ${comparableJson(added)}`,
      before.enum,
      after.enum,
    );
  }
}

function compareField(at: string, name: string, before: FieldFacts, after: FieldFacts, emit: Emit): void {
  const what = label(name, after);
  if (before.internal !== after.internal) {
    if (after.internal) emit('field-hidden', at, `${what} is now internal (no longer sent)`, false, true);
    else emit('field-exposed', at, `${what} is no longer internal (now sent)`, true, false);
  }
  if (before.optional !== after.optional) {
    emit(
      'field-optionality-changed',
      at,
      `${what} became ${after.optional ? 'optional' : 'required'}`,
      before.optional ? 'optional' : 'required',
      after.optional ? 'optional' : 'required',
    );
  }
  // A message parameter has no declared type: declaring one later is not reported as a type change.
  if (before.shape !== undefined && after.shape !== undefined && before.shape !== after.shape) {
    emit(
      'field-type-changed',
      at,
      `${what} changed type ${before.shape} → ${after.shape}`,
      before.shape,
      after.shape,
    );
  }
  compareEnums(at, name, before, after, emit);
  if (before.description !== after.description || !sameJson(before.example, after.example)) {
    emit('docs-changed', at, `${what}: description or example changed`);
  }
}

/**
 * Compares the details of two versions of an entry: its declared fields, or its message parameters
 * when it declares none. Entries whose details are a Standard Schema cannot be compared field by
 * field; that is reported once.
 *
 * @example
 * ```ts
 * diffFields('errors.ORDER_NOT_FOUND', before, after, emit); // field-removed, field-type-changed…
 * ```
 */
export function diffFields(at: string, before: CatalogEntry, after: CatalogEntry, emit: Emit): void {
  if (before.schema || after.schema) {
    // Libraries that describe themselves as JSON Schema (zod 4, arktype) still allow an equality check.
    if (!sameJson(detailsSchema(before), detailsSchema(after))) {
      emit('details-not-comparable', `${at}.details`, 'details are a Standard Schema: compare them by hand');
    }
    return;
  }
  const old = factsOf(before);
  const next = factsOf(after);
  for (const [name, facts] of old) {
    const path = `${at}.details.${name}`;
    const now = next.get(name);
    if (now) compareField(path, name, facts, now, emit);
    else emit('field-removed', path, `${label(name, facts)} removed`);
  }
  for (const [name, facts] of next) {
    if (old.has(name)) continue;
    const path = `${at}.details.${name}`;
    if (facts.optional) emit('field-added-optional', path, `new optional ${label(name, facts)}`);
    else emit('field-added-required', path, `new required ${label(name, facts)}`);
  }
}
