import { isViolationType, type ViolationType } from '../../violation.js';

/**
 * Reads the normalised violation type from a Standard Schema issue. The Standard Schema interface
 * only promises `message` and `path`, but the big libraries put their rule name on the issue:
 * Zod (v3 and v4) and ArkType as `code`, Valibot as `type` (with `kind`). Their names do not
 * collide, so one table per field is enough and no vendor sniffing is needed.
 */

/**
 * Zod's and ArkType's `code`s whose meaning does not depend on other fields of the issue. Maps, not
 * objects, so a code such as `constructor` finds nothing.
 */
const BY_CODE: ReadonlyMap<string, ViolationType> = new Map<string, ViolationType>(
  Object.entries({
    // Zod v4 and v3
    invalid_type: 'type',
    invalid_union: 'type',
    invalid_date: 'type',
    invalid_value: 'enum',
    invalid_enum_value: 'enum',
    invalid_literal: 'enum',
    unrecognized_keys: 'unknown_field',
    // ArkType
    required: 'required',
    domain: 'type',
    proto: 'type',
    unit: 'enum',
    minLength: 'min_length',
    maxLength: 'max_length',
    min: 'minimum',
    after: 'minimum',
    max: 'maximum',
    before: 'maximum',
  } satisfies Record<string, ViolationType>),
);

/** Valibot's `type`s, for the issues its schemas and actions raise. */
const BY_VALIBOT_TYPE: ReadonlyMap<string, ViolationType> = new Map<string, ViolationType>(
  Object.entries({
    picklist: 'enum',
    enum: 'enum',
    literal: 'enum',
    value: 'enum',
    values: 'enum',
    not_value: 'enum',
    not_values: 'enum',
    min_length: 'min_length',
    non_empty: 'min_length',
    min_size: 'min_length',
    min_entries: 'min_length',
    min_words: 'min_length',
    min_graphemes: 'min_length',
    max_length: 'max_length',
    max_size: 'max_length',
    max_entries: 'max_length',
    max_words: 'max_length',
    max_graphemes: 'max_length',
    min_value: 'minimum',
    gt_value: 'minimum',
    max_value: 'maximum',
    lt_value: 'maximum',
    regex: 'pattern',
    starts_with: 'pattern',
    ends_with: 'pattern',
    includes: 'pattern',
    excludes: 'pattern',
    integer: 'type',
    safe_integer: 'type',
    finite: 'type',
  } satisfies Record<string, ViolationType>),
);

/** Valibot actions that check a string's format. */
const VALIBOT_FORMATS: ReadonlySet<string> = new Set([
  'url',
  'uuid',
  'ulid',
  'cuid2',
  'nanoid',
  'iso_date',
  'iso_date_time',
  'iso_time',
  'iso_time_second',
  'iso_timestamp',
  'iso_week',
  'ip',
  'ipv4',
  'ipv6',
  'mac',
  'mac48',
  'mac64',
  'emoji',
  'hexadecimal',
  'hex_color',
  'base64',
  'bic',
  'credit_card',
  'imei',
  'decimal',
  'digits',
  'octal',
  'hash',
  'slug',
]);

/** Valibot's email actions: seed 004's `email` type rather than a generic format. */
const VALIBOT_EMAILS: ReadonlySet<string> = new Set(['email', 'rfc_email']);

/** Valibot's custom checks, whose `expected` may name their type. */
const VALIBOT_CHECKS: ReadonlySet<string> = new Set(['check', 'raw_check', 'partial_check', 'custom']);

/** Zod formats that are patterns rather than named formats. */
const PATTERN_FORMATS: ReadonlySet<string> = new Set(['regex', 'starts_with', 'ends_with', 'includes']);

/** Size origins: a `too_small` on these is about length, on anything else about magnitude. */
const SIZED: ReadonlySet<string> = new Set(['string', 'array', 'set', 'map', 'file']);

type Issue = Readonly<Record<string, unknown>>;

function lengthOf(value: unknown): number | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return undefined;
}

