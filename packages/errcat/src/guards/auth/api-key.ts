import { errcatErrors } from '../../errcat-catalog.js';
import { headerValues } from '../../http/header-values.js';
import type { HeadersLike } from '../../http/headers-like.js';
import { sha256Hex } from '../../internal/sha256-hex.js';
import { type AuthErrorOptions, invalidCredentials, unauthenticated } from './auth-errors.js';

/** Compares two hex digests of equal length without an early exit. */
function sameDigest(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * Compares two secrets in time that does not depend on where they differ or on their lengths: both
 * are hashed with SHA-256 (node:crypto on Node, Web Crypto on Bun, Deno and edge runtimes) and the
 * digests compared character by character without an early exit. Never throws on a length mismatch.
 *
 * @example
 * ```ts
 * if (!(await safeEqual(request.headers['x-webhook-secret'] ?? '', secret))) throw invalidCredentials();
 * ```
 */
export async function safeEqual(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all([sha256Hex(a), sha256Hex(b)]);
  return sameDigest(left, right);
}

/**
 * Options of {@link createApiKeyAuth}.
 *
 * @example
 * ```ts
 * createApiKeyAuth({ keys: { billing: process.env.BILLING_KEY ?? '' }, header: 'x-billing-key', catalog });
 * ```
 */
export interface ApiKeyAuthOptions {
  /** The accepted keys by name; the name of the key a request presents is what it authenticates as. */
  readonly keys: Readonly<Record<string, string>>;
  /** The request header that carries the key. @default 'x-api-key' */
  readonly header?: string;
  /** The `WWW-Authenticate` value of 401 answers. @default `ApiKey header="<header>"` */
  readonly challenge?: string;
  /** The catalog whose role entries to raise. @default errcat's base catalog */
  readonly catalog?: AuthErrorOptions['catalog'];
}

/**
 * An API-key check made by {@link createApiKeyAuth}.
 *
 * @example
 * ```ts
 * const caller = await apiKeys.authenticate(request.headers); // the key's name, or a thrown 401
 * ```
 */
export interface ApiKeyAuth {
  /**
   * Returns the name of the key the request presents, or throws 401 `UNAUTHENTICATED` (no key) or
   * `INVALID_CREDENTIALS` (an unknown key, or the header sent twice).
   */
  authenticate(headers: HeadersLike | undefined): Promise<string>;
}

/**
 * Checks API keys in a request header. Every configured key is compared on every request, each
 * through {@link safeEqual}'s digests, so neither the time taken nor an exception tells an attacker
 * how close a guess was or which key matched.
 *
 * @example
 * ```ts
 * const apiKeys = createApiKeyAuth({ keys: { billing: process.env.BILLING_KEY ?? '' }, catalog });
 * const caller = await apiKeys.authenticate(req.headers); // 'billing'
 * ```
 */
export function createApiKeyAuth(options: ApiKeyAuthOptions): ApiKeyAuth {
  const entries = Object.entries(options.keys);
  if (entries.length === 0 || entries.some(([, key]) => typeof key !== 'string' || key === '')) {
    throw errcatErrors.ERRCAT_BAD_ARGUMENT({
      reason: 'createApiKeyAuth: `keys` must map names to non-empty keys',
    });
  }
  const header = (options.header ?? 'x-api-key').toLowerCase();
  const errorOptions: AuthErrorOptions = {
    catalog: options.catalog,
    challenge: options.challenge ?? `ApiKey header="${header}"`,
  };
  const digests = Promise.all(entries.map(async ([name, key]) => ({ name, digest: await sha256Hex(key) })));
  return {
    async authenticate(headers) {
      const value = headerValues(headers, header);
      const single =
        typeof value === 'string' || value === undefined ? value : value.length === 1 ? value[0] : null;
      if (single === undefined || single === '') throw unauthenticated(errorOptions);
      if (single === null) throw invalidCredentials(errorOptions);
      const presented = await sha256Hex(single);
      let match: string | undefined;
      for (const candidate of await digests) {
        // No early exit: every key is compared whatever matched before.
        if (sameDigest(presented, candidate.digest) && match === undefined) match = candidate.name;
      }
      if (match === undefined) throw invalidCredentials(errorOptions);
      return match;
    },
  };
}
