import type { IdempotencyRecord, StoredResponse } from './idempotency-store.js';

/**
 * An idempotency record as one table row, the layout errcat's SQL stores share: a running claim
 * has no status; a completed one has its status, its headers as JSON text and its body bytes.
 *
 * @example
 * ```ts
 * const row: IdempotencyRow = { fingerprint: 'f', status: 201, headers: '{"location":"/o/1"}', body: bytes };
 * ```
 */
export interface IdempotencyRow {
  /** The fingerprint of the request that claimed the key. */
  readonly fingerprint: string;
  /** The stored status; `null` while the request runs. */
  readonly status: number | null;
  /** The stored headers as JSON text. */
  readonly headers: string | null;
  /** The stored body. */
  readonly body: Uint8Array | null;
}

/**
 * The record a row holds, for SQL stores: running while the row has no status, else completed
 * with its response.
 *
 * @example
 * ```ts
 * recordFromRow({ fingerprint: 'f', status: null, headers: null, body: null }); // { state: 'running', fingerprint: 'f' }
 * ```
 */
export function recordFromRow(row: IdempotencyRow): IdempotencyRecord {
  if (row.status === null) return { state: 'running', fingerprint: row.fingerprint };
  const response: StoredResponse = {
    status: row.status,
    headers: JSON.parse(row.headers ?? '{}') as StoredResponse['headers'],
    body: row.body ?? new Uint8Array(0),
  };
  return { state: 'completed', fingerprint: row.fingerprint, response };
}