/** An exact-length rule failed: too short or too long, told apart by the value itself. */
function exactLength(requirement: unknown, value: unknown): ViolationType {
  const length = lengthOf(value);
  if (typeof requirement !== 'number' || length === undefined) return 'invalid';
  return length < requirement ? 'min_length' : 'max_length';
}

function fromZodOrArkType(issue: Issue, code: string, value: unknown): ViolationType {
  switch (code) {
    case 'too_small':
    case 'too_big': {
      const origin = issue.origin ?? issue.type;
      const sized = typeof origin === 'string' && SIZED.has(origin);
      if (code === 'too_small') return sized ? 'min_length' : 'minimum';
      return sized ? 'max_length' : 'maximum';
    }
    case 'invalid_format': {
      const format = issue.format;
      if (format === 'email') return 'email';
      return typeof format === 'string' && PATTERN_FORMATS.has(format) ? 'pattern' : 'format';
    }
    case 'invalid_string': {
      const validation = issue.validation;
      if (validation === 'email') return 'email';
      return validation === 'regex' || (typeof validation === 'object' && validation !== null)
        ? 'pattern'
        : 'format';
    }
    case 'pattern': {
      // ArkType says "matched by <regex>" for a user's pattern and names built-in formats
      // ("an email address", "a UUID").
      const expected = issue.expected;
      if (expected === 'an email address') return 'email';
      return typeof expected === 'string' && !expected.startsWith('matched by') ? 'format' : 'pattern';
    }
    case 'union': {
      const errors = issue.errors;
      const allUnits =
        Array.isArray(errors) &&
        errors.length > 0 &&
        errors.every((error) => (error as Issue | null)?.code === 'unit');
      return allUnits ? 'enum' : 'type';
    }
    case 'custom': {
      // Zod: refine(check, { params: { type: 'unique' } }) names the type.
      const declared = (issue.params as Issue | undefined)?.type;
      return isViolationType(declared) ? declared : 'invalid';
    }
    case 'predicate':
      // ArkType: ctx.reject({ expected: 'unique' }) names the type; undeclared keys say 'removed'.
      if (issue.expected === 'removed') return 'unknown_field';
      return isViolationType(issue.expected) ? issue.expected : 'invalid';
    case 'exactLength':
      return exactLength(issue.rule, value);
    default:
      return BY_CODE.get(code) ?? 'invalid';
  }
}

function fromValibot(issue: Issue, type: string, value: unknown): ViolationType {
  if (type === 'strict_object' || type === 'strict_tuple') {
    return issue.expected === 'never' ? 'unknown_field' : 'required';
  }
  if (type === 'length') return exactLength(issue.requirement, value);
  // rawCheck's addIssue({ expected: 'unique' }) names the type.
  if (VALIBOT_CHECKS.has(type) && isViolationType(issue.expected)) return issue.expected;
  const mapped = BY_VALIBOT_TYPE.get(type);
  if (mapped) return mapped;
  if (VALIBOT_EMAILS.has(type)) return 'email';
  if (VALIBOT_FORMATS.has(type)) return 'format';
  // Every other schema-level issue is a value of the wrong type; other actions are custom checks.
  return issue.kind === 'schema' ? 'type' : 'invalid';
}

/**
 * The normalised type of one Standard Schema issue. `value` is what the issue's path points at in
 * the input (used to tell too short from too long for exact-length rules).
 *
 * @example
 * ```ts
 * issueType({ code: 'too_small', minimum: 8, origin: 'string', message: '…' }, 'abc'); // 'min_length'
 * ```
 */
export function issueType(issue: unknown, value: unknown): ViolationType {
  if (typeof issue !== 'object' || issue === null) return 'invalid';
  const record = issue as Issue;
  if (typeof record.kind === 'string' && typeof record.type === 'string') {
    return fromValibot(record, record.type, value);
  }
  if (typeof record.code === 'string') return fromZodOrArkType(record, record.code, value);
  return 'invalid';
}
