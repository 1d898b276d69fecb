import { describe, expect, test } from 'vitest';
import { inertRecord } from './inert-record.js';

describe('inertRecord', () => {
  test('keeps a __proto__ key an own property and inherits nothing', () => {
    const record = inertRecord();
    // As a details field from user input sets it: by a computed name.
    const key = '__proto__';
    record[key] = 'x';
    record.id = 'o-1';
    expect(Object.keys(record)).toEqual(['__proto__', 'id']);
    expect(JSON.stringify(record)).toBe('{"__proto__":"x","id":"o-1"}');
    expect('toString' in record).toBe(false);
    expect('hasOwnProperty' in record).toBe(false);
  });

  test('shares a frozen prototype that has none', () => {
    const prototype = Object.getPrototypeOf(inertRecord());
    expect(Object.getPrototypeOf(prototype)).toBeNull();
    expect(Object.isFrozen(prototype)).toBe(true);
    expect(Object.getOwnPropertyNames(prototype)).toEqual([]);
  });
});
