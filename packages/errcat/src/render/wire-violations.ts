import { clip, type JsonObject, members, textValue } from '../internal/json-fields.js';
import type { RemoteViolation } from './decoded-error.js';

/** At most this many violations are kept, so a hostile body cannot make the result large. */
const MAX_VIOLATIONS = 100;

function pathText(value: unknown): string | undefined {
  if (typeof value === 'string') return clip(value, 500);
  if (!Array.isArray(value)) return undefined;
  const parts = value.slice(0, 32).filter((part) => typeof part === 'string' || typeof part === 'number');
  return parts.length === 0 ? undefined : clip(parts.join('.'), 500);
}

function fieldOf(item: JsonObject): string | undefined {
  const source = members(item.source);
  return (
    textValue(item.pointer, 500) ??
    textValue(item.field, 500) ??
    pathText(item.path) ??
    pathText(item.loc) ??
    textValue(item.target, 500) ??
    textValue(item.param, 500) ??
    textValue(item.parameter, 500) ??
    textValue(item.name, 500) ??
    textValue(item.property, 500) ??
    textValue(item.subject, 500) ??
    textValue(source?.pointer, 500) ??
    textValue(source?.parameter, 500) ??
    textValue(source?.header, 500)
  );
}

/**
 * One violation from whatever a server lists: a string, or an object naming a place (`pointer`,
 * `field`, `path`, `loc`, `target`, `param`, `source.pointer`…) and a problem (`message`, `detail`,
 * `description`, `reason`, `msg`, `title`). Items with neither become `undefined`.
 *
 * @example
 * ```ts
 * violationFrom({ loc: ['body', 'email'], msg: 'bad' }); // { field: 'body.email', message: 'bad' }
 * violationFrom('oops'); // { message: 'oops' }
 * ```
 */
export function violationFrom(item: unknown): RemoteViolation | undefined {
  if (typeof item === 'string') {
    const message = clip(item);
    return message === undefined ? undefined : { message };
  }
  const facts = members(item);
  if (facts === undefined) return undefined;
  const field = fieldOf(facts);
  const code = textValue(facts.type, 200) ?? codeText(facts.code) ?? textValue(facts.reason, 200);
  const message =
    textValue(facts.message) ??
    textValue(facts.detail) ??
    textValue(facts.description) ??
    textValue(facts.msg) ??
    textValue(facts.title) ??
    textValue(facts.reason) ??
    code;
  if (message === undefined) return undefined;
  if (field === undefined && code === undefined) return { message };
  if (field === undefined) return { message, code: code as string };
  return code === undefined ? { field, message } : { field, message, code };
}

function codeText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' ? clip(value, 200) : undefined;
}

/**
 * The violations of a list; `undefined` when it holds none.
 *
 * @example
 * ```ts
 * violationsFrom([]); // undefined
 * violationsFrom(['oops']); // [{ message: 'oops' }]
 * ```
 */
export function violationsFrom(items: unknown): RemoteViolation[] | undefined {
  if (!Array.isArray(items)) return undefined;
  const out: RemoteViolation[] = [];
  for (const item of items) {
    if (out.length >= MAX_VIOLATIONS) break;
    const violation = violationFrom(item);
    if (violation) out.push(violation);
  }
  return out.length === 0 ? undefined : out;
}

/** Longer messages are not parsed for issues. */
const MAX_ISSUES_MESSAGE = 64 * 1024;

/**
 * The issues of a message that is itself a JSON array of them, as a `ZodError`'s is (Hono's
 * zod validator sends `{error: {name: "ZodError", message: "[{\"code\": …, \"message\": …}]"}}`);
 * `undefined` for any other message.
 *
 * @example
 * ```ts
 * issuesInMessage('[{"path":["name"],"message":"Required"}]'); // [{ field: 'name', message: 'Required' }]
 * ```
 */
export function issuesInMessage(message: unknown): RemoteViolation[] | undefined {
  if (
    typeof message !== 'string' ||
    message.length > MAX_ISSUES_MESSAGE ||
    !message.trimStart().startsWith('[')
  )
    return undefined;
  try {
    return violationsFrom(JSON.parse(message));
  } catch {
    return undefined;
  }
}
