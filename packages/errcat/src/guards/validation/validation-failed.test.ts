import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../../define-catalog.js';
import { errcatErrors } from '../../errcat-catalog.js';
import type { Violation } from '../../violation.js';
import { validationFailed } from './validation-failed.js';

const violations: Violation[] = [
  { in: 'body', pointer: '/items/0/email', type: 'email', message: 'Invalid email address' },
  { in: 'query', pointer: '/limit', type: 'maximum', message: 'Too big: expected number to be <=1000' },
  { in: 'headers', pointer: '/x-tenant', type: 'required', message: 'x-tenant is required' },
  { in: 'body', pointer: '', type: 'type', message: 'Invalid input: expected object' },
];

function catalogWith(violationKeys?: readonly string[]) {
  return defineCatalog({
    domain: 'api.example.com',
    errors: {
      VALIDATION_ERROR: {
        code: 'validation_error',
        status: 422,
        message: 'Validation failed',
        role: 'VALIDATION_FAILED',
        ...(violationKeys ? { violationKeys: violationKeys as never } : {}),
      },
    },
  });
}

/** The rendered violations as JSON text, so key order counts. */
function errorsOf(catalog: ReturnType<typeof catalogWith>, list = violations): string {
  return JSON.stringify(validationFailed(list, { catalog }).details.errors);
}

describe('validationFailed', () => {
  it('keeps the default keys and their order when the entry declares none', () => {
    expect(JSON.parse(errorsOf(catalogWith()))).toEqual([
      {
        in: 'body',
        pointer: '/items/0/email',
        type: 'email',
        message: 'items.0.email: Invalid email address',
      },
      {
        in: 'query',
        pointer: '/limit',
        type: 'maximum',
        message: 'limit: Too big: expected number to be <=1000',
        parameter: 'limit',
      },
      {
        in: 'headers',
        pointer: '/x-tenant',
        type: 'required',
        message: 'x-tenant is required',
        header: 'x-tenant',
      },
      { in: 'body', pointer: '', type: 'type', message: 'Invalid input: expected object' },
    ]);
    expect(Object.keys(JSON.parse(errorsOf(catalogWith()))[1])).toEqual([
      'in',
      'pointer',
      'type',
      'message',
      'parameter',
    ]);
  });

  it('renders the keys the entry declares, in its order: seed 004’s { field, type, message }', () => {
    expect(errorsOf(catalogWith(['field', 'type', 'message']))).toBe(
      JSON.stringify([
        { field: 'items.0.email', type: 'email', message: 'items.0.email: Invalid email address' },
        { field: 'limit', type: 'maximum', message: 'limit: Too big: expected number to be <=1000' },
        { field: 'x-tenant', type: 'required', message: 'x-tenant is required' },
        { field: '', type: 'type', message: 'Invalid input: expected object' },
      ]),
    );
    expect(errorsOf(catalogWith(['message', 'pointer']), violations.slice(1, 2))).toBe(
      '[{"message":"limit: Too big: expected number to be <=1000","pointer":"/limit"}]',
    );
  });

  it('names the field unless the message starts with it as a word of its own', () => {
    const catalog = catalogWith(['message']);
    const messages = ['limit must be at most 1000', 'limits are exceeded', 'limit-ish', 'limit: x'];
    const list = messages.map(
      (message): Violation => ({ in: 'query', pointer: '/limit', type: 'maximum', message }),
    );
    expect(JSON.parse(errorsOf(catalog, list))).toEqual([
      { message: 'limit must be at most 1000' },
      { message: 'limit: limits are exceeded' },
      { message: 'limit: limit-ish' },
      { message: 'limit: x' },
    ]);
    const translated = validationFailed(list.slice(0, 1), { catalog, message: () => 'zu groß' });
    expect(translated.details.errors).toEqual([{ message: 'limit: zu groß' }]);
  });

  it('refuses a catalog whose violationKeys are not a list of known keys with message', () => {
    for (const keys of [
      ['field', 'kind', 'message'],
      ['field', 'type'],
      ['type', 'type', 'message'],
      'field',
    ]) {
      let thrown: unknown;
      try {
        catalogWith(keys as never);
      } catch (error) {
        thrown = error;
      }
      expect(errcatErrors.is(thrown, 'ERRCAT_INVALID_CATALOG')).toBe(true);
    }
  });
});
