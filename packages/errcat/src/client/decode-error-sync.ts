import { headerReader } from '../http/header-reader.js';
import type { HeadersLike } from '../http/headers-like.js';
import { isReasonPhrase, statusPhrase } from '../http/status-names.js';
import { jsonTextDeeperThan } from '../internal/json-depth.js';
import {
  clip,
  codeValue,
  docsUrl,
  firstNonSpace,
  isObject,
  plainCopy,
  requestIdValue,
  statusValue,
} from '../internal/json-fields.js';
import { RETRYABLE_STATUSES } from '../internal/resolve-entry.js';
import { looksLikeCode, serverCode } from '../internal/server-code.js';
import type { DecodedError, RemoteViolation } from '../render/decoded-error.js';
import type { WireProfile } from '../render/wire-profile.js';
import { violationsFrom } from '../render/wire-violations.js';
import type { AnyCatalog, DecodeOptions, DecodeResult, NotAnError } from './decode-types.js';
import { catalogDetails } from './internal/catalog-details.js';
import { type HeaderDelays, headerDelays } from './internal/header-delay.js';
import { CHALLENGE_HEADER, HeaderGroup, headerGroups } from './internal/header-groups.js';
import { headerCode, headerRequestId } from './internal/header-ids.js';
import { codeRetryKind, serverSaysRetry } from './internal/retry-hints.js';
import { recognize } from './internal/shapes/recognize.js';
import { bearerError } from './internal/www-authenticate.js';
import { RemoteCatalogError } from './remote-catalog-error.js';
import { RemoteError } from './remote-error.js';

/**
 * The default bound on the body bytes read and characters decoded: 1 MiB.
 *
 * @example
 * ```ts
 * await decodeError(response, { maxBytes: DEFAULT_MAX_BYTES / 16 }); // read at most 64 KiB
 * ```
 */
export const DEFAULT_MAX_BYTES = 1_048_576;

const THROTTLING_CODE = /throttl|rate.?limit|too.?many|resource.?exhausted|slow.?down/i;
/** The length of the shortest code that {@link THROTTLING_CODE} matches (`throttl`, `toomany`). */
const SHORTEST_THROTTLING_CODE = 7;
/** A response without rate-limit or retry headers: nothing to wait for. */
const NO_DELAYS: HeaderDelays = {
  retryAfter: undefined,
  rateLimit: undefined,
  legacy: undefined,
  exhausted: false,
};

/** The violations of an error whose body states none: one frozen empty list for all. */
const NO_VIOLATIONS: readonly RemoteViolation[] = Object.freeze([]);

/** The details of an error whose body states none: one frozen null-prototype object for all. */
const NO_DETAILS: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null));

/** The options of a call that gives none: one object for every such call. */
const NO_OPTIONS: DecodeOptions<never> = Object.freeze({});

/**
 * The body's text, at most `maxBytes` of it (`''` for no body), or `undefined` for a value the
 * caller passed already parsed (axios, ofetch).
 */
function bodyText(body: unknown, maxBytes: number): string | undefined {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body.length > maxBytes ? body.slice(0, maxBytes) : body;
  if (!(body instanceof ArrayBuffer || ArrayBuffer.isView(body))) return undefined;
  const bytes =
    body instanceof ArrayBuffer
      ? new Uint8Array(body, 0, Math.min(body.byteLength, maxBytes))
      : new Uint8Array(body.buffer, body.byteOffset, Math.min(body.byteLength, maxBytes));
  // Invalid UTF-8 becomes U+FFFD; a cut multi-byte sequence at the end does too.
  return new TextDecoder().decode(bytes);
}

/** Bodies longer than this are checked for nesting before JSON.parse sees them. */
const DEPTH_CHECK_LENGTH = 16 * 1024;
/** Deeper JSON is refused: no error body nests this far, and V8 parses deep nesting in super-linear time. */
const MAX_DEPTH = 256;

/** Parses JSON when the text looks like it; `undefined` (never an exception) otherwise. */
function parseJson(text: string, contentType: string): unknown {
  const start = firstNonSpace(text);
  if (start !== '{' && start !== '[' && !(contentType.includes('json') && start !== undefined))
    return undefined;
  if (text.length > DEPTH_CHECK_LENGTH && jsonTextDeeperThan(text, MAX_DEPTH)) return undefined;
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return undefined;
  }
}

