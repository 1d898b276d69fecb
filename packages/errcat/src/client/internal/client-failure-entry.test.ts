import { describe, expect, test } from 'vitest';
import { errcatErrors } from '../../errcat-catalog.js';
import { errcatClientCategories, errcatClientSpec } from '../../errcat-client-errors.js';
import { buildCatalog } from '../../internal/build-catalog.js';
import type { ClientFailureKey } from '../client-options.js';
import { clientFailure, clientFailureEntry, isClientFailure } from './client-failure-entry.js';

const spec = { ...errcatClientSpec, categories: errcatClientCategories };
const catalog = buildCatalog(spec, (domain, key) => new Error(`${domain} has no ${key}`));
const keys = Object.keys(errcatClientSpec.errors) as ClientFailureKey[];

const SAMPLE_DETAILS = {
  method: 'GET',
  url: 'https://api.example.com/orders',
  reason: 'ECONNREFUSED',
  notApplied: true,
  timeout: 5000,
  scope: 'attempt',
  status: 200,
};

describe('client failure entries', () => {
  test.each(keys)('%s is resolved as a catalog of the client spec resolves it', (key) => {
    const { template, ...entry } = clientFailureEntry(key);
    const { template: expectedTemplate, ...expected } = catalog.entry(key) ?? {};
    expect(entry).toEqual(expected);
    expect(template.source).toBe(expectedTemplate?.source);
    expect(template.required).toEqual(expectedTemplate?.required);
    expect(template.render(SAMPLE_DETAILS)).toBe(expectedTemplate?.render(SAMPLE_DETAILS));
  });

  test('a failure is one of errcat’s own errors, with its cause and nothing else in its details', () => {
    const cause = new TypeError('fetch failed');
    const failure = clientFailure(
      'ERRCAT_NETWORK_ERROR',
      { method: 'GET', url: 'u', reason: 'x', notApplied: false },
      cause,
    );
    const made = catalog.ERRCAT_NETWORK_ERROR({
      method: 'GET',
      url: 'u',
      reason: 'x',
      notApplied: false,
      cause,
    });
    expect(errcatErrors.is(failure, 'ERRCAT_NETWORK_ERROR')).toBe(true);
    expect(isClientFailure(failure, 'ERRCAT_NETWORK_ERROR')).toBe(true);
    expect(isClientFailure(failure, 'ERRCAT_TIMEOUT')).toBe(false);
    expect(failure.cause).toBe(cause);
    expect(failure.message).toBe(made.message);
    expect(failure.toJSON()).toEqual(made.toJSON());
    expect(typeof failure.stack).toBe('string');
  });

  test('an error of another catalog with the same key is not a client failure', () => {
    const other = buildCatalog(
      { ...spec, domain: 'example.com' },
      (domain, key) => new Error(`${domain} has no ${key}`),
    );
    expect(
      isClientFailure(
        other.ERRCAT_TIMEOUT({ method: 'GET', url: 'u', timeout: 1, scope: 'total' }),
        'ERRCAT_TIMEOUT',
      ),
    ).toBe(false);
    expect(isClientFailure(new Error('ERRCAT_TIMEOUT'), 'ERRCAT_TIMEOUT')).toBe(false);
  });
});
