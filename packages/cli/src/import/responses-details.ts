import { RESERVED_FIELDS } from 'errcat';
import type { ImportedEntry, ImportedField } from './import-draft.js';
import { type MessageSample, type MessageTemplate, messageTemplate } from './responses-template.js';

/**
 * Gives an imported entry its message template, details fields and example so that they make a
 * valid catalog entry: the template aligned from the samples' messages; a details field for each
 * parameter no field explains; every field the message names required (a catalog puts optional
 * ones in `[ … ]`); the names a catalog reserves (`cause`, `headers`, `retryAfter`) left out; and
 * an example from the first sample, with a value for every parameter and no undeclared field.
 * Every decision is recorded in `entry.guessed`. `origin` names the samples in those notes.
 *
 * @example
 * ```ts
 * const entry: ImportedEntry = { code: 'NOT_FOUND', guessed: {} };
 * settleMessage(entry, { id: { type: 'string', optional: true } }, samples, 'observed');
 * entry.message; // "No order '{id}'"
 * ```
 */
export function settleMessage(
  entry: ImportedEntry,
  fields: Record<string, ImportedField>,
  samples: readonly MessageSample[],
  origin: 'example' | 'observed',
): MessageTemplate | undefined {
  const { guessed } = entry;
  const built = messageTemplate(samples);
  const values: Record<string, unknown> = {};
  if (built !== undefined) {
    entry.message = built.template;
    const names = Object.keys(built.values);
    if (names.length > 0) guessed.message = `aligned from the ${origin} messages`;
    else if (origin === 'example') guessed.message = 'from an example';
    for (const name of built.unnamed) {
      fields[name] ??= { type: 'string' };
      guessed[`details.${name}`] = `a part of the ${origin} messages that varies`;
    }
    for (const name of names) {
      const field = fields[name];
      if (field?.optional !== true) continue;
      const { optional: _, ...required } = field;
      fields[name] = required;
      guessed[`details.${name}`] ??= 'required: the message names it';
    }
    Object.assign(values, built.values, samples[0]?.details);
  } else {
    Object.assign(values, samples.find((sample) => Object.keys(sample.details).length > 0)?.details);
  }
  const reserved = Object.keys(fields).filter((name) => RESERVED_FIELDS.has(name));
  for (const name of reserved) delete fields[name];
  if (reserved.length > 0) guessed.details = `left out ${reserved.join(', ')}: names a catalog reserves`;
  if (Object.keys(fields).length > 0) entry.details = fields;
  const example = Object.fromEntries(Object.entries(values).filter(([name]) => Object.hasOwn(fields, name)));
  if (Object.keys(example).length > 0) entry.example = example;
  return built;
}
