import { type CatalogMethods, type CatalogSpec, errcatErrors, type HeadersLike } from 'errcat';
import { type AuthErrorOptions, grantedScopes, readBearerToken, requireScopes } from 'errcat/auth';
import {
  createRemoteJWKSet,
  errors,
  importSPKI,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
  type KeyObject,
} from 'jose';
import { freezeClaims } from './internal/freeze-claims.js';
import { isTokenProblem, joseFailure, KeyUnavailable } from './internal/jose-failure.js';
import { issuedInFuture, timeClaimsHold } from './internal/time-claims.js';
import { createTokenCache } from './internal/token-cache.js';

/** How long remote keys are cached and fetched; jose's `RemoteJWKSetOptions`. */
export interface JwksOptions {
  /** Milliseconds a key set is used before it is fetched again. @default 600000 (10 minutes) */
  readonly cacheMaxAge?: number;
  /** Milliseconds after a fetch during which an unknown `kid` does not trigger another. @default 30000 */
  readonly cooldownDuration?: number;
  /** Milliseconds a fetch may take before it fails (and the request gets a 503). @default 5000 */
  readonly timeoutDuration?: number;
}

/** Options of {@link createJwtAuth}: exactly one of `secret`, `publicKey` or `jwksUrl`. */
export interface JwtAuthOptions {
  /** A shared secret for HMAC-signed tokens (HS256/384/512). */
  readonly secret?: string | Uint8Array;
  /** The issuer's public key: a `CryptoKey`, a Node `KeyObject`, a JWK, or a PEM (SPKI) string. */
  readonly publicKey?: CryptoKey | KeyObject | JWK | string;
  /** The issuer's JWKS endpoint; keys are fetched on demand and cached. */
  readonly jwksUrl?: string | URL;
  /** Caching and timeouts of the JWKS endpoint. @default jose's defaults */
  readonly jwks?: JwksOptions;
  /** The accepted `alg` values; required with a PEM `publicKey` (its first is used to import it). @default the key's */
  readonly algorithms?: readonly string[];
  /** The accepted `iss` value(s). @default any */
  readonly issuer?: string | readonly string[];
  /** The accepted `aud` value(s). @default any */
  readonly audience?: string | readonly string[];
  /** Seconds of clock skew tolerated on `exp`, `nbf` and `iat`. @default 0 */
  readonly clockTolerance?: number;
  /** Claims that must be present, such as `sub`. @default [] */
  readonly requiredClaims?: readonly string[];
  /**
   * Refuse a token without an `exp` claim (401 `INVALID_TOKEN`): a token that never expires stays
   * usable for good once it leaks. Turn off only for an issuer that cannot set `exp`.
   * @default true
   */
  readonly requireExpiry?: boolean;
  /**
   * The oldest token accepted, in seconds since its `iat` (which then must be present); an older
   * one is refused as expired (401 `TOKEN_EXPIRED`) whatever its `exp` says.
   * @default no limit
   */
  readonly maxTokenAge?: number;
  /** Scopes every request must have. @default [] */
  readonly scopes?: readonly string[];
  /** The claim scopes are read from (a space-separated string or an array). @default 'scope' */
  readonly scopeClaim?: string;
  /** The `realm` named in every `WWW-Authenticate` challenge. @default none */
  readonly realm?: string;
  /** The catalog whose role entries to raise. @default errcat's base catalog */
  readonly catalog?: CatalogMethods<CatalogSpec>;
  /**
   * How many verified tokens to remember, so that a client sending the same token again is not
   * verified again (the signature check is most of a request's cost). An entry is served only for
   * the byte-identical token string, only by this verifier, and only while the token's `exp`,
   * `nbf`, `iat` and `maxTokenAge` still hold at the current time, checked on every hit as a fresh
   * verification would; failures are never remembered. Beyond the bound, the least recently used
   * token is forgotten. With `jwksUrl`, an entry is also forgotten after `jwks.cacheMaxAge`, so a
   * token whose key leaves the key set is refused about as soon as without the cache. 0 turns the
   * cache off.
   * @default 10000
   */
  readonly tokenCacheSize?: number;
  /** The clock, in epoch milliseconds, for `exp`, `nbf`, `iat` and the token cache. @default Date.now */
  readonly now?: () => number;
}

