import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type BareItem, parseStructuredList } from './structured-list.js';

/** The members as plain data, parameters as entries in order. */
function parsed(text: string) {
  return parseStructuredList(text)?.map(({ value, params }) => ({ value, params: [...params] }));
}

/** RFC 8941 serialisation of a bare item, written independently of the parser. */
function serialize(item: BareItem): string {
  if (typeof item === 'string') return `"${item.replace(/[\\"]/g, '\\$&')}"`;
  if (typeof item === 'number') return String(item);
  if (typeof item === 'boolean') return item ? '?1' : '?0';
  return 'token' in item ? item.token : `:${item.bytes}:`;
}

const key = fc.stringMatching(/^[a-z*][a-z0-9_.*-]{0,6}$/);
const bareItem: fc.Arbitrary<BareItem> = fc.oneof(
  fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
  fc.integer({ min: -999_999, max: 999_999 }).map((thousandths) => thousandths / 1000),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)) }),
  fc.boolean(),
  fc.stringMatching(/^[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]{0,8}$/).map((token) => ({ token })),
  fc.base64String({ maxLength: 12 }).map((bytes) => ({ bytes })),
);
const member = fc.record({
  value: bareItem,
  params: fc.uniqueArray(fc.tuple(key, bareItem), { selector: ([name]) => name, maxLength: 3 }),
});

describe('parseStructuredList', () => {
  test('reads members, their parameters and every kind of bare item', () => {
    expect(parsed('"default";r=50;t=30, burst;q=1.5;flag, ?0;b=:AQID:')).toEqual([
      {
        value: 'default',
        params: [
          ['r', 50],
          ['t', 30],
        ],
      },
      {
        value: { token: 'burst' },
        params: [
          ['q', 1.5],
          ['flag', true],
        ],
      },
      { value: false, params: [['b', { bytes: 'AQID' }]] },
    ]);
    expect(parsed('"a \\"quoted\\" \\\\ one"')).toEqual([{ value: 'a "quoted" \\ one', params: [] }]);
    expect(parsed(' \t')).toEqual([]);
  });

  test('a repeated parameter keeps its last value, in the place of the last', () => {
    expect(parsed('a;x=1;y=2;x=3')).toEqual([
      {
        value: { token: 'a' },
        params: [
          ['y', 2],
          ['x', 3],
        ],
      },
    ]);
  });

  test.each([
    'a,',
    'a,,b',
    'a b',
    'a ;x=1',
    'a;X=1',
    'a;x=',
    '(a b)',
    '"open',
    '"bad \\n escape"',
    '"tab\tinside"',
    '1234567890123456',
    '1234567890123.5',
    '1.2345',
    '1.',
    '-',
    '?2',
    ':AQID',
    'é',
  ])('%j is not a list of items', (text) => {
    expect(parseStructuredList(text)).toBeUndefined();
  });

  test('reads back every serialised list (property)', () => {
    fc.assert(
      fc.property(
        fc.array(member, { maxLength: 4 }),
        fc.constantFrom(',', ', ', ' ,\t'),
        (members, comma) => {
          const text = members
            .map(
              ({ value, params }) =>
                serialize(value) + params.map(([name, item]) => `;${name}=${serialize(item)}`).join(''),
            )
            .join(comma);
          expect(parsed(text)).toEqual(members.map(({ value, params }) => ({ value, params })));
        },
      ),
    );
  });

  test('never throws, on any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const members = parseStructuredList(text);
        expect(members === undefined || Array.isArray(members)).toBe(true);
      }),
    );
  });
});
