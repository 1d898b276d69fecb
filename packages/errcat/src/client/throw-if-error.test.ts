import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../define-catalog.js';
import { isRemoteError } from './is-remote-error.js';
import { RemoteError } from './remote-error.js';
import { throwIfError } from './throw-if-error.js';

const catalog = defineCatalog({
  domain: 'hook.example.com',
  errors: { GONE: { code: 'GONE', status: 410, message: 'Gone for good' } },
});

describe('throwIfError (the hook form)', () => {
  it('passes responses that are not errors through, body unread', async () => {
    const response = new Response('{"a":1}', { status: 200 });
    expect(await throwIfError(response)).toBe(response);
    expect(await response.json()).toEqual({ a: 1 });
  });

  it('throws the decoded error, typed by the catalog when given', async () => {
    const plain = await throwIfError(new Response('{"message":"nope"}', { status: 404 })).catch(
      (e: unknown) => e,
    );
    expect(plain).toBeInstanceOf(RemoteError);
    expect(isRemoteError(plain)).toBe(true);
    const typed = await throwIfError(
      new Response('{"error":{"code":"GONE","message":"x"}}', { status: 410 }),
      {
        catalog,
      },
    ).catch((e: unknown) => e);
    expect(catalog.is(typed, 'GONE')).toBe(true);
    expect(isRemoteError(typed)).toBe(true);
  });

  it('isRemoteError is false for anything else', () => {
    for (const value of [new Error('x'), catalog.GONE(), null, {}, 'RemoteError'])
      expect(isRemoteError(value)).toBe(false);
  });
});
