import type { CatalogEntry } from '../catalog-entry.js';
import { CatalogError } from '../catalog-error.js';
import { errcatErrors } from '../errcat-catalog.js';
import type { FieldType } from '../field-spec.js';
import { getProfile } from '../profiles/builtin-profiles.js';
import type { DecodedError } from '../render/decoded-error.js';
import type { RenderContext } from '../render/error-view.js';
import { renderError } from '../render/render-error.js';
import type { WireProfile } from '../render/wire-profile.js';
import type { CapturedResponse } from './read-response.js';
import type { ResponseExpectation } from './response-expectation.js';

/**
 * The outcome of {@link checkResponse}: every problem found, and the decoded body.
 *
 * @example
 * ```ts
 * const check: ResponseCheck = checkResponse(await readResponse(response), { catalog, entry: 'ORDER_NOT_FOUND' });
 * expect(check.problems).toEqual([]);
 * ```
 */
export interface ResponseCheck {
  /** The entry the response was checked against. */
  readonly entry: CatalogEntry;
  /** The profile the response was checked against. */
  readonly profile: WireProfile;
  /** What is wrong, one sentence each; empty when the response conforms. */
  readonly problems: readonly string[];
  /** The body as the profile reads it, when it could. */
  readonly decoded: DecodedError | undefined;
}

