import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIdempotencyKey } from '../../client/idempotency-key.js';
import { MAX_IDEMPOTENCY_KEY_LENGTH, parseIdempotencyKey } from './parse-idempotency-key.js';

const printable = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
// Any code point, built by hand: fast-check's `unit: 'binary'` takes seconds to construct.
const anyChar = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code));
const bareChar = printable.filter((char) => !' ",\\'.includes(char));
const uuid = '8e03978e-40d5-43e8-bc93-6894a57f9324';

describe('parseIdempotencyKey', () => {
  it('reads the quoted form the draft specifies and the bare form Stripe clients send', () => {
    expect(parseIdempotencyKey(`"${uuid}"`)).toEqual({ ok: true, key: uuid, form: 'string' });
    expect(parseIdempotencyKey(uuid)).toEqual({ ok: true, key: uuid, form: 'token' });
    expect(parseIdempotencyKey(` \t"${uuid}" `)).toEqual({ ok: true, key: uuid, form: 'string' });
    expect(parseIdempotencyKey(`"${uuid}";v=1`)).toEqual({ ok: true, key: uuid, form: 'string' });
    expect(parseIdempotencyKey('"order \\"42\\" for \\\\ bob"')).toEqual({
      ok: true,
      key: 'order "42" for \\ bob',
      form: 'string',
    });
    expect(parseIdempotencyKey([uuid])).toEqual({ ok: true, key: uuid, form: 'token' });
  });

  it('reports an absent field as undefined', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey([])).toBeUndefined();
  });

  it('refuses short, long, repeated, unquoted-with-spaces and control-character keys with a fixed reason', () => {
    const cases: [string | string[], string][] = [
      [`"${'k'.repeat(256)}"`, 'the key is longer than 255 characters'],
      ['k'.repeat(256), 'the key is longer than 255 characters'],
      ['k'.repeat(100_000), 'the key is longer than 255 characters'],
      ['""', 'the key is empty'],
      ['   ', 'the key is empty'],
      [`"${uuid}", "${uuid}"`, 'the request has more than one Idempotency-Key field'],
      [`${uuid}, ${uuid}`, 'the request has more than one Idempotency-Key field'],
      [[uuid, uuid], 'the request has more than one Idempotency-Key field'],
      [`"${uuid}\r\nx-injected: 1"`, 'the key is not a valid structured-field string'],
      [`${uuid}\r\nx-injected: 1`, 'the key has characters outside printable ASCII or is not quoted'],
      [`"${uuid}`, 'the key is not a valid structured-field string'],
      [`"${uuid}" trailing`, 'the key is not a valid structured-field string'],
      [`"caf\u00e9-${uuid}"`, 'the key is not a valid structured-field string'],
      [`caf\u00e9-${uuid}`, 'the key has characters outside printable ASCII or is not quoted'],
      [`a b ${uuid}`, 'the key has characters outside printable ASCII or is not quoted'],
    ];
    for (const [value, reason] of cases) {
      expect(parseIdempotencyKey(value), JSON.stringify(value)).toEqual({ ok: false, reason });
    }
  });

  it('accepts exactly 255 characters and the configured minimum', () => {
    const longest = 'k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH);
    expect(parseIdempotencyKey(`"${longest}"`)).toMatchObject({ ok: true, key: longest });
    expect(parseIdempotencyKey('"abcd"', { minLength: 4 })).toMatchObject({ ok: true, key: 'abcd' });
    expect(parseIdempotencyKey('"abc"', { minLength: 4 })).toEqual({
      ok: false,
      reason: 'the key is shorter than 4 characters',
    });
    expect(parseIdempotencyKey('abc', { minLength: 16 })).toEqual({
      ok: false,
      reason: 'the key is shorter than 16 characters',
    });
  });

  it('sets no minimum by default, as neither the IETF draft nor Stripe does: ordinary keys pass', () => {
    expect(parseIdempotencyKey('order-42')).toEqual({ ok: true, key: 'order-42', form: 'token' });
    expect(parseIdempotencyKey('"order-42"')).toEqual({ ok: true, key: 'order-42', form: 'string' });
    expect(parseIdempotencyKey('k')).toEqual({ ok: true, key: 'k', form: 'token' });
  });

  it('never throws, and whatever it accepts is 1–255 printable ASCII characters (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: anyChar, maxLength: 100 }),
          fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
          fc.string({ unit: printable, maxLength: 300 }).map((text) => `"${text}"`),
        ),
        fc.integer({ min: 1, max: 40 }),
        (value, minLength) => {
          const parsed = parseIdempotencyKey(value, { minLength });
          if (parsed?.ok !== true) return;
          expect(parsed.key.length).toBeGreaterThanOrEqual(minLength);
          expect(parsed.key.length).toBeLessThanOrEqual(MAX_IDEMPOTENCY_KEY_LENGTH);
          expect(parsed.key).toMatch(/^[\x20-\x7e]+$/);
        },
      ),
    );
  });

  it('reads back every key the client formats, and every bare key as itself (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: printable, minLength: 1, maxLength: 255 }), (key) => {
        expect(parseIdempotencyKey(formatIdempotencyKey(key), { minLength: 1 })).toEqual({
          ok: true,
          key,
          form: 'string',
        });
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: bareChar, minLength: 1, maxLength: 255 }), (key) => {
        expect(parseIdempotencyKey(key, { minLength: 1 })).toEqual({ ok: true, key, form: 'token' });
      }),
    );
  });

  it('never echoes the field in its reason (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 300 }), (value) => {
        const parsed = parseIdempotencyKey(`${value}\r\n`);
        if (parsed?.ok === false) expect(parsed.reason).not.toContain(value);
      }),
    );
  });
});
