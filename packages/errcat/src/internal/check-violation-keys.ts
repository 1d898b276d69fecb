import { VIOLATION_KEYS } from '../violation.js';

const KEYS: ReadonlySet<unknown> = new Set(VIOLATION_KEYS);

/**
 * Checks the `violationKeys` field of entry `key` (the keys of each violation in its
 * `details.errors`) and reports each problem under `errors.<key>.violationKeys`: it must be a list
 * of distinct {@link VIOLATION_KEYS} that includes `message` (decoders skip a violation without
 * one), and only the entry playing `VALIDATION_FAILED` renders violations.
 *
 * @example
 * ```ts
 * checkViolationKeys('VALIDATION_ERROR', { role: 'VALIDATION_FAILED', violationKeys: ['field', 'kind'] }, report);
 * // report('errors.VALIDATION_ERROR.violationKeys', 'unknown key kind (in, pointer, field, parameter, header, type, message)')
 * ```
 */
export function checkViolationKeys(
  key: string,
  entry: Readonly<Record<string, unknown>>,
  report: (path: string, message: string) => void,
): void {
  const keys = entry.violationKeys;
  if (keys === undefined) return;
  const path = `errors.${key}.violationKeys`;
  if (!Array.isArray(keys)) {
    report(path, `must be a list of ${VIOLATION_KEYS.join(', ')}`);
    return;
  }
  if (entry.role !== 'VALIDATION_FAILED') report(path, 'is only for the entry with role VALIDATION_FAILED');
  const seen = new Set<unknown>();
  for (const name of keys) {
    if (!KEYS.has(name)) report(path, `unknown key ${String(name)} (${VIOLATION_KEYS.join(', ')})`);
    else if (seen.has(name)) report(path, `lists ${String(name)} twice`);
    seen.add(name);
  }
  if (!seen.has('message')) report(path, 'must include message');
}
