import type { CatalogSpec } from '../catalog-spec.js';
import type { CatalogMethods } from '../catalog-types.js';
import type { RenderContext } from '../render/error-view.js';
import type { WireProfile } from '../render/wire-profile.js';
import type { ErrorLogger } from './error-logger.js';
import type { OpenTelemetryApi } from './opentelemetry.js';
import type { RequestFacts } from './request-facts.js';
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
  /** The default wire format, by value or by built-in name (`google`, `rstmdb`…). @default the catalog's `profile`, else `problem` */
  readonly profile?: WireProfile | string;
  /**
   * Further wire formats a client may ask for with `Accept`, by media type
   * (`application/vnd.api+json`) or by name (`application/json; profile="google"`); see
   * `negotiateProfile`. The default profile is always enabled and answers everything else. @default none
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
  /**
   * Reads what an envelope profile echoes from the request, such as Resonate's `corrId` and `kind`
   * (`(request) => resonateRequestContext(request.body)`). @default none
   */
  readonly context?: (request: RequestFacts) => Pick<RenderContext, 'corrId' | 'kind'>;
  /** Maps thrown values that are not catalog errors (your libraries' errors) to catalog errors. @default none */
  readonly mapError?: ErrorMapper | readonly ErrorMapper[];
}
