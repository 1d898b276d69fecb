import type { JsonSchema } from './details-schema.js';

/**
 * One body a wire profile rendered, and the details object of the view it rendered from. A profile
 * that copies the view's details into the body as is marks the place where the entry's details
 * schema belongs.
 */
export interface Probe {
  readonly body: unknown;
  readonly details: object;
}

/** How {@link inferSchema} reads the probes. */
export interface InferOptions {
  /** The schema put where a profile placed the view's details object as is. */
  readonly details: JsonSchema;
  /**
   * A value equal in every probe becomes a `const` (an entry's code, status, `type` URI). Off for a
   * wire format's envelope, which every entry shares.
   */
  readonly constants: boolean;
}

/** A value at one place in the body of one probe. */
interface Sample {
  readonly value: unknown;
  readonly details: object;
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

function inferObject(samples: readonly Sample[], options: InferOptions): JsonSchema {
  const values = samples.map((sample) => sample.value as Record<string, unknown>);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const key of keysOf(values)) {
    const present = samples.filter((sample) => Object.hasOwn(sample.value as object, key));
    properties[key] = infer(
      present.map((sample) => ({
        value: (sample.value as Record<string, unknown>)[key],
        details: sample.details,
      })),
      options,
    );
    if (present.length === samples.length) required.push(key);
  }
  return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
}

/**
 * The member that tells the items of a mixed array apart, such as google's `@type`: the first key
 * that every item has with a string value and that takes two values inside one array. Values that
 * differ only from one probe to the next (a translated title) do not split the items.
 */
function discriminator(arrays: readonly unknown[][]): string | undefined {
  const items = arrays.flat();
  if (items.length === 0 || !items.every(isObject)) return undefined;
  const objects = items as Record<string, unknown>[];
  return keysOf(objects).find(
    (key) =>
      objects.every((item) => typeof item[key] === 'string') &&
      arrays.some((array) => new Set(array.map((item) => (item as Record<string, unknown>)[key])).size > 1),
  );
}

function inferArray(samples: readonly Sample[], options: InferOptions): JsonSchema {
  const arrays = samples.map((sample) => sample.value as unknown[]);
  const items = samples.flatMap((sample) =>
    (sample.value as unknown[]).map((value) => ({ value, details: sample.details })),
  );
  if (items.length === 0) return { type: 'array' };
  const by = discriminator(arrays);
  if (by === undefined) return { type: 'array', items: infer(items, options) };
  const groups = new Map<unknown, Sample[]>();
  for (const item of items) {
    const tag = (item.value as Record<string, unknown>)[by];
    groups.set(tag, [...(groups.get(tag) ?? []), item]);
  }
  return { type: 'array', items: { anyOf: [...groups.values()].map((group) => infer(group, options)) } };
}

function infer(samples: readonly Sample[], options: InferOptions): JsonSchema {
  if (samples.length === 0) return {};
  if (samples.every((sample) => sample.value === sample.details)) return options.details;
  const types = [...new Set(samples.map((sample) => jsonType(sample.value)))];
  const numeric = types.includes('number') ? types.filter((type) => type !== 'integer') : types;
  const [type] = numeric;
  if (numeric.length !== 1 || type === undefined) return { type: numeric.sort() };
  if (type === 'object') return inferObject(samples, options);
  if (type === 'array') return inferArray(samples, options);
  const first = samples[0]?.value;
  if (options.constants && samples.every((sample) => sample.value === first)) return { type, const: first };
  return { type };
}

/**
 * The JSON Schema of the bodies a wire profile renders, read from sample renderings ("probes") of
 * the same entry (or of every entry, for the envelope): a member present in every probe is
 * required; with `constants`, a value equal in every probe is a `const`; arrays whose object items
 * differ in a string member (google's `@type`) become an `anyOf` per value. Profiles are plain
 * functions, so this works for built-in and user-defined ones alike.
 */
export function inferSchema(probes: readonly Probe[], options: InferOptions): JsonSchema {
  return infer(
    probes.map((probe) => ({ value: probe.body, details: probe.details })),
    options,
  );
}