const RETRY_AFTER = /^(?:\d+|[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)$/;

function resolveEntry(expectation: ResponseExpectation): CatalogEntry {
  const { entry } = expectation;
  if (typeof entry === 'object') return entry;
  const found = expectation.catalog?.entry(entry);
  if (!found) {
    const domain = (expectation.catalog as { domain?: unknown } | undefined)?.domain;
    throw errcatErrors.ERRCAT_UNKNOWN_ENTRY({
      domain: typeof domain === 'string' ? domain : 'no catalog given',
      entry: String(entry),
    });
  }
  return found;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Compares the JSON shape of `actual` with `expected`: members, their types, their nesting. */
function shapeProblems(
  expected: unknown,
  actual: unknown,
  path: string,
  strict: boolean,
  out: string[],
): void {
  const want = jsonType(expected);
  const got = jsonType(actual);
  if (want !== got) {
    out.push(`body${path} is ${got === 'undefined' ? 'missing' : `a ${got}`}, expected a ${want}`);
    return;
  }
  if (want !== 'object') return;
  const wanted = expected as Record<string, unknown>;
  const have = actual as Record<string, unknown>;
  for (const name of Object.keys(wanted)) {
    shapeProblems(
      wanted[name],
      Object.hasOwn(have, name) ? have[name] : undefined,
      `${path}.${name}`,
      strict,
      out,
    );
  }
  if (strict) {
    for (const name of Object.keys(have))
      if (!Object.hasOwn(wanted, name)) out.push(`body${path}.${name} is unexpected`);
  }
}

function fieldTypeMatches(type: FieldType, value: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return jsonType(value) === 'object';
  return typeof value === type;
}

/** How a details value looks in a format that turns every value into a string. */
function asString(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
}

function detailsProblems(
  entry: CatalogEntry,
  decoded: DecodedError,
  expected: Readonly<Record<string, unknown>> | undefined,
  out: string[],
): void {
  const details = decoded.details ?? {};
  for (const name of entry.internalFields) {
    if (Object.hasOwn(details, name)) out.push(`details.${name} is internal but was sent`);
  }
  if (entry.fields) {
    const declared = new Map(entry.fields.map((field) => [field.name, field]));
    for (const name of Object.keys(details)) {
      if (!declared.has(name)) out.push(`details.${name} is not declared by ${entry.key}`);
    }
    for (const field of entry.fields) {
      if (field.internal || !Object.hasOwn(details, field.name)) continue;
      const value = details[field.name];
      const ok = decoded.stringDetails ? typeof value === 'string' : fieldTypeMatches(field.type, value);
      if (!ok)
        out.push(
          `details.${field.name} should be ${decoded.stringDetails ? 'a string' : `of type ${field.type}`}`,
        );
    }
  }
  for (const [name, value] of Object.entries(expected ?? {})) {
    if (entry.internalFields.has(name)) continue;
    const got = details[name];
    const same = decoded.stringDetails
      ? got === asString(value)
      : JSON.stringify(got) === JSON.stringify(value);
    if (!same) out.push(`details.${name} is ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`);
  }
}

function headerProblems(
  response: CapturedResponse,
  expected: Readonly<Record<string, string>>,
  entry: CatalogEntry,
  expectation: ResponseExpectation,
  out: string[],
): void {
  const expectedType = mediaType(expected['content-type']);
  const actualType = mediaType(response.headers['content-type']);
  if (actualType !== expectedType) {
    out.push(`content-type is '${response.headers['content-type'] ?? ''}', expected '${expectedType}'`);
  }
  if (expected['retry-after'] !== undefined) {
    const retryAfter = response.headers['retry-after'];
    if (retryAfter === undefined) out.push('retry-after is missing');
    else if (!RETRY_AFTER.test(retryAfter))
      out.push(`retry-after '${retryAfter}' is neither seconds nor an HTTP date`);
  }
  for (const name of Object.keys(entry.headers)) {
    if (response.headers[name.toLowerCase()] === undefined) out.push(`${name.toLowerCase()} is missing`);
  }
  if (expectation.codeHeader !== undefined) {
    const value = response.headers[expectation.codeHeader.toLowerCase()];
    if (value !== String(entry.code)) {
      out.push(
        `${expectation.codeHeader.toLowerCase()} is '${value ?? ''}', expected '${String(entry.code)}'`,
      );
    }
  }
}

function requestIdProblems(
  response: CapturedResponse,
  decoded: DecodedError,
  carriesRequestId: boolean,
  expectation: ResponseExpectation,
  out: string[],
): void {
  const headerName = expectation.requestIdHeader === undefined ? 'x-request-id' : expectation.requestIdHeader;
  const header = headerName === false ? undefined : response.headers[headerName.toLowerCase()];
  const wanted = expectation.requestId ?? header;
  if (expectation.requestId !== undefined && headerName !== false && header !== expectation.requestId) {
    out.push(`${headerName} is '${header ?? ''}', expected '${expectation.requestId}'`);
  }
  if (wanted !== undefined && carriesRequestId && decoded.requestId !== wanted) {
    out.push(`the body's request id is '${decoded.requestId ?? ''}', expected '${wanted}'`);
  }
}

/**
 * Checks a response against a catalog entry in a wire profile and lists every difference: the
 * status, the content type, the error code in the body, the body's shape (members, types,
 * nesting), the message (for entries that hide theirs, that no other text was sent), Retry-After
 * and the entry's own headers, the details (declared fields and types, no internal field, the
 * expected values) and the request id. The expected response is what errcat renders for the entry
 * with the details the body carries, so any server that answers like errcat conforms.
 *
 * @example
 * ```ts
 * const check = checkResponse(await readResponse(res), { catalog, entry: 'PROMISE_NOT_FOUND', profile: 'google' });
 * check.problems; // [] when it conforms
 * ```
 */
export function checkResponse(response: CapturedResponse, expectation: ResponseExpectation): ResponseCheck {
  const entry = resolveEntry(expectation);
  const profile =
    typeof expectation.profile === 'object'
      ? expectation.profile
      : getProfile(expectation.profile ?? 'problem', expectation.profiles);
  const problems: string[] = [];
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    problems.push(`the body is not JSON: ${JSON.stringify(response.text.slice(0, 80))}`);
  }
  const decoded = body === undefined ? undefined : profile.decode?.(body);
  if (body !== undefined && profile.decode && !decoded)
    problems.push(`the body is not a '${profile.name}' error`);

  // Render what errcat would send for the entry with the details the body carries.
  const context: RenderContext = decoded?.requestId === undefined ? {} : { requestId: decoded.requestId };
  // Formats without details (or with stringified ones) render from the expected details instead.
  const lossless = decoded?.details !== undefined && !decoded.stringDetails;
  const details = lossless ? (decoded?.details ?? {}) : (expectation.details ?? {});
  const expected = renderError(new CatalogError(entry, details), { profile, context });
  const expectedBody: unknown = JSON.parse(expected.body);
  const expectedDecoded = profile.decode?.(expectedBody);
  const withRequestId = profile.decode?.(
    JSON.parse(
      renderError(new CatalogError(entry, details), { profile, context: { requestId: 'probe' } }).body,
    ),
  );

  if (response.status !== expected.status)
    problems.push(`status is ${response.status}, expected ${expected.status}`);
  headerProblems(response, expected.headers, entry, expectation, problems);
  if (body !== undefined) shapeProblems(expectedBody, body, '', expectation.strict ?? false, problems);
  if (decoded && expectedDecoded) {
    if (String(decoded.code) !== String(expectedDecoded.code)) {
      problems.push(
        `code is ${JSON.stringify(decoded.code)}, expected ${JSON.stringify(expectedDecoded.code)}`,
      );
    }
    if (decoded.retryable !== undefined && decoded.retryable !== expectedDecoded.retryable) {
      problems.push(
        `retryable is ${String(decoded.retryable)}, expected ${String(expectedDecoded.retryable)}`,
      );
    }
    // A translated message, or one rendered from details a format turned into strings, has no
    // English original to compare with.
    const comparable =
      response.headers['content-language'] === undefined && (lossless || expectation.details !== undefined);
    if (comparable && decoded.message !== expectedDecoded.message) {
      problems.push(
        `message is ${JSON.stringify(decoded.message)}, expected ${JSON.stringify(expectedDecoded.message)}`,
      );
    }
    if (decoded.details !== undefined) detailsProblems(entry, decoded, expectation.details, problems);
    requestIdProblems(response, decoded, withRequestId?.requestId !== undefined, expectation, problems);
  }
  return { entry, profile, problems, decoded };
}
