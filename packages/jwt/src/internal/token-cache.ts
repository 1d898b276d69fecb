import type { JWTPayload } from 'jose';

/** What the cache keeps of a verified token: its (frozen) claims, and when the entry goes stale. */
interface Entry {
  readonly claims: JWTPayload;
  /** Epoch milliseconds after which the entry is not served, whatever the claims say. */
  readonly staleAt: number;
}

/** The verified tokens of one verifier, bounded in number and in age. */
export interface TokenCache {
  /**
   * The claims of a token verified earlier, byte for byte the same string, whose entry is not
   * stale at `time`; the entry becomes the most recently used. The caller still checks the
   * claims' times (`exp`, `nbf`, `iat`) against `time`.
   */
  get(token: string, time: number): JWTPayload | undefined;
  /** Remembers the claims of a token that passed verification at `time`. */
  set(token: string, claims: JWTPayload, time: number): void;
  /** Forgets a token, once its claims no longer hold. */
  delete(token: string): void;
}

/**
 * A least-recently-used map from token strings to verified claims, holding at most `maxEntries`
 * and serving an entry at most `maxAgeMs` after it was stored. A `Map` keeps insertion order, so
 * moving an entry to the end on each hit makes its first key the least recently used.
 *
 * @example
 * ```ts
 * const cache = createTokenCache(10_000, Number.POSITIVE_INFINITY);
 * cache.set(token, claims, Date.now());
 * cache.get(token, Date.now()); // claims
 * ```
 */
export function createTokenCache(maxEntries: number, maxAgeMs: number): TokenCache {
  const entries = new Map<string, Entry>();
  return {
    get(token, time) {
      const entry = entries.get(token);
      if (entry === undefined) return undefined;
      entries.delete(token);
      if (time >= entry.staleAt) return undefined;
      entries.set(token, entry);
      return entry.claims;
    },
    set(token, claims, time) {
      entries.delete(token);
      entries.set(token, { claims, staleAt: time + maxAgeMs });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    delete(token) {
      entries.delete(token);
    },
  };
}
