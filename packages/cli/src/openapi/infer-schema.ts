import type { JsonSchema } from '../internal/details-schema.js';

/**
 * One body a wire profile rendered, and the details object of the view it rendered from. A profile
 * that copies the view's details into the body as is marks the place where the entry's details
 * schema belongs.
 *
 * @example
 * ```ts
 * const probe: Probe = { body: JSON.parse(rendered.body), details: view.details };
 * ```
 */
export interface Probe {
  readonly body: unknown;
  readonly details: object;
}

/**
 * How {@link inferSchema} reads the probes.
 *
 * @example
 * ```ts
 * const options: InferOptions = { details: detailsSchema(entry) ?? { type: 'object' }, constants: true };
 * ```
 */
export interface InferOptions {
  /** The schema put where a profile placed the view's details object as is. */
  readonly details: JsonSchema;
  /**
   * A value equal wherever it occurs, in at least two probes, becomes a `const` (an entry's code,
   * status, `type` URI). Off for a wire format's envelope, which every entry shares.
   */
  readonly constants: boolean;
}

/** A value at one place in the body of one probe. */
interface Sample {
  readonly value: unknown;
  /** The index of the probe it comes from. */
  readonly probe: number;
}

/** What every step of the walk reads. */
interface Walk {
  readonly probes: readonly Probe[];
  readonly options: InferOptions;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of the samples in first-seen order. */
function keysOf(values: readonly Record<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const value of values) for (const key of Object.keys(value)) keys.add(key);
  return [...keys];
}

/** How many probes the samples come from: a value seen in one probe only proves nothing fixed. */
function probeCount(samples: readonly Sample[]): number {
  return new Set(samples.map((sample) => sample.probe)).size;
}

function inferObject(samples: readonly Sample[], walk: Walk): JsonSchema {
  // No prototype: a body's own `__proto__` member must become a property, not the object's prototype.
  const properties: Record<string, JsonSchema> = Object.create(null);
  const required: string[] = [];
  for (const key of keysOf(samples.map((sample) => sample.value as Record<string, unknown>))) {
    const present = samples.filter((sample) => Object.hasOwn(sample.value as object, key));
    properties[key] = infer(
      present.map((sample) => ({
        value: (sample.value as Record<string, unknown>)[key],
        probe: sample.probe,
      })),
      walk,
    );
    if (present.length === samples.length) required.push(key);
  }
  return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
}

/**
 * The member that tells the items of a mixed array apart, such as google's `@type`: a key that
 * every item has with a string value, that takes two values inside one array, and whose values
 * recur from probe to probe (a violation's text, which changes with the details, does not).
 */
function discriminator(arrays: readonly Sample[][]): string | undefined {
  const items = arrays.flat();
  if (items.length === 0 || !items.every((item) => isObject(item.value))) return undefined;
  const member = (item: Sample, key: string) => (item.value as Record<string, unknown>)[key];
  return keysOf(items.map((item) => item.value as Record<string, unknown>)).find((key) => {
    if (!items.every((item) => typeof member(item, key) === 'string')) return false;
    if (!arrays.some((array) => new Set(array.map((item) => member(item, key))).size > 1)) return false;
    const probesByValue = new Map<unknown, Set<number>>();
    for (const item of items) {
      const value = member(item, key);
      probesByValue.set(value, (probesByValue.get(value) ?? new Set()).add(item.probe));
    }
    return [...probesByValue.values()].filter((probes) => probes.size > 1).length > 1;
  });
}

function inferArray(samples: readonly Sample[], walk: Walk): JsonSchema {
  const arrays = samples.map((sample) =>
    (sample.value as unknown[]).map((value) => ({ value, probe: sample.probe })),
  );
  const items = arrays.flat();
  if (items.length === 0) return { type: 'array' };
  const by = discriminator(arrays);
  if (by === undefined) return { type: 'array', items: infer(items, walk) };
  const groups = new Map<unknown, Sample[]>();
  for (const item of items) {
    const tag = (item.value as Record<string, unknown>)[by];
    const group = groups.get(tag);
    if (group) group.push(item);
    else groups.set(tag, [item]);
  }
  return { type: 'array', items: { anyOf: [...groups.values()].map((group) => infer(group, walk)) } };
}

function infer(samples: readonly Sample[], walk: Walk): JsonSchema {
  if (samples.length === 0) return {};
  if (samples.every((sample) => sample.value === walk.probes[sample.probe]?.details))
    return walk.options.details;
  const types = [...new Set(samples.map((sample) => jsonType(sample.value)))];
  const numeric = types.includes('number') ? types.filter((type) => type !== 'integer') : types;
  const [type] = numeric;
  if (numeric.length !== 1 || type === undefined) return { type: numeric.sort() };
  if (type === 'object') return inferObject(samples, walk);
  if (type === 'array') return inferArray(samples, walk);
  const first = samples[0]?.value;
  const fixed = samples.every((sample) => sample.value === first) && probeCount(samples) > 1;
  return walk.options.constants && fixed ? { type, const: first } : { type };
}

/**
 * The JSON Schema of the bodies a wire profile renders, read from sample renderings ("probes") of
 * the same entry (or of every entry, for the envelope): a member present in every probe is
 * required; with `constants`, a value equal wherever it occurs in two probes or more is a `const`;
 * arrays whose object items differ in a recurring string member (google's `@type`) become an
 * `anyOf` per value. Profiles are plain functions, so this works for built-in and user-defined
 * ones alike.
 *
 * @example
 * ```ts
 * const bodySchema = inferSchema(entryProbes(entry, problemProfile), { details: detailsSchema(entry) ?? {}, constants: true });
 * ```
 */
export function inferSchema(probes: readonly Probe[], options: InferOptions): JsonSchema {
  return infer(
    probes.map((probe, index) => ({ value: probe.body, probe: index })),
    { probes, options },
  );
}
