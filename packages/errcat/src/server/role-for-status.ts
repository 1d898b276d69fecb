import { baseCatalog } from '../base/base-catalog.js';
import type { BaseRole } from '../base/base-entries.js';

/**
 * The generic role for statuses that several base entries share (`404` is `NOT_FOUND`, not
 * `ROUTE_NOT_FOUND`: a thrown 404 is about a resource). Roles the base catalog lacks are skipped.
 */
const PREFERRED: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  500: 'INTERNAL_ERROR',
  503: 'OVERLOADED',
};

const byStatus = new Map<number, BaseRole>();
for (const entry of baseCatalog.entries) {
  if (!byStatus.has(entry.status)) byStatus.set(entry.status, entry.key as BaseRole);
}
for (const [status, role] of Object.entries(PREFERRED)) {
  if (baseCatalog.entry(role) !== undefined) byStatus.set(Number(status), role as BaseRole);
}

/**
 * The base role for an HTTP status a framework reported without saying more: the base entry with
 * that status (`413` → `PAYLOAD_TOO_LARGE`, `429` → `RATE_LIMITED`; the generic one where several
 * share it), else `BAD_REQUEST` for any other 4xx and `INTERNAL_ERROR` for everything else.
 * Adapters use it for framework errors they do not know by code.
 *
 * @example
 * ```ts
 * roleForStatus(415); // 'UNSUPPORTED_MEDIA_TYPE'
 * roleForStatus(431); // 'BAD_REQUEST'
 * roleForStatus(502); // 'INTERNAL_ERROR'
 * ```
 */
export function roleForStatus(status: number): BaseRole {
  return byStatus.get(status) ?? (status >= 400 && status < 500 ? 'BAD_REQUEST' : 'INTERNAL_ERROR');
}
