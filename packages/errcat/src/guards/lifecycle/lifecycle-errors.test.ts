import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../../define-catalog.js';
import { renderError } from '../../render/render-error.js';
import {
  alreadyCompleted,
  alreadyExists,
  expectVersion,
  invalidState,
  notFound,
  versionConflict,
} from './lifecycle-errors.js';

function wire(error: Parameters<typeof renderError>[0]) {
  const rendered = renderError(error);
  const body = JSON.parse(rendered.body);
  return { status: rendered.status, code: body.code, detail: body.detail, details: body.details };
}

// Seed 000: Resonate's legacy codes, mapped onto the base roles.
const resonate = defineCatalog({
  domain: 'resonate.legacy',
  errors: {
    PROMISE_ALREADY_RESOLVED: {
      code: 4030,
      status: 403,
      message: 'The promise has already been resolved',
      role: 'ALREADY_RESOLVED',
    },
    PROMISE_ALREADY_TIMED_OUT: {
      code: 4033,
      status: 403,
      message: 'The promise has already timed out',
      role: 'ALREADY_TIMED_OUT',
    },
    PROMISE_NOT_FOUND: { code: 4040, status: 404, message: "Promise '{id}' not found", role: 'NOT_FOUND' },
    PROMISE_ALREADY_EXISTS: {
      code: 4090,
      status: 409,
      message: 'The promise already exists',
      role: 'ALREADY_EXISTS',
    },
    CONFLICT: {
      code: 'CONFLICT',
      status: 409,
      message: 'Instance was modified by another request',
      retryable: true,
      role: 'VERSION_CONFLICT',
    },
  },
});

describe('lifecycle errors', () => {
  it('render the base entries with the resource in message and details', () => {
    expect(wire(notFound({ resource: 'promise', id: 'p1' }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
      detail: 'Resource not found: promise p1',
      details: { resource: 'promise', id: 'p1' },
    });
    expect(wire(notFound()).detail).toBe('Resource not found');
    expect(wire(alreadyExists({ id: 42 }))).toMatchObject({
      status: 409,
      code: 'ALREADY_EXISTS',
      details: { id: '42' },
    });
    for (const [state, code] of [
      ['resolved', 'ALREADY_RESOLVED'],
      ['rejected', 'ALREADY_REJECTED'],
      ['canceled', 'ALREADY_CANCELED'],
      ['timed_out', 'ALREADY_TIMED_OUT'],
    ] as const) {
      expect(wire(alreadyCompleted(state, { resource: 'promise', id: 'p1' }))).toMatchObject({
        status: 409,
        code,
      });
    }
    expect(wire(invalidState('shipped', 'PAY'))).toMatchObject({
      status: 409,
      code: 'INVALID_STATE',
      detail: "The resource is in state 'shipped', which does not allow 'PAY'",
    });
  });

  it('carry expected and actual versions', () => {
    expect(wire(versionConflict(100, 105))).toMatchObject({
      status: 409,
      code: 'VERSION_CONFLICT',
      details: { expected: 100, actual: 105 },
    });
    expect(() => expectVersion(undefined, 3)).not.toThrow();
    expect(() => expectVersion(3, 3)).not.toThrow();
    expect(() => expectVersion('"v1"', '"v2"')).toThrow(/expected version "v1", found "v2"/);
  });

  it('speak the seed’s own codes and statuses through roles', () => {
    expect(wire(alreadyCompleted('resolved', {}, { catalog: resonate }))).toMatchObject({
      status: 403,
      code: 4030,
    });
    expect(wire(alreadyCompleted('timed_out', {}, { catalog: resonate }))).toMatchObject({
      status: 403,
      code: 4033,
    });
    expect(wire(notFound({ id: 'p1' }, { catalog: resonate }))).toMatchObject({
      status: 404,
      code: 4040,
      detail: "Promise 'p1' not found",
    });
    const conflict = versionConflict(100, 105, { catalog: resonate });
    expect([conflict.retryable, wire(conflict).details]).toEqual([true, { expected: 100, actual: 105 }]);
    // A role this catalog does not map falls back to the base entry.
    expect(wire(alreadyCompleted('canceled', {}, { catalog: resonate })).code).toBe('ALREADY_CANCELED');
  });
});
