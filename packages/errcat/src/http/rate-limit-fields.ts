/**
 * What one policy announces in `RateLimit-Policy`: its quota `q` per window `w`.
 *
 * @example
 * ```ts
 * const field: QuotaPolicyField = { name: 'general', quota: 100, window: 60 };
 * ```
 */
export interface QuotaPolicyField {
  /** The policy name, sent as a structured-field string. */
  readonly name: string;
  /** The quota: how many requests the policy allows per window (`q`). */
  readonly quota: number;
  /** The window in whole seconds (`w`); optional in the draft. */
  readonly window: number | undefined;
}

/**
 * What one policy announces in `RateLimit`: the remaining quota `r` and the seconds `t` until more
 * quota comes back.
 *
 * @example
 * ```ts
 * const field: QuotaStateField = { name: 'general', remaining: 42, reset: 1 };
 * ```
 */
export interface QuotaStateField {
  /** The policy name, sent as a structured-field string. */
  readonly name: string;
  /** Requests still allowed now (`r`). */
  readonly remaining: number;
  /** Whole seconds until more quota comes back (`t`); optional in the draft. */
  readonly reset: number | undefined;
}

/** Printable ASCII without `"` and `\\`: a string that needs no escaping. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Serialises a structured-field string; characters outside printable ASCII become `?`. */
function sfString(value: string): string {
  if (PLAIN.test(value)) return `"${value}"`;
  let out = '"';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char === '"' || char === '\\') out += `\\${char}`;
    else out += code >= 0x20 && code <= 0x7e && char.length === 1 ? char : '?';
  }
  return `${out}"`;
}

/** A non-negative integer as a structured-field Integer (clamped to the 15-digit maximum). */
function sfInteger(value: number): string {
  const whole = Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
  return String(Math.min(whole, 999_999_999_999_999));
}

/**
 * Formats the `RateLimit-Policy` field of draft-ietf-httpapi-ratelimit-headers-10.
 *
 * @example
 * ```ts
 * formatRateLimitPolicy([{ name: 'general', quota: 100, window: 60 }]); // '"general";q=100;w=60'
 * ```
 */
export function formatRateLimitPolicy(policies: readonly QuotaPolicyField[]): string {
  let field = '';
  for (const policy of policies) {
    const window = policy.window === undefined ? '' : `;w=${sfInteger(Math.max(1, policy.window))}`;
    field += `${field === '' ? '' : ', '}${sfString(policy.name)};q=${sfInteger(policy.quota)}${window}`;
  }
  return field;
}

/**
 * Formats the `RateLimit` field of draft-ietf-httpapi-ratelimit-headers-10.
 *
 * @example
 * ```ts
 * formatRateLimit([{ name: 'general', remaining: 42, reset: 1 }]); // '"general";r=42;t=1'
 * ```
 */
export function formatRateLimit(states: readonly QuotaStateField[]): string {
  // A loop rather than map and join: the limiter formats this field for every request it allows.
  let field = '';
  for (const state of states) {
    const reset = state.reset === undefined ? '' : `;t=${sfInteger(state.reset)}`;
    field += `${field === '' ? '' : ', '}${sfString(state.name)};r=${sfInteger(state.remaining)}${reset}`;
  }
  return field;
}
