import { describe, expect, it } from 'vitest';
import { mergeRateLimitField } from './merge-rate-limit-field.js';

describe('mergeRateLimitField', () => {
  it('joins the list fields, the outer guard first', () => {
    expect(mergeRateLimitField('ratelimit', '"b";r=1', '"a";r=9', 'after')).toBe('"a";r=9, "b";r=1');
    expect(mergeRateLimitField('ratelimit-policy', '"a";q=10', '"b";q=2', 'before')).toBe(
      '"a";q=10, "b";q=2',
    );
  });

  it('sets the value when the field is absent or not a list', () => {
    expect(mergeRateLimitField('ratelimit', '"a";r=9', undefined, 'after')).toBe('"a";r=9');
    expect(mergeRateLimitField('ratelimit', '"a";r=9', null, 'before')).toBe('"a";r=9');
    expect(mergeRateLimitField('x-ratelimit-remaining', '3', '7', 'after')).toBe('3');
  });
});
