import * as otel from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopCatalog } from '../../../../test-support/server/shop-catalog.js';
import { createErrorResponder } from './create-error-responder.js';
import { ERROR_COUNTER_NAME } from './opentelemetry.js';

/** A reader that exports only when the test asks. */
class OnDemandReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

const spans = new InMemorySpanExporter();
const reader = new OnDemandReader();
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => {
  otel.context.setGlobalContextManager(contextManager.enable());
  otel.trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }),
  );
  otel.metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
});

afterAll(() => {
  otel.trace.disable();
  otel.metrics.disable();
  otel.context.disable();
});

describe('OpenTelemetry reporting', () => {
  it('tags the active span with error.type, fails it for 5xx only, and counts errors per code', async () => {
    const responder = createErrorResponder({ catalog: shopCatalog, logger: false, opentelemetry: otel });
    const tracer = otel.trace.getTracer('test');
    tracer.startActiveSpan('GET /orders/:id', (span) => {
      responder.respond(shopCatalog.ORDER_NOT_FOUND({ id: 'o1' }));
      span.end();
    });
    tracer.startActiveSpan('GET /boom', (span) => {
      responder.respond(new Error('db down'));
      span.end();
    });
    responder.respond(shopCatalog.ORDER_NOT_FOUND({ id: 'o2' }));

    const [notFound, boom] = spans.getFinishedSpans();
    expect(notFound?.attributes['error.type']).toBe('4040');
    expect(notFound?.status.code).toBe(otel.SpanStatusCode.UNSET);
    expect(boom?.attributes['error.type']).toBe('5000');
    expect(boom?.status.code).toBe(otel.SpanStatusCode.ERROR);
    expect(boom?.events.map((event) => event.name)).toEqual(['exception']);
    expect(boom?.events[0]?.attributes?.['exception.message']).toBe('db down');

    const { resourceMetrics } = await reader.collect();
    const metric = resourceMetrics.scopeMetrics
      .flatMap((scope) => scope.metrics)
      .find((item) => item.descriptor.name === ERROR_COUNTER_NAME);
    const points = (metric?.dataPoints ?? []).map((point) => [point.attributes['error.type'], point.value]);
    expect(points).toEqual(
      expect.arrayContaining([
        ['4040', 2],
        ['5000', 1],
      ]),
    );
  });
});
