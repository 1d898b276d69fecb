import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { baseCatalog } from '../base/base-catalog.js';
import { CatalogError } from '../catalog-error.js';
import { defineCatalog, parseCatalog } from '../define-catalog.js';
import { resonateLegacyProfile } from '../profiles/resonate-legacy-profile.js';
import { resonateProfile } from '../profiles/resonate-profile.js';
import { rstmdbProfile } from '../profiles/rstmdb-profile.js';
import { renderError } from '../render/render-error.js';
import type { WireProfile } from '../render/wire-profile.js';
import { roleError } from '../role-error.js';
import { canRetry } from './can-retry.js';
import { decodeErrorSync } from './decode-error-sync.js';
import type { AnyCatalog } from './decode-types.js';
import { isConflict } from './is-conflict.js';

const seed = (name: string) =>
  parseCatalog(
    parseYaml(readFileSync(new URL(`../../../../catalogs/${name}.yaml`, import.meta.url), 'utf8')),
  );
const rstmdb = seed('rstmdb');
const resonate = seed('resonate');
const legacy = seed('resonate-legacy');

/** The entry rendered by a server with `profile`, then decoded by a client with `catalog`. */
function overTheWire(catalog: AnyCatalog, key: string, profile: WireProfile, decodeWith?: AnyCatalog) {
  const entry = catalog.entry(key);
  if (entry === undefined) throw new Error(`the catalog has no ${key}`);
  const { status, headers, body } = renderError(new CatalogError(entry, {}), { profile });
  return decodeErrorSync(status, headers, body, { catalog: decodeWith });
}

describe('isConflict', () => {
  it("recognises the seeds' version conflicts as they arrive, with or without their catalog", () => {
    for (const decodeWith of [undefined, 'own'] as const) {
      const own = <C extends AnyCatalog>(catalog: C) => (decodeWith === 'own' ? catalog : undefined);
      expect(isConflict(overTheWire(rstmdb, 'CONFLICT', rstmdbProfile, own(rstmdb))), 'rstmdb').toBe(true);
      expect(isConflict(overTheWire(resonate, 'CONFLICT', resonateProfile, own(resonate))), 'resonate').toBe(
        true,
      );
      const exists = overTheWire(legacy, 'PROMISE_ALREADY_EXISTS', resonateLegacyProfile, own(legacy));
      // Without the catalog the code is the server's, as a string; with it, the catalog's.
      expect(exists).toMatchObject({ code: decodeWith === 'own' ? 4090 : '4090', httpStatus: 409 });
      expect(isConflict(exists), 'resonate 4090').toBe(true);
    }
  });

  it('recognises a role VERSION_CONFLICT by its role whatever its code and status, and any foreign 409 or 412', () => {
    const shop = defineCatalog({
      domain: 'shop.example.com',
      errors: { STALE: { code: 'E_STALE', status: 400, role: 'VERSION_CONFLICT', message: 'Stale' } },
    });
    expect(isConflict(shop.STALE())).toBe(true);
    expect(isConflict(roleError(undefined, 'VERSION_CONFLICT', { expected: 1, actual: 2 }))).toBe(true);
    expect(isConflict(decodeErrorSync(409, {}, '{"error":"concurrent_modification"}'))).toBe(true);
    expect(isConflict(decodeErrorSync(412, {}, ''))).toBe(true);
    expect(isConflict({ code: 'conflict' })).toBe(true);
    // A catalog error decoded from a body alone (httpStatus 0) keeps its entry's status.
    const bodyOnly = renderError(legacy.PROMISE_ALREADY_EXISTS?.({}) as CatalogError, {
      profile: resonateLegacyProfile,
    });
    expect(isConflict(decodeErrorSync(undefined, {}, bodyOnly.body, { catalog: legacy }))).toBe(true);
  });

  it('leaves out the 409s that say to send the same request again, and everything else', () => {
    for (const role of ['IDEMPOTENCY_IN_PROGRESS', 'SERIALIZATION_FAILURE', 'DEADLOCK_DETECTED'] as const) {
      const error = roleError(undefined, role);
      expect(error.status).toBe(409);
      expect(isConflict(error), role).toBe(false);
      const { status, headers, body } = renderError(error);
      expect(isConflict(decodeErrorSync(status, headers, body, { catalog: baseCatalog })), role).toBe(false);
    }
    for (const value of [decodeErrorSync(404, {}, ''), decodeErrorSync(503, {}, ''), 'CONFLICT', null, 409]) {
      expect(isConflict(value)).toBe(false);
    }
  });

  it('agrees with canRetry: whatever an error says, a conflict is never sent again as is', () => {
    fc.assert(
      fc.property(
        fc.record({
          code: fc.oneof(
            fc.constantFrom('CONFLICT', 'VERSION_CONFLICT', 'IDEMPOTENCY_IN_PROGRESS'),
            fc.string(),
          ),
          httpStatus: fc.constantFrom(0, 409, 412, 429, 503),
          retryable: fc.boolean(),
          notApplied: fc.boolean(),
        }),
        fc.constantFrom('GET', 'PUT', 'POST'),
        fc.boolean(),
        (error, method, keyed) => {
          if (isConflict(error)) expect(canRetry(error, { method, keyed })).toBe(false);
        },
      ),
    );
  });
});
