import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../catalog-entry.js';
import { CatalogError } from '../catalog-error.js';
import { defineCatalog } from '../define-catalog.js';
import { safeStringify } from '../internal/safe-json.js';
import { describeError, type ErrorView } from './error-view.js';
import { problemProfile } from './problem-profile.js';

const catalog = defineCatalog({
  domain: 'shop.example.com',
  docs: 'https://shop.example.com/errors',
  errors: {
    ORDER_NOT_FOUND: { code: 4040, status: 404, title: 'Order not found', message: "Order '{id}' not found" },
  },
});
const base = catalog.entry('ORDER_NOT_FOUND') as CatalogEntry;
const compile = problemProfile.compile as NonNullable<typeof problemProfile.compile>;

/** Any string: quotes, backslashes, controls, lone surrogates and astral characters. */
const anyString = fc.string({ unit: 'binary', maxLength: 30 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** What the generic path sends for a view: the body built, then serialised. */
const generic = (view: ErrorView): string => safeStringify(problemProfile.body(view));

describe('problemProfile.compile', () => {
  it('writes the body byte for byte as body + JSON.stringify (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: anyString,
          docs: maybe(anyString),
          code: fc.oneof(fc.integer(), anyString),
          status: fc.integer({ min: 100, max: 599 }),
          retryable: fc.boolean(),
        }),
        fc.record({
          message: anyString,
          translatedTitle: maybe(anyString),
          instance: maybe(anyString),
          requestId: maybe(anyString),
          details: fc.dictionary(anyString, fc.oneof(anyString, fc.double(), fc.boolean(), fc.jsonValue())),
        }),
        (facts, occurrence) => {
          const entry: CatalogEntry = { ...base, ...facts };
          const view: ErrorView = {
            ...describeError(new CatalogError(entry, {}), {
              ...(occurrence.requestId !== undefined && { requestId: occurrence.requestId }),
              ...(occurrence.instance !== undefined && { instance: occurrence.instance }),
            }),
            message: occurrence.message,
            title: occurrence.translatedTitle ?? entry.title,
            details: occurrence.details,
          };
          const written = compile(entry)(view);
          expect(written).toBeDefined();
          expect(written).toBe(generic(view));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('sends what it cannot write the same way through body: other types, a view of another entry, hostile details', () => {
    const error = catalog.ORDER_NOT_FOUND({ id: 'o-1' });
    const view = describeError(error, { requestId: 'req-1', instance: '/orders/o-1' });
    const write = compile(base);
    expect(write(view)).toBe(
      '{"type":"https://shop.example.com/errors#4040","title":"Order not found","status":404,"detail":"Order \'o-1\' not found","instance":"/orders/o-1","code":4040,"retryable":false,"requestId":"req-1","details":{"id":"o-1"}}',
    );
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    for (const odd of [
      { ...view, message: undefined as unknown as string },
      { ...view, code: 4041 },
      { ...view, details: { big: 1n, cycle } },
      { ...view, details: { toJSON: () => 'x' } },
    ]) {
      expect(write(odd) ?? generic(odd)).toBe(generic(odd));
    }
  });
});
