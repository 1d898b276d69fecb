import type { JWTPayload } from 'jose';

function freezeValue(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const member of Object.values(value)) freezeValue(member);
}

/**
 * Freezes verified claims and everything in them: one claims object answers every request that
 * bears the same token (the verified-token cache), so a handler that changed it would change it
 * for the next request too. The claims come from `JSON.parse`, so they hold only plain objects,
 * arrays and primitives.
 *
 * @example
 * ```ts
 * const claims = freezeClaims({ sub: 'u1', scope: ['read'] });
 * Object.isFrozen(claims.scope); // true
 * ```
 */
export function freezeClaims(claims: JWTPayload): JWTPayload {
  freezeValue(claims);
  return claims;
}
