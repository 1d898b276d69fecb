import { describe, expect, it } from 'vitest';
import { bodyShape, valuesAt } from './openapi-body-shape.js';

const shapeOf = (example: unknown, mediaType = 'application/json') => {
  const { profile, codePath, unsure } = bodyShape({}, undefined, [example], mediaType);
  return { profile, codePath, unsure };
};

describe('bodyShape', () => {
  it('recognises every errcat profile from an example body', () => {
    expect(shapeOf({ type: 'about:blank', title: 'Gone', status: 410, detail: 'It went' })).toEqual({
      profile: 'problem',
      codePath: ['type'],
      unsure: undefined,
    });
    expect(shapeOf({}, 'application/problem+json').profile).toBe('problem');
    expect(shapeOf({ errors: [{ status: '404', title: 'Nope' }] })).toMatchObject({
      profile: 'jsonapi',
      codePath: undefined,
    });
    expect(
      shapeOf({ type: 'response', id: '7', status: 'error', error: { code: 'X', message: 'm' } }).profile,
    ).toBe('rstmdb');
    expect(
      shapeOf({ error: { code: 4040, message: 'm', details: [{ '@type': 'RequestError' }] } }).profile,
    ).toBe('resonate-legacy');
    expect(shapeOf({ kind: 'createPromise', head: { status: 404 }, data: 'Not found' })).toEqual({
      profile: 'resonate',
      codePath: undefined,
      unsure: undefined,
    });
    expect(shapeOf({ error: { code: 'x', message: 'm' } })).toMatchObject({
      profile: 'simple',
      codePath: ['error', 'code'],
    });
    expect(shapeOf({ error: 'token_expired', message: 'm' })).toMatchObject({
      profile: 'simple-flat',
      codePath: ['error'],
    });
  });

  it('says when it is unsure, and finds no code in a body without one', () => {
    expect(shapeOf({ error: { code: 404, status: 'NOT_FOUND', message: 'm' } }).unsure).toMatch(/ErrorInfo/);
    expect(shapeOf({ message: 'Something broke' })).toEqual({
      profile: undefined,
      codePath: undefined,
      unsure: undefined,
    });
  });
});

describe('valuesAt', () => {
  it('steps into every item at []', () => {
    expect(valuesAt({ errors: [{ code: 'A' }, { code: 'B' }, {}] }, ['errors', '[]', 'code'])).toEqual([
      'A',
      'B',
    ]);
    expect(valuesAt('text', ['a'])).toEqual([]);
  });
});
