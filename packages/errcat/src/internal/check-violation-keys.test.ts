import { describe, expect, it } from 'vitest';
import { validateCatalog } from '../validate-catalog.js';

/** The problems of a catalog whose one entry has `patch` applied. */
function problemsWith(patch: Record<string, unknown>) {
  const entry = {
    code: 'validation_error',
    status: 422,
    message: 'Validation failed',
    role: 'VALIDATION_FAILED',
  };
  return validateCatalog({ domain: 'api.example.com', errors: { VALIDATION_ERROR: { ...entry, ...patch } } });
}

describe('checkViolationKeys (through validateCatalog)', () => {
  it('accepts a list of distinct known keys with message', () => {
    expect(problemsWith({ violationKeys: ['field', 'type', 'message'] })).toEqual([]);
    expect(
      problemsWith({ violationKeys: ['in', 'pointer', 'field', 'parameter', 'header', 'type', 'message'] }),
    ).toEqual([]);
  });

  it('reports each problem under the field', () => {
    const at = 'errors.VALIDATION_ERROR.violationKeys';
    expect(problemsWith({ violationKeys: 'field' })).toEqual([
      { path: at, message: 'must be a list of in, pointer, field, parameter, header, type, message' },
    ]);
    expect(problemsWith({ violationKeys: ['field', 'kind', 'field'] })).toEqual([
      { path: at, message: 'unknown key kind (in, pointer, field, parameter, header, type, message)' },
      { path: at, message: 'lists field twice' },
      { path: at, message: 'must include message' },
    ]);
    expect(problemsWith({ role: undefined, violationKeys: ['message'] })).toEqual([
      { path: at, message: 'is only for the entry with role VALIDATION_FAILED' },
    ]);
  });
});
