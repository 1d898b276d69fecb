/**
 * The cost of creating an error: errcat's catalog errors (expected: no stack; server: with stack)
 * next to `new Error()`, http-errors' `createError` and `@hapi/boom`, as ratios of the floor
 * (`new Error()` with stack capture turned off).
 */
import Boom from '@hapi/boom';
import { defineCatalog } from 'errcat';
import createError from 'http-errors';
import { measure, printRatios } from './support/report.js';

const catalog = defineCatalog({
  domain: 'bench.example.com',
  docs: 'https://example.com/errors',
  errors: {
    PROMISE_NOT_FOUND: {
      code: 4040,
      status: 404,
      message: "Promise '{id}' could not be found",
      details: { id: 'string' },
    },
    STORAGE_FAILED: { code: 5002, status: 500, message: 'Failed to update promise' },
  },
});

const FLOOR = 'new Error() (no stack)';
let sink: unknown;

export default async function run(): Promise<void> {
  const rows = await measure({
    [FLOOR]: () => {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      sink = new Error("Promise 'p1' could not be found");
      Error.stackTraceLimit = limit;
    },
    'new Error()': () => {
      sink = new Error("Promise 'p1' could not be found");
    },
    'errcat expected (4xx, no stack)': () => {
      sink = catalog.PROMISE_NOT_FOUND({ id: 'p1' });
    },
    'errcat server (5xx, stack)': () => {
      sink = catalog.STORAGE_FAILED();
    },
    'http-errors createError(404)': () => {
      sink = createError(404, "Promise 'p1' could not be found");
    },
    '@hapi/boom notFound': () => {
      sink = Boom.notFound("Promise 'p1' could not be found");
    },
  });
  // Issue 15: constructing an expected error costs at most 1.2× the floor.
  printRatios(rows, FLOOR, 'ns', { 'errcat expected (4xx, no stack)': { atMost: 1.2 } });
  void sink;
}
