// One catalog authored twice, in YAML and with defineCatalog: both must make identical errors.
import type { CatalogError } from 'errcat';
import { renderError } from 'errcat';
import { describe, expect, it } from 'vitest';
import { resonateLegacy } from '../test-support/fixtures/resonate-legacy.catalog.js';
import { loadSeedCatalog } from '../test-support/seed-catalogs.js';

/** What a client or a log can observe of an error. */
function observable(error: CatalogError): Record<string, unknown> {
  return {
    name: error.name,
    key: error.key,
    code: error.code,
    status: error.status,
    title: error.title,
    message: error.message,
    retryable: error.retryable,
    throttling: error.throttling,
    notApplied: error.notApplied,
    expose: error.expose,
    logLevel: error.logLevel,
    retryAfter: error.retryAfter,
    headers: error.headers,
    docs: error.docs,
    details: error.details,
    publicDetails: error.publicDetails(),
    toJSON: error.toJSON(),
    role: error.entry.role,
    category: error.entry.category,
    rendered: renderError(error),
  };
}

describe('resonate-legacy in YAML and in TypeScript', () => {
  const yaml = loadSeedCatalog('resonate-legacy');

  it('are the same spec', () => {
    expect(resonateLegacy.spec).toEqual(yaml.data);
  });

  it('make identical errors for every entry, with and without example details', () => {
    expect(resonateLegacy.entries.map((entry) => entry.key)).toEqual(yaml.catalog.entries.map((e) => e.key));
    for (const entry of yaml.catalog.entries) {
      for (const details of [{}, { ...entry.example }]) {
        const fromYaml = yaml.catalog.create(entry.key as never, details as never);
        const fromTs = resonateLegacy.create(entry.key as never, details as never);
        expect(observable(fromTs), entry.key).toEqual(observable(fromYaml));
      }
    }
  });

  it('finds the same entry by code and by key', () => {
    for (const entry of yaml.catalog.entries) {
      expect(resonateLegacy.entry(entry.code)?.key).toBe(entry.key);
      expect(resonateLegacy.entry(String(entry.code))?.key).toBe(entry.key);
    }
    expect(resonateLegacy.entry(4040)?.title).toBe('Promise not found');
  });

  it('types the TypeScript factories from the message templates and details', () => {
    const error = resonateLegacy.PROMISE_NOT_FOUND({ id: 'order-42' });
    expect(error.message).toBe("The specified promise 'order-42' could not be found");
    expect(resonateLegacy.PROMISE_NOT_FOUND().message).toBe('The specified promise could not be found');
    // @ts-expect-error `id` is declared as a string
    resonateLegacy.PROMISE_NOT_FOUND({ id: 42 });
    const storage = resonateLegacy.STORAGE_FAILED({ reason: 'attempt to write a readonly database' });
    expect(storage.toJSON().details).toEqual({});
    expect(storage.details.reason).toBe('attempt to write a readonly database');
  });
});
