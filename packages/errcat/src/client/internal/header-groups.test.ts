import { describe, expect, test } from 'vitest';
import type { HeaderReader } from '../../http/header-reader.js';
import { headerReader } from '../../http/header-reader.js';
import { DELAY_HEADER_NAMES, headerDelays } from './header-delay.js';
import { CHALLENGE_HEADER, HeaderGroup, headerGroups } from './header-groups.js';
import { CODE_HEADER_NAMES, headerCode, headerRequestId, REQUEST_ID_HEADER_NAMES } from './header-ids.js';
import { SHOULD_RETRY_HEADERS, serverSaysRetry } from './retry-hints.js';

/** A reader that answers every name (so no read stops early) and records what was asked. */
function recordingReader(value: string): { read: HeaderReader; names: Set<string> } {
  const names = new Set<string>();
  return {
    names,
    read: {
      get(name) {
        names.add(name);
        return value;
      },
    },
  };
}

describe('header groups', () => {
  // A group is skipped when none of its names is present, so each reader must read only its own.
  test.each([
    ['headerDelays', DELAY_HEADER_NAMES, (read: HeaderReader) => headerDelays(read, 429, 0)],
    ['headerRequestId', REQUEST_ID_HEADER_NAMES, headerRequestId],
    ['headerCode', CODE_HEADER_NAMES, headerCode],
    ['serverSaysRetry', SHOULD_RETRY_HEADERS, serverSaysRetry],
  ] as const)('%s reads only the headers of its group', (_name, declared, readAll) => {
    for (const value of ['', '0', 'x', '1700000000']) {
      const { read, names } = recordingReader(value);
      readAll(read);
      for (const name of names) expect(declared).toContain(name);
    }
  });

  test('a Map of headers yields the groups it has a header of, and nothing for others', () => {
    expect(headerGroups(headerReader({ 'Content-Type': 'application/json' }))).toBe(0);
    expect(headerGroups(headerReader({ 'Retry-After': '2', 'CF-Ray': 'r' }))).toBe(
      HeaderGroup.delay | HeaderGroup.requestId,
    );
    expect(headerGroups(headerReader({ [CHALLENGE_HEADER]: 'Bearer', 'x-amzn-errortype': 'X' }))).toBe(
      HeaderGroup.challenge | HeaderGroup.code,
    );
    expect(headerGroups(headerReader([['stripe-should-retry', 'false']]))).toBe(HeaderGroup.shouldRetry);
  });

  test('a Fetch Headers is listed like a Map; a reader that cannot list its headers reads every group', () => {
    expect(
      headerGroups(headerReader(new Headers({ 'content-type': 'text/plain', 'Retry-After': '1' }))),
    ).toBe(HeaderGroup.delay);
    const groups = headerGroups(
      headerReader({ get: (name: string) => (name === 'retry-after' ? '1' : null) }),
    );
    for (const bit of Object.values(HeaderGroup)) expect(groups & bit).toBe(bit);
  });
});
