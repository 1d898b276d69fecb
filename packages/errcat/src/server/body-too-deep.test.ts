import { describe, expect, it } from 'vitest';
import { bodyTooDeep } from './body-too-deep.js';
import { createErrorResponder } from './create-error-responder.js';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** The RangeError V8 throws for JSON.stringify of a value nested 10,000 deep. */
function overflow(): RangeError {
  try {
    JSON.stringify(JSON.parse(nested(10_000)));
  } catch (error) {
    return error as RangeError;
  }
  throw new Error('JSON.stringify did not overflow');
}

describe('bodyTooDeep', () => {
  const responder = createErrorResponder({ logger: false });

  it('answers a stack overflow over a body deeper than 64 levels with 400 BODY_TOO_DEEP', () => {
    const deep = JSON.parse(`{"tags":${nested(10_000)}}`);
    for (const body of [deep, `{"tags":${nested(10_000)}}`, new TextEncoder().encode(nested(100))]) {
      const response = responder.respond(overflow(), { body });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ code: 'BODY_TOO_DEEP', details: { maxDepth: 64 } });
    }
  });

  it('leaves the server its own 500: a shallow body, no body, or another RangeError', () => {
    expect(bodyTooDeep(overflow(), { a: [1] }, undefined)).toBeUndefined();
    expect(bodyTooDeep(overflow(), undefined, undefined)).toBeUndefined();
    expect(
      bodyTooDeep(new RangeError('Invalid array length'), JSON.parse(nested(100)), undefined),
    ).toBeUndefined();
    expect(responder.respond(overflow(), { body: { a: 1 } }).status).toBe(500);
  });
});