/** Facts from the user's own profiles, tried first. */
function customFacts(profiles: readonly WireProfile[], value: unknown): DecodedError | undefined {
  for (const profile of profiles) {
    const decoded = profile.decode?.(value);
    if (decoded === undefined) continue;
    // A profile of the user's gives the same facts as errcat's; each is checked as the wire's are.
    const retryAfter = decoded.retryAfter;
    return {
      format: typeof decoded.format === 'string' ? decoded.format : profile.name,
      code: codeValue(decoded.code),
      altCodes: Array.isArray(decoded.altCodes)
        ? decoded.altCodes.map(codeValue).filter((code) => code !== undefined)
        : undefined,
      message: typeof decoded.message === 'string' ? clip(decoded.message) : undefined,
      summary: typeof decoded.summary === 'string' ? clip(decoded.summary) : undefined,
      status: statusValue(decoded.status),
      retryable: typeof decoded.retryable === 'boolean' ? decoded.retryable : undefined,
      throttling: typeof decoded.throttling === 'boolean' ? decoded.throttling : undefined,
      retryAfter:
        typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0
          ? retryAfter
          : undefined,
      requestId: requestIdValue(decoded.requestId),
      docs: docsUrl(decoded.docs),
      violations: violationsFrom(decoded.violations),
      details: isObject(decoded.details) ? decoded.details : undefined,
      stringDetails: decoded.stringDetails === true,
    };
  }
  return undefined;
}

function validStatus(status: unknown): number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599
    ? status
    : 0;
}

/**
 * A 2xx body that still reports an error: GraphQL's `{errors: [{message…}]}` and Slack's
 * `{ok: false, error}`. Other 2xx bodies are successes.
 */
function errorInSuccess(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.ok === false && typeof value.error === 'string') return true;
  const errors = value.errors;
  return (
    Array.isArray(errors) && errors.length > 0 && isObject(errors[0]) && typeof errors[0].message === 'string'
  );
}

/** The server's code for the response: the body's, else a code header's, else the challenge's. */
function codeOf(
  wire: DecodedError,
  header: string | number | undefined,
  challenge: string | undefined,
  status: number,
) {
  // boom puts its message in the challenge (`error="Bad token"`): only a code-like value is a code.
  const challengeCode = looksLikeCode(challenge) ? challenge : undefined;
  return serverCode(wire.code, status) ?? serverCode(header, status) ?? challengeCode;
}

