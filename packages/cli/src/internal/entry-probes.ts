import { type CatalogEntry, CatalogError, describeError, type FieldSpec, type WireProfile } from 'errcat';
import type { Probe } from './infer-schema.js';

/** Which sample: 0 is the documented example, 1 differs from it in every value. */
type Variant = 0 | 1;

function sampleValue(name: string, spec: FieldSpec | undefined, variant: Variant): unknown {
  if (spec?.enum && spec.enum.length > 0) return spec.enum[variant % spec.enum.length];
  if (variant === 0 && spec?.example !== undefined) return spec.example;
  switch (spec?.type) {
    case 'integer':
      return variant + 1;
    case 'number':
      return variant + 1.5;
    case 'boolean':
      return variant === 0;
    case 'object':
      return {};
    case 'array':
      return [];
    default:
      return variant === 0 ? `<${name}>` : `other-${name}`;
  }
}

/**
 * Details for an entry: the entry's `example` and each field's example first (variant 0), made-up
 * values of the declared types otherwise; with `requiredOnly`, just the fields an error must have.
 *
 * @example
 * ```ts
 * sampleDetails(entry, 0); // { id: 'order-42' } from the entry's example
 * ```
 */
export function sampleDetails(
  entry: CatalogEntry,
  variant: Variant,
  requiredOnly = false,
): Record<string, unknown> {
  if (entry.schema) return { ...entry.example };
  const details: Record<string, unknown> = {};
  const fields = entry.fields?.map((field) => ({
    name: field.name,
    optional: field.optional,
    spec: field.spec as FieldSpec | undefined,
  })) ?? [
    ...entry.template.required.map((name) => ({ name, optional: false, spec: undefined })),
    ...entry.template.optional.map((name) => ({ name, optional: true, spec: undefined })),
  ];
  for (const { name, optional, spec } of fields) {
    if (requiredOnly && optional) continue;
    const example = variant === 0 ? entry.example?.[name] : undefined;
    details[name] = example !== undefined ? example : sampleValue(name, spec, variant);
  }
  return details;
}

function probe(profile: WireProfile, error: CatalogError, requestId?: string, overrides: object = {}): Probe {
  const context = requestId === undefined ? {} : { requestId, instance: `/requests/${requestId}` };
  // Spreading the real view keeps every fact errcat adds to views; only the varied ones are replaced.
  const view = { ...describeError(error, context), ...overrides };
  return { body: profile.body(view), details: view.details };
}

/**
 * Three renderings of an entry that differ in everything an occurrence may change — details,
 * message, title (translations), request id, instance, Retry-After, language — and agree in what
 * the entry fixes: one with every field, one with other values and options, one with the required
 * fields only. {@link inferSchema} reads them into the entry's body schema.
 */
export function entryProbes(entry: CatalogEntry, profile: WireProfile): Probe[] {
  const language = [...entry.translations.keys()][0];
  return [
    probe(
      profile,
      new CatalogError(entry, sampleDetails(entry, 0), { retryAfter: entry.retryAfter ?? 3 }),
      'req-a',
    ),
    probe(
      profile,
      new CatalogError(entry, sampleDetails(entry, 1), { retryAfter: (entry.retryAfter ?? 3) + 7 }),
      'req-b',
      {
        title: `${entry.title} (translated)`,
        message: 'A message that differs',
        ...(language === undefined ? {} : { language }),
      },
    ),
    probe(profile, new CatalogError(entry, sampleDetails(entry, 0, true))),
  ];
}
