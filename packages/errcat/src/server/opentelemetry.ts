import type { CatalogError } from '../catalog-error.js';

/** Attribute values as OpenTelemetry takes them. */
type Attributes = Record<string, string | number | boolean>;

/**
 * The part of an OpenTelemetry span errcat uses; `@opentelemetry/api`'s `Span` fits it.
 *
 * @example
 * ```ts
 * const span: SpanLike | undefined = otel.trace.getActiveSpan();
 * ```
 */
export interface SpanLike {
  setAttribute(key: string, value: string | number | boolean): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  recordException(exception: Error | string): unknown;
}

/**
 * The part of `@opentelemetry/api` errcat uses. Pass the module itself; errcat never imports it, so
 * it costs nothing when absent.
 *
 * @example
 * ```ts
 * import * as otel from '@opentelemetry/api';
 * const api: OpenTelemetryApi = otel;
 * ```
 */
export interface OpenTelemetryApi {
  readonly trace: { getActiveSpan(): SpanLike | undefined };
  readonly metrics: {
    getMeter(
      name: string,
      version?: string,
    ): {
      createCounter(
        name: string,
        options?: { description?: string; unit?: string },
      ): { add(value: number, attributes?: Attributes): void };
    };
  };
}

/**
 * The counter errcat adds one to per error response, with `error.type` and the status as attributes.
 *
 * @example
 * ```ts
 * metrics.find((metric) => metric.descriptor.name === ERROR_COUNTER_NAME);
 * ```
 */
export const ERROR_COUNTER_NAME = 'errcat.server.errors';

/** OpenTelemetry's `SpanStatusCode.ERROR`. */
const SPAN_STATUS_ERROR = 2;

/**
 * Makes the recorder that reports each error response to OpenTelemetry: on the active span it sets
 * `error.type` to the error's code and, for 5xx, marks the span failed and records the underlying
 * exception (the trace is server-side, like the log); it adds one to the `errcat.server.errors`
 * counter with `error.type` and `http.response.status_code`.
 *
 * @example
 * ```ts
 * import * as otel from '@opentelemetry/api';
 * const record = errorTelemetry(otel);
 * record(catalog.PROMISE_NOT_FOUND({ id: 'p1' }));
 * ```
 */
export function errorTelemetry(api: OpenTelemetryApi): (error: CatalogError) => void {
  const counter = api.metrics.getMeter('errcat').createCounter(ERROR_COUNTER_NAME, {
    description: 'Error responses sent, by catalog code',
    unit: '{error}',
  });
  return (error) => {
    const code = String(error.code);
    const status = error.status;
    counter.add(1, { 'error.type': code, 'http.response.status_code': status });
    const span = api.trace.getActiveSpan();
    if (span === undefined) return;
    span.setAttribute('error.type', code);
    if (status >= 500) {
      span.setStatus({ code: SPAN_STATUS_ERROR, message: code });
      const cause = error.cause ?? error;
      span.recordException(cause instanceof Error ? cause : String(code));
    }
  };
}
