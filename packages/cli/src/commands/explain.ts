import { STATUS_CODES } from 'node:http';
import type { CatalogEntry } from 'errcat';
import { loadCatalogFile } from '../catalog/load-catalog.js';
import type { Command } from '../command.js';
import { constraintPhrase } from '../internal/constraint-phrase.js';
import { findEntry } from '../internal/find-entry.js';
import { usageError } from '../usage-error.js';

function describeField(entry: CatalogEntry): string[] {
  return (entry.fields ?? []).map((field) => {
    const flags = [field.optional ? 'optional' : '', field.internal ? 'internal' : ''].filter(Boolean);
    const description = field.spec.description ? ` — ${field.spec.description}` : '';
    return `  ${field.name}: ${field.type}${flags.length ? ` (${flags.join(', ')})` : ''}${description}`;
  });
}

/**
 * Renders an entry as a person reads it.
 *
 * @example
 * ```ts
 * const entry = catalog.entry('PROMISE_NOT_FOUND');
 * if (entry) process.stdout.write(explainEntry(entry)); // code, key and title, then Status:, Retryable:, Message:…
 * ```
 */
export function explainEntry(entry: CatalogEntry): string {
  const lines = [`${entry.code}  ${entry.key} — ${entry.title}`, ''];
  const status =
    entry.declaredStatus === undefined
      ? 'none (not an HTTP error)'
      : `${entry.status} ${STATUS_CODES[entry.status] ?? ''}`.trim();
  lines.push(`Status:      ${status}`);
  const retry = [entry.retryable ? 'yes' : 'no'];
  if (entry.throttling) retry.push('throttling: back off slowly');
  if (entry.notApplied) retry.push('not applied: safe to retry any method');
  if (entry.retryAfter !== undefined) retry.push(`after ${entry.retryAfter}s`);
  lines.push(`Retryable:   ${retry.join('; ')}`);
  if (entry.category) lines.push(`Category:    ${entry.category}`);
  lines.push(`Message:     ${entry.template.source}`);
  if (entry.spec.database) lines.push(`Answers:     ${constraintPhrase(entry.spec.database)}`);
  if (entry.deprecated) {
    const reason = typeof entry.deprecated === 'string' ? `: ${entry.deprecated}` : '';
    const replaced = entry.replacedBy.length ? ` (use ${entry.replacedBy.join(', ')})` : '';
    lines.push(`Deprecated${reason}${replaced}`);
  }
  const fields = describeField(entry);
  if (fields.length) lines.push('', 'Details:', ...fields);
  if (entry.description) lines.push('', entry.description);
  if (entry.causes.length) lines.push('', 'Causes:', ...entry.causes.map((cause) => `  - ${cause}`));
  if (entry.resolution) lines.push('', 'Resolution:', `  ${entry.resolution}`);
  if (entry.docs) lines.push('', `Docs: ${entry.docs}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `errcat explain <catalog> <code|key>`: prints an entry as a person reads it.
 *
 * @example
 * ```sh
 * errcat explain catalogs/resonate-legacy.yaml 4040
 * ```
 */
export const explainCommand: Command = {
  name: 'explain',
  summary: 'Explain one error code: status, retryable, message, causes, resolution, docs',
  usage: 'errcat explain <catalog> <code|key> [--format json]',
  options: { format: { type: 'string', description: "Output format: 'text' (default) or 'json'" } },
  run: async ({ positionals, values }, io) => {
    const [file, wanted] = positionals;
    if (!file || !wanted) throw usageError('explain needs a catalog path and a code or key');
    const { catalog } = await loadCatalogFile(file, io.cwd);
    const entry = findEntry(catalog, wanted);
    if (values.format === 'json') {
      const {
        template,
        translations,
        titles,
        fields,
        schema,
        internalFields,
        spec,
        declaredStatus,
        ...facts
      } = entry;
      // The declared status only: an SDK error is not an HTTP error, whatever a server would answer.
      const described = { ...facts, status: declaredStatus ?? null, http: declaredStatus !== undefined };
      io.stdout(
        `${JSON.stringify({ ...described, message: template.source, details: spec.details && !schema ? spec.details : undefined, database: spec.database }, null, 2)}\n`,
      );
    } else io.stdout(explainEntry(entry));
    return 0;
  },
};
