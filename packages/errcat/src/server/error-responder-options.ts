import type { CatalogSpec } from '../catalog-spec.js';
import type { CatalogMethods } from '../catalog-types.js';
import type { WireProfile } from '../render/wire-profile.js';
import type { ErrorLogger } from './error-logger.js';
import type { OpenTelemetryApi } from './opentelemetry.js';
import type { RequestIdOptions } from './request-id.js';
import type { ErrorMapper } from './to-catalog-error.js';

/**
 * Options of {@link createErrorResponder}; every adapter (`errcat/node`, `@errcat/fastify`,
 * `@errcat/express`, `@errcat/hono`) takes the same ones.
 *
 * @example
 * ```ts
 * const options: ErrorResponderOptions = {
 *   catalog,
 *   profiles: [problemProfile, googleProfile],
 *   codeHeader: 'x-error-code',
 *   logger: pino(),
 * };
 * ```
 */
export interface ErrorResponderOptions {
  /**
   * Your catalog: its entries that declare a `role` answer framework errors and unexpected
   * exceptions, and its `profile` is the default wire format. Errors of any catalog are rendered.
   * @default errcat's base catalog only
   */
  readonly catalog?: CatalogMethods<CatalogSpec>;
  /** The default wire format. @default the catalog's `profile`, else `problem` */
  readonly profile?: WireProfile | string;
  /**
   * Further wire formats a client may ask for with `Accept` (by the profile's media type). The
   * default profile is always enabled. @default none
   */
  readonly profiles?: readonly (WireProfile | string)[];
  /** The response header that repeats the error's code, like Azure's `x-ms-error-code`; `false` for none. @default 'errcat-code' */
  readonly codeHeader?: string | false;
  /** How the request id is read, made and echoed (in the same header). @default `x-request-id`, trusted, random UUIDs */
  readonly requestId?: RequestIdOptions;
  /** Send the request path as the occurrence URI (problem `instance`). The query is never sent. @default true */
  readonly instance?: boolean;
  /** Where errors are logged, at their entry's `logLevel`; `false` for nowhere. @default consoleErrorLogger */
  readonly logger?: ErrorLogger | false;
  /** The `@opentelemetry/api` module, to tag the active span and count errors by code. @default none */
  readonly opentelemetry?: OpenTelemetryApi;
  /** Maps thrown values that are not catalog errors (your libraries' errors) to catalog errors. @default none */
  readonly mapError?: ErrorMapper | readonly ErrorMapper[];
}
