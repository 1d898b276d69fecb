import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipBucket } from './ip-bucket.js';

const group = fc.integer({ min: 0, max: 0xffff });
const groups = fc.array(group, { minLength: 8, maxLength: 8 });

/** Writes eight groups in full, or with the longest run of zero groups compressed to `::`. */
function write(parts: number[], compress: boolean): string {
  const hex = parts.map((part) => part.toString(16));
  if (!compress) return hex.join(':');
  let best = [-1, 0];
  for (let start = 0; start < 8; start++) {
    let end = start;
    while (end < 8 && parts[end] === 0) end++;
    if (end - start > (best[1] ?? 0)) best = [start, end - start];
  }
  const [start = -1, length = 0] = best;
  if (length < 2) return hex.join(':');
  return `${hex.slice(0, start).join(':')}::${hex.slice(start + length).join(':')}`;
}

describe('ipBucket', () => {
  it('groups an IPv6 address by its /64 however it is written', () => {
    fc.assert(
      fc.property(groups, groups, (a, b) => {
        fc.pre(!a.slice(0, 6).every((g, i) => g === (i === 5 ? 0xffff : 0)));
        const sameNetwork = [...a.slice(0, 4), ...b.slice(4)];
        expect(ipBucket(write(a, true))).toBe(ipBucket(write(a, false)));
        expect(ipBucket(write(sameNetwork, true))).toBe(ipBucket(write(a, false)));
        expect(ipBucket(write(a, false).toUpperCase())).toBe(ipBucket(write(a, false)));
      }),
    );
  });

  it('keeps IPv4, maps IPv4-mapped IPv6 back to IPv4 and strips zones and brackets', () => {
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('203.000.113.007')).toBe('203.0.113.7');
    expect(ipBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('::ffff:cb00:7107')).toBe('203.0.113.7');
    expect(ipBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(ipBucket('[2001:db8::1]')).toBe('2001:db8:0:0::/64');
    expect(ipBucket('2001:db8::192.0.2.1')).toBe('2001:db8:0:0::/64');
  });

  it('answers the same for an address seen before, also after many others', () => {
    expect([ipBucket(' 203.0.113.007'), ipBucket(' 203.0.113.007')]).toEqual(['203.0.113.7', '203.0.113.7']);
    for (let n = 0; n < 5000; n++) ipBucket(`2001:db8:${n.toString(16)}::1`);
    expect([ipBucket(' 203.0.113.007'), ipBucket('2001:db8:1387::1')]).toEqual([
      '203.0.113.7',
      '2001:db8:1387:0::/64',
    ]);
  });

  it('never throws, and bounds whatever it cannot parse', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(ipBucket(text).length).toBeLessThanOrEqual(64);
      }),
      { numRuns: 2000 },
    );
  });
});
