// Every HTTP error of every seed catalog, rendered in every built-in wire profile, decodes back
// through errcat/client to the same catalog entry: key, code, HTTP status, retryable flag, request
// id and, where the profile carries details, the details themselves. Two profiles cannot carry every
// code in the body (the resonate envelope has none; resonate-legacy only numbers): for them the
// decoder reads the `errcat-code` header that errcat's servers send with every error.
import { builtinProfiles, CatalogError, renderError } from 'errcat';
import { decodeErrorSync } from 'errcat/client';
import { sampleDetails } from 'errcat/testing';
import { describe, expect, it } from 'vitest';
import { loadSeedCatalog, SEED_CATALOGS } from '../test-support/seed-catalogs.js';

/** Profiles whose body carries any catalog code. */
const CARRIES_CODE = new Set(['problem', 'google', 'jsonapi', 'simple', 'simple-flat', 'rstmdb']);

describe.each(SEED_CATALOGS)('seed catalog %s', (name) => {
  const { catalog } = loadSeedCatalog(name);
  const entries = catalog.entries.filter((entry) => entry.declaredStatus !== undefined);

  it.each(Object.keys(builtinProfiles))('decodes every entry rendered in the %s profile', (profileName) => {
    const profile = builtinProfiles[profileName as keyof typeof builtinProfiles];
    for (const entry of entries) {
      const error = new CatalogError(entry, sampleDetails(entry));
      const rendered = renderError(error, { profile, context: { requestId: 'req-7', corrId: 'req-7' } });
      const headers = CARRIES_CODE.has(profileName)
        ? rendered.headers
        : { ...rendered.headers, 'errcat-code': String(entry.code) };
      const decoded = decodeErrorSync(rendered.status, headers, rendered.body, { catalog });
      if (decoded.ok) throw new Error(`${entry.key}: decoded as not an error`);
      expect(
        {
          key: decoded.key,
          code: decoded.code,
          httpStatus: decoded.httpStatus,
          retryable: decoded.retryable,
        },
        `${profileName} ${entry.key}`,
      ).toEqual({
        key: entry.key,
        code: entry.code,
        httpStatus: rendered.status,
        retryable: entry.retryable,
      });
      // resonate-legacy has no request id in its body (the Go server sends none).
      const requestId = profileName === 'resonate-legacy' ? undefined : 'req-7';
      expect(decoded.requestId, `${profileName} ${entry.key}`).toBe(requestId);
      if (['problem', 'simple', 'simple-flat', 'rstmdb'].includes(profileName)) {
        expect({ ...decoded.details }, `${profileName} ${entry.key}`).toEqual({ ...error.publicDetails() });
      }
    }
  });
});