/** A Bearer-token check made by {@link createJwtAuth}. */
export interface JwtAuth {
  /**
   * Verifies a token and returns its claims, or throws the catalog error for the failure. The
   * claims are frozen: with the token cache, one object answers every request bearing the token.
   */
  verify(token: string): Promise<JWTPayload>;
  /**
   * Reads the Bearer token from the request headers, verifies it, checks the scopes (the
   * options' and `scopes`), and returns the claims.
   */
  authenticate(headers: HeadersLike | undefined, scopes?: readonly string[]): Promise<JWTPayload>;
  /** Throws 403 `INSUFFICIENT_SCOPE` unless the claims grant every scope. */
  requireScopes(claims: JWTPayload, scopes: readonly string[]): void;
}

type VerifyKey = Parameters<typeof jwtVerify>[1];

function badArgument(reason: string): Error {
  return errcatErrors.ERRCAT_BAD_ARGUMENT({ reason: `createJwtAuth: ${reason}` });
}

/** A JWKS resolver whose fetch failures are told apart from token failures. */
function remoteKeys(url: string | URL, options: JwksOptions | undefined): JWTVerifyGetKey {
  const jwks = createRemoteJWKSet(new URL(url), { ...options });
  return async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      if (isTokenProblem(error)) throw error;
      throw new KeyUnavailable(error);
    }
  };
}

/** jose's `cacheMaxAge` of a remote key set, in milliseconds. */
const DEFAULT_JWKS_MAX_AGE = 600_000;

const HMAC_HASHES: Readonly<Record<string, string>> = {
  HS256: 'SHA-256',
  HS384: 'SHA-384',
  HS512: 'SHA-512',
};

/**
 * A shared secret as a key resolver that imports the HMAC key once per algorithm: given raw bytes,
 * jose imports them again on every verification, which costs more than the verification itself.
 * A token naming another algorithm is refused here: handed the raw bytes for RS256 or ES256, jose
 * throws a `TypeError` (a 500), not a token error.
 */
function hmacKeys(secret: Uint8Array): JWTVerifyGetKey {
  // A copy on its own ArrayBuffer: Web Crypto takes no SharedArrayBuffer, and the caller's bytes may change.
  const raw = new Uint8Array(secret);
  const imported = new Map<string, Promise<CryptoKey>>();
  return (header) => {
    const hash = HMAC_HASHES[header.alg];
    if (hash === undefined)
      throw new errors.JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed');
    let key = imported.get(header.alg);
    if (key === undefined) {
      key = crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash }, false, ['verify']);
      imported.set(header.alg, key);
    }
    return key;
  };
}

function keyOf(options: JwtAuthOptions): VerifyKey | Promise<VerifyKey> {
  const given = [options.secret, options.publicKey, options.jwksUrl].filter((key) => key !== undefined);
  if (given.length !== 1) throw badArgument('give exactly one of `secret`, `publicKey` or `jwksUrl`');
  if (options.secret !== undefined) {
    const secret =
      typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
    if (secret.length === 0) throw badArgument('`secret` is empty');
    return hmacKeys(secret);
  }
  if (options.jwksUrl !== undefined) return remoteKeys(options.jwksUrl, options.jwks);
  const publicKey = options.publicKey as CryptoKey | KeyObject | JWK | string;
  if (typeof publicKey !== 'string') return publicKey;
  const algorithm = options.algorithms?.[0];
  if (algorithm === undefined) throw badArgument('a PEM `publicKey` needs `algorithms`');
  return importSPKI(publicKey, algorithm);
}

