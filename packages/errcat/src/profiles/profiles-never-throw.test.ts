// Every built-in profile renders any details into a valid JSON response: cycles, BigInt, getters
// that throw, `__proto__` keys, junk violations. Nothing throws and nothing pollutes prototypes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CatalogError } from '../catalog-error.js';
import { defineCatalog } from '../define-catalog.js';
import { renderError } from '../render/render-error.js';
import { builtinProfiles } from './builtin-profiles.js';

/** A Standard Schema that accepts anything: its entries pass every details key through to render. */
const anyDetails = {
  '~standard': { version: 1, vendor: 'test', validate: (value: unknown) => ({ value }) },
} as const;

const catalog = defineCatalog({
  domain: 'hostile.example.com',
  docs: 'https://example.com/errors',
  errors: {
    ANYTHING: { code: 4220, status: 422, message: 'Unprocessable', retryAfter: 1, details: anyDetails },
    SERVER: { code: 'SERVER', status: 503, message: 'Down', expose: true, details: anyDetails },
  },
});

/** Makes `value` hostile: a self-reference, a throwing getter, a BigInt and prototype keys. */
function poison(details: Record<string, unknown>, tricks: readonly string[]): Record<string, unknown> {
  for (const trick of tricks) {
    if (trick === 'cycle') details.self = details;
    if (trick === 'getter')
      Object.defineProperty(details, 'boom', {
        enumerable: true,
        get() {
          throw new Error('getter exploded');
        },
      });
    if (trick === 'bigint') details.big = 12345678901234567890n;
    if (trick === 'proto')
      Object.defineProperty(details, '__proto__', { enumerable: true, value: { polluted: 1 } });
    if (trick === 'constructor')
      Object.defineProperty(details, 'constructor', { enumerable: true, value: { prototype: { p: 1 } } });
    if (trick === 'violations')
      details.errors = [null, 1, { message: 2 }, { pointer: {}, message: 'x' }, details];
    if (trick === 'deep') {
      let deep: Record<string, unknown> = {};
      details.deep = deep;
      for (let i = 0; i < 200; i++) {
        deep.next = {};
        deep = deep.next as Record<string, unknown>;
      }
    }
  }
  return details;
}

const detailsArbitrary = fc
  .tuple(
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('errors', 'toString', 'prototype')),
      fc.anything({
        withBigInt: true,
        withMap: true,
        withSet: true,
        withDate: true,
        withNullPrototype: true,
      }),
      { maxKeys: 6 },
    ),
    fc.subarray(['cycle', 'getter', 'bigint', 'proto', 'constructor', 'violations', 'deep']),
  )
  .map(([details, tricks]) => poison({ ...details }, tricks));

describe('built-in profiles under hostile details', () => {
  it('always render valid JSON with a sane status, and decode back (property)', () => {
    fc.assert(
      fc.property(
        detailsArbitrary,
        fc.constantFrom(...catalog.entries),
        fc.constantFrom(...Object.values(builtinProfiles)),
        fc.record({ requestId: fc.string(), corrId: fc.string(), kind: fc.string() }, { requiredKeys: [] }),
        (details, entry, profile, context) => {
          const rendered = renderError(new CatalogError(entry, details), { profile, context });
          const body: unknown = JSON.parse(rendered.body);
          expect(rendered.status).toBeGreaterThanOrEqual(400);
          expect(rendered.status).toBeLessThan(600);
          expect(rendered.headers['content-type']).toBe(profile.contentType);
          expect(rendered.body).not.toContain('getter exploded');
          if (Object.hasOwn(details, 'big') && profile.name === 'problem')
            expect(rendered.body).toContain('12345678901234567890');
          expect(profile.decode?.(body)).toBeDefined();
        },
      ),
      { numRuns: 1500 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });
});