function decode<C extends AnyCatalog | undefined>(
  status: number | undefined,
  headers: HeadersLike | undefined,
  body: unknown,
  options: DecodeOptions<C>,
): DecodeResult<C> {
  const given = validStatus(status);
  const success = given !== 0 && given < 400;
  if (success && (given >= 300 || body === undefined || body === null || body === ''))
    return { ok: true, status: given };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const read = headerReader(headers);
  const contentType = (read.get('content-type') ?? '').toLowerCase();
  const asText = bodyText(body, maxBytes);
  const text = asText ?? '';
  const value = asText === undefined ? body : parseJson(text, contentType);
  if (success && !errorInSuccess(value)) return { ok: true, status: given } satisfies NotAnError;
  const raw = value ?? (text === '' ? undefined : text);
  const wire =
    (options.profiles && value !== undefined ? customFacts(options.profiles, value) : undefined) ??
    recognize(value, text, contentType);
  const httpStatus = given !== 0 ? given : (wire.status ?? 0) >= 400 ? (wire.status as number) : 0;
  const groups = headerGroups(read);
  const delays = groups & HeaderGroup.delay ? headerDelays(read, httpStatus, options.now) : NO_DELAYS;
  const bodyDelay = wire.retryAfter !== undefined && wire.retryAfter >= 0 ? wire.retryAfter : undefined;
  const retryAfter = delays.retryAfter ?? delays.rateLimit ?? bodyDelay ?? delays.legacy;
  const requestId = wire.requestId ?? (groups & HeaderGroup.requestId ? headerRequestId(read) : undefined);
  const violations = wire.violations ?? NO_VIOLATIONS;
  const fromHeader = groups & HeaderGroup.code ? headerCode(read) : undefined;
  const challenge =
    groups & HeaderGroup.challenge && httpStatus >= 400 && httpStatus < 500
      ? bearerError(read.get(CHALLENGE_HEADER))
      : undefined;
  const catalog = options.catalog;
  if (catalog) {
    for (const candidate of [wire.code, ...(wire.altCodes ?? []), fromHeader, challenge?.error]) {
      const entry = candidate === undefined ? undefined : catalog.entry(candidate);
      if (entry === undefined) continue;
      const details = catalogDetails(entry, wire.details, wire.stringDetails === true, violations);
      return new RemoteCatalogError(entry, details, {
        httpStatus,
        message: wire.message,
        retryAfter,
        requestId,
        violations,
        raw,
        format: wire.format ?? 'json',
      }) as DecodeResult<C>;
    }
  }
  const code = codeOf(wire, fromHeader, challenge?.error, httpStatus) ?? null;
  const kind = codeRetryKind(code ?? undefined);
  // GitHub answers an exhausted quota with 403 and `x-ratelimit-remaining: 0`: a throttle.
  const exhausted = delays.exhausted && (httpStatus === 403 || httpStatus === 429);
  const throttling =
    wire.throttling ??
    (httpStatus === 429 ||
      exhausted ||
      kind === 'throttling' ||
      (code !== null && code.length >= SHORTEST_THROTTLING_CODE && THROTTLING_CODE.test(code)));
  const details = wire.details === undefined ? undefined : plainCopy(wire.details);
  return new RemoteError({
    httpStatus,
    code,
    // A challenge's description says more than a body whose message is the status phrase.
    message:
      (challenge?.description !== undefined && (wire.message === undefined || isReasonPhrase(wire.message))
        ? challenge.description
        : undefined) ??
      wire.message ??
      wire.summary ??
      (success && code !== null ? code : statusPhrase(httpStatus)),
    retryable:
      (groups & HeaderGroup.shouldRetry ? serverSaysRetry(read) : undefined) ??
      wire.retryable ??
      (exhausted || kind !== undefined || (!success && RETRYABLE_STATUSES.has(httpStatus))),
    throttling,
    notApplied: false,
    retryAfter,
    requestId,
    docs: wire.docs ?? docsUrl(challenge?.uri),
    violations,
    details: isObject(details) ? details : NO_DETAILS,
    raw,
    format: wire.format ?? 'json',
  }) as DecodeResult<C>;
}

/**
 * Decodes an error response from its parts, synchronously: the status, the headers (any container:
 * `Headers`, a plain object, axios' headers) and the body (text, bytes, or a value some client
 * already parsed, as axios and ofetch do). It never throws, whatever the input: a body it cannot
 * read still yields an error built from the status and headers.
 *
 * A 1xx–3xx status gives {@link NotAnError}. An `undefined` status is taken from the body when it
 * names one (a problem's `status`, google's `code`…), else reported as `0`.
 *
 * @example
 * ```ts
 * const error = decodeErrorSync(503, { 'retry-after': '2' }, '<html><h1>503 Service Unavailable</h1></html>');
 * if (!error.ok) console.log(error.retryable, error.retryAfter); // true 2
 *
 * // axios: decode in a response interceptor
 * axios.interceptors.response.use(undefined, (e) => {
 *   throw e.response ? decodeErrorSync(e.response.status, e.response.headers, e.response.data, { catalog }) : e;
 * });
 * ```
 */
export function decodeErrorSync<C extends AnyCatalog | undefined = undefined>(
  status: number | undefined,
  headers: HeadersLike | undefined,
  body: unknown,
  options: DecodeOptions<C> = NO_OPTIONS,
): DecodeResult<C> {
  try {
    return decode(status, headers, body, options);
  } catch {
    // Only a hostile container (a getter or Proxy that throws) gets here: answer from the status.
    const httpStatus = validStatus(status);
    if (httpStatus !== 0 && httpStatus < 400) return { ok: true, status: httpStatus };
    return new RemoteError({
      httpStatus,
      code: null,
      message: statusPhrase(httpStatus),
      retryable: RETRYABLE_STATUSES.has(httpStatus),
      throttling: httpStatus === 429,
      notApplied: false,
      retryAfter: undefined,
      requestId: undefined,
      docs: undefined,
      violations: [],
      details: Object.create(null),
      raw: undefined,
      format: 'empty',
    }) as DecodeResult<C>;
  }
}
