import type { EntrySpec, ErrorCode, LogLevel } from './catalog-spec.js';
import type { NormalizedField } from './field-spec.js';
import type { CompiledTemplate } from './message-template.js';
import type { StandardSchemaV1 } from './standard-schema.js';

/**
 * One catalog entry with every default applied: what servers, clients and tools read.
 *
 * @example
 * ```ts
 * const entry = catalog.entry(4040);
 * entry?.status; // 404
 * ```
 */
export interface CatalogEntry {
  /** The catalog's domain. */
  readonly domain: string;
  /** The stable machine name, UPPER_SNAKE. */
  readonly key: string;
  /** The stable code. */
  readonly code: ErrorCode;
  /**
   * The declared HTTP status; `undefined` for an entry that is not an HTTP error (an SDK's own,
   * raised in the caller's process). Tools that describe an entry read this one.
   */
  readonly declaredStatus: number | undefined;
  /**
   * The HTTP status a server answers with: the declared one, else 500 — a server handed an SDK
   * error still has to answer, and that is a failure of the server.
   */
  readonly status: number;
  /** A short constant summary. */
  readonly title: string;
  /** The compiled message template. */
  readonly template: CompiledTemplate;
  /** Compiled translations of the message, by language tag. */
  readonly translations: ReadonlyMap<string, CompiledTemplate>;
  /** Translated titles, by language tag. */
  readonly titles: ReadonlyMap<string, string>;
  /** A longer explanation, for the docs. */
  readonly description: string | undefined;
  /** What usually leads to this error. */
  readonly causes: readonly string[];
  /** What the caller should do. */
  readonly resolution: string | undefined;
  /** The entry's category, declared or taken from its code range. */
  readonly category: string | undefined;
  /** The docs URL of this entry. */
  readonly docs: string | undefined;
  /** May the rendered message reach clients. */
  readonly expose: boolean;
  /** The level servers log it at. */
  readonly logLevel: LogLevel;
  /** May the same request succeed if retried. */
  readonly retryable: boolean;
  /** Clients should back off more slowly. */
  readonly throttling: boolean;
  /** The server guarantees the request had no effect. */
  readonly notApplied: boolean;
  /** Default seconds before a retry, if any. */
  readonly retryAfter: number | undefined;
  /** Headers always sent with the error. */
  readonly headers: Readonly<Record<string, string>>;
  /** The declared details fields, when written as a field map. */
  readonly fields: readonly NormalizedField[] | undefined;
  /** The details schema, when written as a Standard Schema. */
  readonly schema: StandardSchemaV1 | undefined;
  /** Details fields that never reach a response. */
  readonly internalFields: ReadonlySet<string>;
  /**
   * The only details fields that may reach a response: the declared public ones (or the message
   * parameters when nothing is declared); `undefined` for a Standard Schema, where every field
   * not listed in `internalFields` may.
   */
  readonly publicFields: ReadonlySet<string> | undefined;
  /** Capture a stack trace on creation. */
  readonly captureStack: boolean;
  /** The version that introduced the entry. */
  readonly since: string | undefined;
  /** Deprecated; a string says why. */
  readonly deprecated: boolean | string;
  /** The keys that replace a deprecated entry. */
  readonly replacedBy: readonly string[];
  /** Example details. */
  readonly example: Readonly<Record<string, unknown>> | undefined;
  /** The base-catalog role the entry plays, if any. */
  readonly role: string | undefined;
  /** Data for profiles and tools. */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** The entry as written. */
  readonly spec: EntrySpec;
}
