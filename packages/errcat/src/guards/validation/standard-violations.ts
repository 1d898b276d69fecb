import { formatJsonPointer, type PathSegment } from '../../http/json-pointer.js';
import type { StandardSchemaIssue } from '../../standard-schema.js';
import type { RequestPart, Violation } from '../../violation.js';
import { issueType } from './issue-type.js';

/**
 * Options of {@link violationsFromIssues}.
 *
 * @example
 * ```ts
 * violationsFromIssues(result.issues, { in: 'query', input: query });
 * ```
 */
export interface IssueMappingOptions {
  /** The request part that was validated. @default 'body' */
  readonly in?: RequestPart;
  /**
   * The value that was validated. With it, an issue about a key the value lacks becomes
   * `required` (most libraries report a missing field as a type error about `undefined`).
   * @default undefined (no lookups: missing fields keep the library's own type)
   */
  readonly input?: unknown;
}

function segmentOf(item: PropertyKey | { readonly key: PropertyKey }): PathSegment {
  const key = typeof item === 'object' && item !== null ? item.key : item;
  if (typeof key === 'number' || typeof key === 'string') return key;
  return key.description ?? '';
}

/** What the path points at, and whether its last key is missing from its parent. */
function lookUp(input: unknown, path: readonly PathSegment[]): { value: unknown; missing: boolean } {
  let value = input;
  for (let i = 0; i < path.length; i++) {
    if (typeof value !== 'object' || value === null) return { value: undefined, missing: false };
    const key = String(path[i]);
    if (!Object.hasOwn(value, key)) return { value: undefined, missing: i === path.length - 1 };
    value = (value as Record<string, unknown>)[key];
  }
  return { value, missing: path.length === 0 && value === undefined };
}

/**
 * Turns the issues of any Standard Schema validator (Zod, Valibot, ArkType…) into violations with
 * a JSON pointer, a normalised type and the library's message. Zod's single "unrecognized keys"
 * issue becomes one `unknown_field` violation per key.
 *
 * @example
 * ```ts
 * const result = await schema['~standard'].validate(body);
 * if (result.issues) throw validationFailed(violationsFromIssues(result.issues, { in: 'body', input: body }));
 * ```
 */
export function violationsFromIssues(
  issues: readonly StandardSchemaIssue[],
  options: IssueMappingOptions = {},
): Violation[] {
  const part = options.in ?? 'body';
  const lookups = Object.hasOwn(options, 'input');
  const violations: Violation[] = [];
  for (const issue of issues) {
    const path = (issue.path ?? []).map(segmentOf);
    const message = typeof issue.message === 'string' ? issue.message : 'Invalid value';
    const unknownKeys = (issue as { keys?: unknown }).keys;
    if ((issue as { code?: unknown }).code === 'unrecognized_keys' && Array.isArray(unknownKeys)) {
      for (const key of unknownKeys) {
        const pointer = formatJsonPointer([...path, String(key)]);
        violations.push({ in: part, pointer, type: 'unknown_field', message });
      }
      continue;
    }
    const found = lookups ? lookUp(options.input, path) : { value: undefined, missing: false };
    let type = issueType(issue, found.value);
    if (found.missing && type !== 'unknown_field') type = 'required';
    violations.push({ in: part, pointer: formatJsonPointer(path), type, message });
  }
  return violations;
}
