import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { decodeErrorSync } from './decode-error-sync.js';
import { isRemoteError } from './is-remote-error.js';
import { RemoteError } from './remote-error.js';

const decoded = decodeErrorSync(
  404,
  { 'x-request-id': 'r-1' },
  '{"error":{"code":"NOPE","message":"No such order"}}',
);

describe('RemoteError', () => {
  test('is an Error to every check code relies on: instanceof, name, message, toString, stack', () => {
    expect(decoded).toBeInstanceOf(RemoteError);
    expect(decoded).toBeInstanceOf(Error);
    expect(isRemoteError(decoded)).toBe(true);
    if (decoded.ok) throw new Error('expected an error');
    expect(decoded.name).toBe('RemoteError');
    expect(decoded.message).toBe('No such order');
    expect(String(decoded)).toBe('RemoteError: No such order');
    expect(decoded.stack).toBe('RemoteError: No such order');
  });

  test('throws and catches like any error, and prints its facts', () => {
    const caught = (() => {
      try {
        throw decoded;
      } catch (error) {
        return error;
      }
    })();
    expect(caught).toBe(decoded);
    expect(() => {
      throw decoded;
    }).toThrow('No such order');
    const printed = inspect(decoded);
    expect(printed).toContain('RemoteError: No such order');
    expect(printed).toContain("code: 'NOPE'");
    expect(printed).toContain("requestId: 'r-1'");
  });

  test('keeps its message own and writable, as an Error does, and serialises its facts', () => {
    if (decoded.ok) throw new Error('expected an error');
    expect(Object.hasOwn(decoded, 'message')).toBe(true);
    expect(JSON.parse(JSON.stringify(decoded))).toMatchObject({
      name: 'RemoteError',
      httpStatus: 404,
      code: 'NOPE',
      message: 'No such order',
      requestId: 'r-1',
    });
  });
});
