import { type CatalogEntry, CatalogError, describeError, type FieldSpec, type WireProfile } from 'errcat';
import { exampleDetails } from '../internal/example-details.js';
import type { Probe } from './infer-schema.js';

/** A value of the declared type unlike any example, so that what varies with details shows. */
function otherValue(name: string, spec: FieldSpec | undefined): unknown {
  if (spec?.enum && spec.enum.length > 0) return spec.enum[spec.enum.length - 1];
  switch (spec?.type) {
    case 'integer':
      return 7;
    case 'number':
      return 7.5;
    case 'boolean':
      return true;
    case 'object':
      return { other: true };
    case 'array':
      return [];
    default:
      return `other-${name}`;
  }
}

/** Every declared field (or message parameter), optional ones included, with values unlike the example. */
function otherDetails(entry: CatalogEntry): Record<string, unknown> {
  if (entry.schema) return { ...entry.example };
  const names = entry.fields?.map((field) => field.name) ?? [
    ...entry.template.required,
    ...entry.template.optional,
  ];
  return Object.fromEntries(
    names.map((name) => [name, otherValue(name, entry.fields?.find((field) => field.name === name)?.spec)]),
  );
}

/** The example details without the optional fields: the least an error of the entry carries. */
function leastDetails(entry: CatalogEntry): Record<string, unknown> {
  const example = exampleDetails(entry);
  if (entry.schema) return example;
  const optional = new Set(
    entry.fields?.filter((field) => field.optional).map((field) => field.name) ?? entry.template.optional,
  );
  return Object.fromEntries(Object.entries(example).filter(([name]) => !optional.has(name)));
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
 * the entry fixes: the documented example, one with every field at other values, one with the
 * required fields only. {@link inferSchema} reads them into the entry's body schema.
 *
 * @example
 * ```ts
 * entryProbes(entry, problemProfile).length; // 3: the example, other values, required fields only
 * ```
 */
export function entryProbes(entry: CatalogEntry, profile: WireProfile): Probe[] {
  const language = [...entry.translations.keys()][0];
  return [
    probe(
      profile,
      new CatalogError(entry, exampleDetails(entry), { retryAfter: entry.retryAfter ?? 3 }),
      'req-a',
    ),
    probe(
      profile,
      new CatalogError(entry, otherDetails(entry), { retryAfter: (entry.retryAfter ?? 3) + 7 }),
      'req-b',
      {
        title: `${entry.title} (translated)`,
        message: 'A message that differs',
        ...(language === undefined ? {} : { language }),
      },
    ),
    probe(profile, new CatalogError(entry, leastDetails(entry))),
  ];
}
