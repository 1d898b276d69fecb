import { isObject, type JsonObject } from '../../../internal/json-fields.js';
import { decodeGoogle } from '../../../profiles/google-decode.js';
import { decodeJsonApi } from '../../../profiles/jsonapi-decode.js';
import { decodeResonate } from '../../../profiles/resonate-decode.js';
import { decodeResonateLegacy } from '../../../profiles/resonate-legacy-decode.js';
import { decodeRstmdb } from '../../../profiles/rstmdb-decode.js';
import { decodeSimple, decodeSimpleFlat } from '../../../profiles/simple-decode.js';
import type { DecodedError } from '../../../render/decoded-error.js';
import { decodeProblem } from '../../../render/problem-decode.js';
import { kubernetesShape } from './kubernetes.js';

/**
 * A JSON error format: its decoder, and the member a body must have for the decoder to read it.
 * The decoder is not called for a body without that member (a test holds each decoder to
 * answering `undefined` for such bodies), so most bodies meet two or three decoders, not nine.
 *
 * @example
 * ```ts
 * const format: JsonFormat = { has: (body) => body.kind === 'Status', decode: kubernetesShape };
 * ```
 */
export interface JsonFormat {
  /** True when `body` has the member that the format cannot do without. */
  readonly has: (body: JsonObject) => boolean;
  /** Reads the format's facts, or `undefined` when the body is not in the format after all. */
  readonly decode: (body: JsonObject, contentType: string) => DecodedError | undefined;
}

const hasErrorObject = (body: JsonObject): boolean => isObject(body.error);

/**
 * The JSON formats in the order they are tried: errcat's own, each read by its profile's
 * decoder, then Kubernetes' `Status`. Bodies that none of them reads go to the shapes of other
 * servers (errors arrays, flat messages).
 *
 * @example
 * ```ts
 * const facts = JSON_FORMATS.find((format) => format.has(body))?.decode(body, contentType);
 * ```
 */
export const JSON_FORMATS: readonly JsonFormat[] = [
  { has: (body) => body.head !== undefined, decode: decodeResonate },
  { has: (body) => body.type === 'response', decode: decodeRstmdb },
  { has: hasErrorObject, decode: decodeGoogle },
  { has: hasErrorObject, decode: decodeResonateLegacy },
  { has: hasErrorObject, decode: decodeSimple },
  { has: (body) => body.type !== undefined || body.title !== undefined, decode: decodeProblem },
  { has: (body) => Array.isArray(body.errors), decode: decodeJsonApi },
  { has: (body) => body.error !== undefined, decode: decodeSimpleFlat },
  { has: (body) => body.kind === 'Status', decode: kubernetesShape },
];
