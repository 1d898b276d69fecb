import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errcatErrors } from '../errcat-catalog.js';
import { parseStructuredList } from '../http/structured-list.js';
import { createIdempotencyKey, formatIdempotencyKey } from './idempotency-key.js';

describe('Idempotency-Key', () => {
  it('is sent as an RFC 8941 sf-string holding a random UUID', () => {
    const key = createIdempotencyKey();
    expect(key).toMatch(/^"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$/);
    expect(createIdempotencyKey()).not.toBe(key);
  });

  it('escapes quotes and backslashes so any printable key parses back (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
          minLength: 1,
          maxLength: 255,
        }),
        (key) => {
          const members = parseStructuredList(formatIdempotencyKey(key));
          expect(members?.[0]?.value).toBe(key);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects empty, long and non-printable keys with ERRCAT_BAD_ARGUMENT', () => {
    for (const key of ['', 'x'.repeat(256), 'a\r\nb', 'ключ']) {
      expect(() => formatIdempotencyKey(key)).toThrow(
        expect.objectContaining({ code: 'ERRCAT_BAD_ARGUMENT' }),
      );
    }
    expect(errcatErrors.entry('ERRCAT_BAD_ARGUMENT')).toBeDefined();
  });
});
