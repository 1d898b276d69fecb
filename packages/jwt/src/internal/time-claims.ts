import type { JWTPayload } from 'jose';

/** The verifier's rules on a token's times, in seconds. */
export interface TimeRules {
  /** Seconds of clock skew tolerated on `exp`, `nbf` and `iat`. */
  readonly clockTolerance: number;
  /** The oldest token accepted, in seconds since its `iat`; `undefined` for no limit. */
  readonly maxTokenAge: number | undefined;
}

/**
 * Whether a token was issued beyond the clock tolerance in the future. jose checks that `iat`
 * lies in the past only with `maxTokenAge`; such a token was minted by a skewed or forged issuer,
 * so it is refused either way.
 *
 * @example
 * ```ts
 * issuedInFuture({ iat: Date.now() / 1000 + 600 }, Date.now(), 120); // true
 * ```
 */
export function issuedInFuture(claims: JWTPayload, time: number, clockTolerance: number): boolean {
  const issuedAt = claims.iat;
  return typeof issuedAt === 'number' && issuedAt > time / 1000 + clockTolerance;
}

/**
 * Whether the time claims of a token verified earlier still hold at `time` (epoch milliseconds):
 * the checks jose's `validateClaimsSet` makes on `nbf`, `exp` and `maxTokenAge`, with its
 * rounding (whole seconds, rounded down), and {@link issuedInFuture}. The claims passed them
 * once, so each is a number where present and `iat` is present when `maxTokenAge` is set. A
 * cached token is served only while this holds, so it is refused exactly when a fresh
 * verification would refuse it on time grounds.
 *
 * @example
 * ```ts
 * timeClaimsHold({ exp: 1_700_000_060 }, 1_700_000_000_000, { clockTolerance: 0, maxTokenAge: undefined }); // true
 * ```
 */
export function timeClaimsHold(claims: JWTPayload, time: number, rules: TimeRules): boolean {
  const { clockTolerance, maxTokenAge } = rules;
  const now = Math.floor(time / 1000);
  if (claims.nbf !== undefined && claims.nbf > now + clockTolerance) return false;
  if (claims.exp !== undefined && claims.exp <= now - clockTolerance) return false;
  if (maxTokenAge !== undefined) {
    const age = now - (claims.iat as number);
    if (age - clockTolerance > maxTokenAge || age < -clockTolerance) return false;
  }
  return !issuedInFuture(claims, time, clockTolerance);
}