/**
 * Verifies Bearer JWTs with jose and turns every failure into a catalog error with the RFC 6750
 * `WWW-Authenticate` challenge: no or foreign credentials → 401 without an error code; a malformed
 * header → 400 `invalid_request`; a bad signature, audience, issuer, `nbf` or algorithm, a missing
 * `exp` or an `iat` in the future → 401 `INVALID_TOKEN`; an expired (but genuine) token → 401 `TOKEN_EXPIRED`; missing scopes → 403
 * `INSUFFICIENT_SCOPE`; an unreachable JWKS → 503 `AUTH_UNAVAILABLE`. Responses never contain the
 * token, its claims or jose's messages. A token verified once is remembered (`tokenCacheSize`), and
 * sent again costs a map lookup and the time checks instead of a signature check.
 *
 * @example
 * ```ts
 * const auth = createJwtAuth({ jwksUrl: 'https://issuer.example.com/.well-known/jwks.json', audience: 'api', catalog });
 * app.post('/promises', async (req) => {
 *   const claims = await auth.authenticate(req.headers, ['promises:write']);
 * });
 * ```
 */
export function createJwtAuth(options: JwtAuthOptions): JwtAuth {
  const cacheSize = options.tokenCacheSize ?? 10_000;
  if (!Number.isSafeInteger(cacheSize) || cacheSize < 0) {
    throw badArgument('`tokenCacheSize` must be a whole number, 0 or more');
  }
  const key = Promise.resolve(keyOf(options));
  // A bad PEM fails when the first request awaits the key; until then the rejection is handled here.
  key.catch(() => undefined);
  const errorOptions: AuthErrorOptions = { catalog: options.catalog, realm: options.realm };
  const scopeClaim = options.scopeClaim ?? 'scope';
  const clockTolerance = options.clockTolerance ?? 0;
  const timeRules = { clockTolerance, maxTokenAge: options.maxTokenAge };
  const now = options.now ?? Date.now;
  // Remote keys change: an entry lives no longer than jose keeps using the key set it was checked with.
  const cache =
    cacheSize === 0
      ? undefined
      : createTokenCache(
          cacheSize,
          options.jwksUrl === undefined
            ? Number.POSITIVE_INFINITY
            : (options.jwks?.cacheMaxAge ?? DEFAULT_JWKS_MAX_AGE),
        );
  const verifyOptions = {
    ...(options.algorithms && { algorithms: [...options.algorithms] }),
    ...(options.issuer !== undefined && {
      issuer: typeof options.issuer === 'string' ? options.issuer : [...options.issuer],
    }),
    ...(options.audience !== undefined && {
      audience: typeof options.audience === 'string' ? options.audience : [...options.audience],
    }),
    clockTolerance,
    requiredClaims: [...(options.requireExpiry === false ? [] : ['exp']), ...(options.requiredClaims ?? [])],
    ...(options.maxTokenAge !== undefined && { maxTokenAge: options.maxTokenAge }),
  };

  const auth: JwtAuth = {
    async verify(token) {
      const time = now();
      const cached = cache?.get(token, time);
      if (cached !== undefined) {
        if (timeClaimsHold(cached, time, timeRules)) return cached;
        // No longer valid: a fresh verification says why (expired, too old), as without the cache.
        cache?.delete(token);
      }
      try {
        const resolved = await key;
        const at = { ...verifyOptions, currentDate: new Date(time) };
        const { payload } =
          typeof resolved === 'function'
            ? await jwtVerify(token, resolved, at)
            : await jwtVerify(token, resolved, at);
        if (issuedInFuture(payload, time, clockTolerance)) {
          throw new errors.JWTClaimValidationFailed(
            '"iat" claim timestamp check failed (it should be in the past)',
            payload,
            'iat',
            'check_failed',
          );
        }
        const claims = freezeClaims(payload);
        cache?.set(token, claims, time);
        return claims;
      } catch (error) {
        throw joseFailure(error, errorOptions) ?? error;
      }
    },
    async authenticate(headers, scopes = []) {
      const claims = await auth.verify(readBearerToken(headers, errorOptions));
      auth.requireScopes(claims, [...(options.scopes ?? []), ...scopes]);
      return claims;
    },
    requireScopes(claims, scopes) {
      if (scopes.length === 0) return;
      requireScopes(grantedScopes(claims, scopeClaim), scopes, errorOptions);
    },
  };
  return auth;
}
