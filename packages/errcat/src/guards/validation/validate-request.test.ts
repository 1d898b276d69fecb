import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCatalog } from '../../define-catalog.js';
import { isCatalogError } from '../../is-catalog-error.js';
import { renderError } from '../../render/render-error.js';
import { validatePart, validateRequest } from './validate-request.js';

const catalog = defineCatalog({
  domain: 'shop.example.com',
  errors: {
    BAD_INPUT: {
      code: 4000,
      status: 400,
      message: 'The request failed validation',
      details: { errors: 'array' },
      role: 'VALIDATION_FAILED',
    },
  },
});

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('validateRequest', () => {
  const schemas = {
    body: z.object({ email: z.email(), items: z.array(z.object({ sku: z.string().min(3) })) }),
    query: v.object({
      limit: v.pipe(v.string(), v.transform(Number), v.maxValue(1000)),
      tag: v.optional(v.array(v.string())),
    }),
    params: z.object({ id: z.uuid() }),
    headers: z.object({ 'x-tenant': z.string() }),
  };

  it('returns every part parsed (and transformed) when valid', async () => {
    const query = new URLSearchParams('limit=10&tag=a&tag=b');
    const headers = new Headers({ 'X-Tenant': 'acme' });
    const out = await validateRequest(schemas, {
      body: { email: 'a@example.com', items: [{ sku: 'abc' }] },
      query,
      params: { id: '7f1c4b5e-3a0d-4d0e-9f6b-3c2a1e0d9b8a' },
      headers,
    });
    expect(out.query).toEqual({ limit: 10, tag: ['a', 'b'] });
    expect(out.headers).toEqual({ 'x-tenant': 'acme' });
    expect(out.body.items[0]?.sku).toBe('abc');
  });

  it('reports the violations of every part in one error, in the catalog’s own entry', async () => {
    const error = await thrown(
      validateRequest(
        schemas,
        {
          body: { email: 'nope', items: [{ sku: 'x' }] },
          query: { limit: '5000' },
          params: { id: '1' },
          headers: {},
        },
        { catalog },
      ),
    );
    expect(catalog.is(error, 'BAD_INPUT')).toBe(true);
    const rendered = renderError(error as never);
    expect(rendered.status).toBe(400);
    expect(JSON.parse(rendered.body).details.errors).toEqual([
      { in: 'body', pointer: '/email', type: 'email', message: 'email: Invalid email address' },
      {
        in: 'body',
        pointer: '/items/0/sku',
        type: 'min_length',
        message: 'items.0.sku: Too small: expected string to have >=3 characters',
      },
      {
        in: 'query',
        pointer: '/limit',
        type: 'maximum',
        message: 'limit: Invalid value: Expected <=1000 but received 5000',
        parameter: 'limit',
      },
      { in: 'params', pointer: '/id', type: 'format', message: 'id: Invalid UUID', parameter: 'id' },
      {
        in: 'headers',
        pointer: '/x-tenant',
        type: 'required',
        message: 'x-tenant: Invalid input: expected string, received undefined',
        header: 'x-tenant',
      },
    ]);
  });

  it('caps the violations and rewrites messages on request', async () => {
    const schema = z.object(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, z.string()])));
    const error = await thrown(
      validateRequest(
        { body: schema },
        { body: {} },
        { maxViolations: 3, message: (item) => `${item.type}!` },
      ),
    );
    expect(isCatalogError(error, 'VALIDATION_FAILED')).toBe(true);
    const details = (error as { details: { errors: { message: string }[] } }).details;
    expect(details.errors).toHaveLength(3);
    expect(details.errors[0]?.message).toBe('f0: required!');
    expect((error as { status: number }).status).toBe(422);
  });

  it('clips huge pointers and messages from hostile keys', async () => {
    const key = 'k'.repeat(5000);
    const error = await thrown(validatePart(z.strictObject({}), { [key]: 1 }, 'body'));
    const [violation] = (error as { details: { errors: { pointer: string; message: string }[] } }).details
      .errors;
    expect(violation?.pointer.length).toBeLessThanOrEqual(1000);
    expect(violation?.message.length).toBeLessThanOrEqual(1000);
  });

  it('validates one part, and lets a schema that throws fail loudly', async () => {
    expect(await validatePart(z.object({ a: z.coerce.number() }), { a: '2' })).toEqual({ a: 2 });
    const broken = z.object({ a: z.string() }).transform(() => {
      throw new TypeError('bug in the schema');
    });
    await expect(validatePart(broken, { a: 'x' })).rejects.toThrow('bug in the schema');
  });
});
