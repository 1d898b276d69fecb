import { describe, expect, it } from 'vitest';
import { rpcCodeStatus } from './openapi-rpc-codes.js';

describe('rpcCodeStatus', () => {
  it('maps google.rpc.Code names as code.proto does', () => {
    expect(['NOT_FOUND', 'ABORTED', 'OK', 'CUSTOM', 404].map(rpcCodeStatus)).toEqual([
      404,
      409,
      200,
      undefined,
      undefined,
    ]);
  });
});
