import type { CatalogError } from 'errcat';
import { type AuthErrorOptions, authUnavailable, invalidToken, tokenExpired } from 'errcat/auth';
import { errors } from 'jose';

/**
 * jose errors whose `code` means "this token is not acceptable": RELIABILITY §4.2 maps all of them
 * to 401 `invalid_token` with one generic description.
 */
const TOKEN_PROBLEMS: ReadonlySet<string> = new Set([
  errors.JWSInvalid.code,
  errors.JWTInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
  errors.JWTClaimValidationFailed.code,
]);

/**
 * Thrown by the key resolver when the issuer's keys cannot be had (timeout, bad JWKS, network
 * error): the server's fault, so a 503, not a 401.
 */
export class KeyUnavailable extends Error {
  constructor(cause: unknown) {
    super('signing keys unavailable', { cause: describe(cause) });
  }
}

/** True when a key-resolver failure is about the token (no matching key), not about fetching keys. */
export function isTokenProblem(error: unknown): boolean {
  return error instanceof errors.JOSEError && TOKEN_PROBLEMS.has(error.code);
}

/**
 * What may be logged about a jose failure: its code and, for claim failures, which claim and why.
 * jose's claim errors carry the whole payload; it stays out of logs and responses.
 */
function describe(error: unknown): Error {
  if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired) {
    return new Error(`${error.code}: claim ${error.claim} ${error.reason}`);
  }
  if (error instanceof errors.JOSEError) return new Error(error.code);
  if (error instanceof Error) return new Error(error.name === 'TypeError' ? 'network error' : error.name);
  return new Error('unknown failure');
}

/**
 * Maps a failure of `jwtVerify` to the catalog error to throw, or `undefined` when it is not a
 * verification failure (a bug), which the caller rethrows as a 500.
 */
export function joseFailure(error: unknown, options: AuthErrorOptions): CatalogError | undefined {
  if (error instanceof KeyUnavailable) return authUnavailable({ ...options, cause: error });
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return authUnavailable({ ...options, cause: describe(error) });
  }
  // jose checks the signature before the claims, so "expired" is only said of a genuine token.
  if (error instanceof errors.JWTExpired) return tokenExpired({ ...options, cause: describe(error) });
  if (isTokenProblem(error)) return invalidToken({ ...options, cause: describe(error) });
  return undefined;
}
