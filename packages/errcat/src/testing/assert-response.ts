import { errcatErrors } from '../errcat-catalog.js';
import { checkResponse, type ResponseCheck } from './check-response.js';
import { readResponse, type TestResponse } from './read-response.js';
import type { ResponseExpectation } from './response-expectation.js';

/**
 * Asserts, in any test runner, that a response conforms to a catalog entry in a wire profile (see
 * {@link checkResponse} for what is checked). It reads the response (a Fetch `Response`, Fastify's
 * `inject` result, supertest's, or `{ status, headers, body }`) and throws
 * `ERRCAT_RESPONSE_MISMATCH` listing every problem, or resolves to the check with the decoded body.
 *
 * @example
 * ```ts
 * import { assertResponse } from 'errcat/testing';
 * const res = await app.request('/promises/nope');
 * await assertResponse(res, { catalog, entry: 'PROMISE_NOT_FOUND', details: { id: 'nope' } });
 * ```
 */
export async function assertResponse(
  response: TestResponse,
  expectation: ResponseExpectation,
): Promise<ResponseCheck> {
  const check = checkResponse(await readResponse(response), expectation);
  if (check.problems.length > 0) {
    throw errcatErrors.ERRCAT_RESPONSE_MISMATCH({
      entry: check.entry.key,
      profile: check.profile.name,
      summary: check.problems.join('; '),
      problems: [...check.problems],
    });
  }
  return check;
}
