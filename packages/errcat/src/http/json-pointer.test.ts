import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJsonPointer, parseJsonPointer } from './json-pointer.js';

describe('JSON pointers', () => {
  it('formats paths as RFC 6901 pointers', () => {
    expect(formatJsonPointer([])).toBe('');
    expect(formatJsonPointer(['items', 0, 'email'])).toBe('/items/0/email');
    expect(formatJsonPointer(['a/b', 'c~d', ''])).toBe('/a~1b/c~0d/');
    expect(formatJsonPointer(['~1'])).toBe('/~01');
  });

  it('parses pointers and rejects text that is not one', () => {
    expect(parseJsonPointer('')).toEqual([]);
    expect(parseJsonPointer('/')).toEqual(['']);
    expect(parseJsonPointer('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(parseJsonPointer('/~01')).toEqual(['~1']);
    expect(parseJsonPointer('items')).toBeUndefined();
    expect(parseJsonPointer('/a~2')).toBeUndefined();
    expect(parseJsonPointer('/a~')).toBeUndefined();
  });

  it('round-trips any path (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' })), (path) => {
        expect(parseJsonPointer(formatJsonPointer(path))).toEqual(path);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary text, and what it accepts formats back unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const parsed = parseJsonPointer(text);
        if (parsed !== undefined) expect(formatJsonPointer(parsed)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
