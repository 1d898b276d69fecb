import { SignJWT } from 'jose';
import type { Scope } from './http/routes.js';

/**
 * The issuer of the service's bearer tokens.
 *
 * @example
 * ```ts
 * new SignJWT({}).setIssuer(TOKEN_ISSUER);
 * ```
 */
export const TOKEN_ISSUER = 'errcat-promises';

/**
 * The audience of the service's bearer tokens.
 *
 * @example
 * ```ts
 * new SignJWT({}).setAudience(TOKEN_AUDIENCE);
 * ```
 */
export const TOKEN_AUDIENCE = 'promises';

/**
 * Every scope: read and write promises, run tasks.
 *
 * @example
 * ```ts
 * await signToken({ secret, subject: 'admin', scopes: ALL_SCOPES });
 * ```
 */
export const ALL_SCOPES: readonly Scope[] = ['promises:read', 'promises:write', 'tasks'];

/**
 * Options of {@link signToken}.
 *
 * @example
 * ```ts
 * await signToken({ secret, subject: 'late', expiresIn: -60 }); // already expired
 * ```
 */
export interface TokenOptions {
  /** The HS256 secret the service verifies with. */
  readonly secret: string;
  /** The caller's id (`sub`): rate limits and idempotency keys are per subject. */
  readonly subject: string;
  /** The scopes granted. @default ALL_SCOPES */
  readonly scopes?: readonly Scope[];
  /** Seconds until it expires; negative for a token that has already expired. @default 86400 */
  readonly expiresIn?: number;
}

/**
 * Signs a bearer token the promises service accepts (HS256, its issuer and audience). `npm start`
 * prints two for trying the API; tests and the benchmark sign their own.
 *
 * @example
 * ```ts
 * const token = await signToken({ secret, subject: 'alice', scopes: ['promises:read'] });
 * await fetch(`${url}/promises/p1`, { headers: { authorization: `Bearer ${token}` } });
 * ```
 */
export function signToken(options: TokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: (options.scopes ?? ALL_SCOPES).join(' ') })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.subject)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 86_400))
    .sign(new TextEncoder().encode(options.secret));
}
