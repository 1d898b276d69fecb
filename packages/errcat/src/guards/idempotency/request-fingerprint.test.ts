import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestFingerprint } from './request-fingerprint.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const print = (body: unknown, contentType?: string, path = '/orders', method = 'POST') =>
  requestFingerprint({ method, path, body, contentType });

/** Any JSON object, and the same object with its keys in another order at every depth. */
const reordered = fc
  .jsonValue()
  .filter((value) => typeof value === 'object' && value !== null && !Array.isArray(value))
  .map((value) => {
    const shuffle = (item: unknown): unknown => {
      if (Array.isArray(item)) return item.map(shuffle);
      if (typeof item !== 'object' || item === null) return item;
      return Object.fromEntries(
        Object.entries(item)
          .reverse()
          .map(([key, inner]) => [key, shuffle(inner)]),
      );
    };
    return [value, shuffle(value)] as const;
  });

describe('requestFingerprint', () => {
  it('tells requests apart by method, path with query, and body', async () => {
    const base = await print({ sku: 'A1' });
    expect(await print({ sku: 'A2' })).not.toBe(base);
    expect(await print({ sku: 'A1' }, undefined, '/orders?dry=1')).not.toBe(base);
    expect(await print({ sku: 'A1' }, undefined, '/orders', 'PATCH')).not.toBe(base);
    expect(await print({ sku: 'A1' }, undefined, '/orders', 'post')).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compares a raw JSON body by value when its Content-Type says JSON', async () => {
    const parsed = await print({ b: 1, a: [1, { d: 2, c: 3 }] });
    const raw = new TextEncoder().encode('{ "a": [1, {"c": 3, "d": 2}], "b": 1 }');
    expect(await print(raw, JSON_TYPE)).toBe(parsed);
    expect(await print('{"b":1,"a":[1,{"d":2,"c":3}]}', 'application/merge-patch+json')).toBe(parsed);
    // Without a JSON type the bytes are the body: spacing counts.
    expect(await print(raw)).not.toBe(parsed);
  });

  it('keeps malformed JSON and bytes that are not UTF-8 as bytes', async () => {
    expect(await print('{"a":', JSON_TYPE)).toBe(await print('{"a":'));
    const a = new Uint8Array([0x22, 0xff, 0x22]);
    const b = new Uint8Array([0x22, 0xfe, 0x22]);
    expect(await print(a, JSON_TYPE)).not.toBe(await print(b, JSON_TYPE));
  });

  it('treats no body, an empty body and null alike, and a __proto__ key as a plain key', async () => {
    expect(await print(undefined)).toBe(await print(null));
    expect(await print('', JSON_TYPE)).toBe(await print(new Uint8Array(0)));
    const withProto = await print('{"__proto__":{"x":1},"a":1}', JSON_TYPE);
    expect(withProto).not.toBe(await print({ a: 1 }));
  });

  it('refuses a JSON body nested deeper than maxDepth with BODY_TOO_DEEP, raw or parsed, never walking it', async () => {
    const deep = `{"tags":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    for (const body of [deep, new TextEncoder().encode(deep), JSON.parse(deep)]) {
      await expect((async () => print(body, JSON_TYPE))()).rejects.toMatchObject({
        code: 'BODY_TOO_DEEP',
        status: 400,
        details: { maxDepth: 64 },
      });
    }
    // The bound counts objects and arrays: 64 levels pass, 65 do not; a lower bound is honoured.
    const levels = (n: number) => `${'['.repeat(n - 1)}{}${']'.repeat(n - 1)}`;
    expect(await print(levels(64), JSON_TYPE)).toMatch(/^[0-9a-f]{64}$/);
    expect(() => print(levels(65), JSON_TYPE)).toThrow(/64 levels/);
    expect(() => requestFingerprint({ method: 'POST', path: '/', body: [[[1]]] }, { maxDepth: 2 })).toThrow(
      expect.objectContaining({ code: 'BODY_TOO_DEEP', details: { maxDepth: 2 } }),
    );
    // Without a JSON type the text is bytes, compared as they are and never parsed.
    expect(await print(deep)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps its fingerprints (pinned): stored idempotency records still match after an upgrade', async () => {
    const parsed = JSON.parse('{"__proto__":{"x":1},"b":[1,{"d":2,"c":3}],"a":"é😀"}');
    expect(await print(parsed, undefined, '/orders?x=1')).toBe(
      '05ca932ef552a6b536fd4a366d3f3a43fa4055fbcf1f16745861fd521a431993',
    );
    expect(await print('{"b":1,"a":[1,{"d":2,"c":3}]}', 'application/json')).toBe(
      '0e584325d55249a620c569cb6efe3d6fc41ea869c10c7facd9dc178a4c13003a',
    );
    expect(await print({ sku: 'A1', at: new Date(0), n: 10n })).toBe(
      '2503993d7c7e14a68b687abbe7ea55c2ed692e81515eb70427faf9e652e844d3',
    );
    // Text with a lone surrogate (hashed as U+FFFD), in a raw body and in a parsed one.
    const lone = { method: 'post', path: '/notes/é', body: 'a\ud800b €', contentType: 'text/plain' };
    expect(await requestFingerprint(lone)).toBe(
      '771b6cb83baaac4dfa4783c987b66173e987e495f1efeffb2a64ecac8861ee0d',
    );
    expect(await print({ text: 'a\ud800b' }, JSON_TYPE, '/notes')).toBe(
      'bff152feaa53cd0920a41f4c19eb77ec824fb6ad01a7418931a42cd14caf83ad',
    );
  });

  it('gives one fingerprint to a JSON body whatever its key order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(reordered, async ([value, shuffled]) => {
        expect(await print(JSON.stringify(shuffled), JSON_TYPE)).toBe(await print(value));
      }),
    );
  });
});
