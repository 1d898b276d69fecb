/**
 * The HTTP status of each google.rpc.Code name, as google/rpc/code.proto maps them: APIs that
 * describe their errors with gRPC's canonical names (`INVALID_ARGUMENT`, `NOT_FOUND`…) mean these.
 */
const RPC_STATUS: ReadonlyMap<string, number> = new Map([
  ['OK', 200],
  ['CANCELLED', 499],
  ['UNKNOWN', 500],
  ['INVALID_ARGUMENT', 400],
  ['DEADLINE_EXCEEDED', 504],
  ['NOT_FOUND', 404],
  ['ALREADY_EXISTS', 409],
  ['PERMISSION_DENIED', 403],
  ['UNAUTHENTICATED', 401],
  ['RESOURCE_EXHAUSTED', 429],
  ['FAILED_PRECONDITION', 400],
  ['ABORTED', 409],
  ['OUT_OF_RANGE', 400],
  ['UNIMPLEMENTED', 501],
  ['INTERNAL', 500],
  ['UNAVAILABLE', 503],
  ['DATA_LOSS', 500],
]);

/**
 * The HTTP status google/rpc/code.proto gives a google.rpc.Code name (`200` for `OK`, which is no
 * error); `undefined` for any other code.
 *
 * @example
 * ```ts
 * rpcCodeStatus('FAILED_PRECONDITION'); // 400
 * rpcCodeStatus('QUOTA_EXCEEDED'); // undefined
 * ```
 */
export function rpcCodeStatus(code: string | number): number | undefined {
  return typeof code === 'string' ? RPC_STATUS.get(code) : undefined;
}
