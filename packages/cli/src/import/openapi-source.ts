import { extname } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { errcatErrors } from 'errcat';
import { parseDataText } from '../internal/parse-data-text.js';
import { HTTP_METHODS } from '../openapi/operation-selectors.js';
import { statusFromCode, statusFromWords } from './code-status.js';
import type { ImportDraft, ImportedEntry, ImportedField } from './import-draft.js';
import { type BodyShape, bodyShape, valuesAt } from './openapi-body-shape.js';
import { isJsonObject, type JsonObject, resolveRef } from './openapi-refs.js';
import { rpcCodeStatus } from './openapi-rpc-codes.js';
import { flattenSchema, importedField, schemaAt } from './openapi-schema.js';
import { settleMessage } from './responses-details.js';
import { byCode, mostCommon } from './responses-order.js';
import type { MessageSample } from './responses-template.js';
import { retryFromProse } from './retry-phrase.js';

/** Larger documents are refused: the biggest public API descriptions stay well below. */
const MAX_DOCUMENT = 16 * 1024 * 1024;

/** Past this many codes, one error body's are not read (an enum that long is not a code list). */
const MAX_CODES = 1000;
/** Past this many codes of responses in all, the rest of the document is not read. */
const MAX_SIGHTINGS = 100_000;

/** Made on first use and kept: it compiles the OpenAPI meta-schemas once. */
let validator: Validator | undefined;

/** One response of one operation that may carry a code: what the import saw there. */
interface Sighting {
  readonly code: string | number | undefined;
  /** The response's key: `404`, `4XX` or `default`. */
  readonly statusKey: string;
  readonly operation: string;
  readonly description: string | undefined;
  /** The code is in an example of this very response, not only in a (shared) schema. */
  readonly exemplified: boolean;
  /** The statuses the example bodies with this code state (a `status` member). */
  readonly stated: readonly number[];
  /** The code is the only one this response can carry. */
  readonly sole: boolean;
  readonly samples: readonly MessageSample[];
  readonly titles: readonly string[];
  readonly fields: Record<string, ImportedField>;
  readonly shape: BodyShape;
  /** The code is the last segment of a problem `type` URI. */
  readonly fromType: boolean;
}

function fail(source: string, reason: string): Error {
  return errcatErrors.ERRCAT_IMPORT_FAILED({ source, reason: reason.split('\n')[0] ?? reason });
}

/** The first problem the validator reports, on one line. */
function firstProblem(errors: unknown): string {
  if (typeof errors === 'string') return errors;
  const [first] = Array.isArray(errors) ? errors : [];
  if (!isJsonObject(first)) return 'the document does not validate';
  const at = typeof first.instancePath === 'string' && first.instancePath !== '' ? first.instancePath : '/';
  const params = isJsonObject(first.params) ? first.params : {};
  const extra = typeof params.additionalProperty === 'string' ? ` ('${params.additionalProperty}')` : '';
  return `${at} ${String(first.message ?? 'is invalid')}${extra}`;
}

const ERROR_KEY = /^(?:[45]\d\d|[45]XX|default)$/i;

/** The codes an error body can carry: from its code field's enum/const and from its examples. */
function codesOf(document: JsonObject, schema: unknown, examples: readonly unknown[], shape: BodyShape) {
  const enumerated: (string | number)[] = [];
  const exemplified: (string | number)[] = [];
  const { codePath } = shape;
  if (codePath === undefined) return { enumerated, exemplified };
  const field = flattenSchema(document, schemaAt(document, schema, codePath));
  const asCode = (value: unknown) =>
    typeof value === 'string' && value !== '' && value !== 'about:blank'
      ? value
      : typeof value === 'number' && Number.isFinite(value)
        ? value
        : undefined;
  for (const value of field.values) {
    const code = asCode(value);
    if (code !== undefined) enumerated.push(code);
  }
  for (const example of examples) {
    for (const value of valuesAt(example, codePath)) {
      const code = asCode(value);
      if (code !== undefined) exemplified.push(code);
    }
  }
  return { enumerated, exemplified };
}

/** A problem `type` URI's last segment (`https://example.com/probs/out-of-credit` → `out-of-credit`). */
function typeCode(code: string | number, fromType: boolean): string | number {
  if (!fromType || typeof code !== 'string') return code;
  return (
    code
      .replace(/[#/?]+$/, '')
      .split(/[#/]/)
      .pop() || code
  );
}

/** The example bodies of a Media Type Object: `example` and `examples` (resolved). */
function mediaExamples(document: JsonObject, media: JsonObject): unknown[] {
  const found: unknown[] = [];
  if (Object.hasOwn(media, 'example')) found.push(media.example);
  if (isJsonObject(media.examples)) {
    for (const example of Object.values(media.examples)) {
      const resolved = resolveRef(document, example);
      if (isJsonObject(resolved) && Object.hasOwn(resolved, 'value')) found.push(resolved.value);
    }
  }
  return found;
}

/** The HTTP status an example body states (problem and JSON:API `status`, google `error.code`). */
function statedStatus(body: unknown, shape: BodyShape): number | undefined {
  const places = [
    ['status'],
    [...shape.errorPath, 'status'],
    ...(shape.profile === 'google' ? [['error', 'code']] : []),
  ];
  for (const value of places.flatMap((path) => valuesAt(body, path))) {
    const status = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
    if (typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599)
      return status;
  }
  return undefined;
}

/** Examples of the error object given on its own schema (`error: { example: {code, message} }`). */
function wrapped(document: JsonObject, schema: unknown, errorPath: readonly string[]): unknown[] {
  if (errorPath.length === 0 || errorPath.includes('[]')) return [];
  const own = flattenSchema(document, schemaAt(document, schema, errorPath)).examples;
  return own.map((example) => errorPath.reduceRight<unknown>((inner, name) => ({ [name]: inner }), example));
}

/** The error object's members that are details, as the schema declares them. */
function schemaFields(
  document: JsonObject,
  schema: unknown,
  shape: BodyShape,
): Record<string, ImportedField> {
  const fields: Record<string, ImportedField> = {};
  const read = (at: unknown, skip: ReadonlySet<string>) => {
    const flat = flattenSchema(document, at);
    for (const [name, property] of flat.properties) {
      if (skip.has(name) || Object.hasOwn(fields, name)) continue;
      const field = importedField(flattenSchema(document, property), flat.required.has(name));
      if (field !== undefined) fields[name] = field;
    }
  };
  const error = schemaAt(document, schema, shape.errorPath);
  read(error, shape.envelope);
  if (shape.detailsField !== undefined) {
    read(schemaAt(document, error, [shape.detailsField]), new Set(['retryable', 'requestId', 'details']));
  }
  return fields;
}

/** The details an example error object carries: its non-envelope members and its details member's. */
function exampleDetails(errorObject: JsonObject, shape: BodyShape): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(errorObject))
    if (!shape.envelope.has(name)) details[name] = value;
  const nested = shape.detailsField === undefined ? undefined : errorObject[shape.detailsField];
  if (isJsonObject(nested)) {
    for (const [name, value] of Object.entries(nested)) {
      if (name !== 'retryable' && name !== 'requestId' && name !== 'details') details[name] = value;
    }
  }
  return details;
}

/** The sightings of one error response of one operation. */
function sightingsOf(
  document: JsonObject,
  response: JsonObject,
  statusKey: string,
  operation: string,
  notes: string[],
): Sighting[] {
  const description = typeof response.description === 'string' ? response.description : undefined;
  const content = isJsonObject(response.content) ? Object.entries(response.content) : [];
  // JSON bodies first: a text/html variant beside them says nothing about codes.
  const media = content.filter(([type]) => /json/i.test(type));
  const bare: Sighting = {
    code: undefined,
    statusKey,
    operation,
    description,
    exemplified: false,
    stated: [],
    sole: true,
    samples: [],
    titles: [],
    fields: {},
    shape: { errorPath: [], envelope: new Set() },
    fromType: false,
  };
  if (media.length === 0) return [bare];
  const found: Sighting[] = [];
  for (const [mediaType, node] of media) {
    const mediaObject = resolveRef(document, node);
    if (!isJsonObject(mediaObject)) continue;
    const { schema } = mediaObject;
    if (schema !== undefined && resolveRef(document, schema) === undefined) {
      notes.push(`${operation} ${statusKey}: its schema's $ref never resolves (a cycle, or another file)`);
    }
    const own = mediaExamples(document, mediaObject);
    const shared = flattenSchema(document, schema).examples;
    const shape = bodyShape(document, schema, [...own, ...shared], mediaType.toLowerCase());
    const examples = [...own, ...shared, ...wrapped(document, schema, shape.errorPath)];
    const { enumerated, exemplified } = codesOf(document, schema, examples, shape);
    const shown = new Set(codesOf(document, schema, own, shape).exemplified);
    const fields = schemaFields(document, schema, shape);
    const codes = [...new Set([...exemplified, ...enumerated])].slice(0, MAX_CODES);
    const fromType = shape.codePath?.[0] === 'type';
    const errorsIn = (bodies: readonly unknown[]) =>
      bodies.flatMap((example) => valuesAt(example, shape.errorPath)).filter(isJsonObject);
    if (codes.length === 0) {
      const errors = errorsIn(examples);
      found.push({
        ...bare,
        shape,
        fields,
        samples: samplesOf(errors, shape),
        titles: titlesOf(errors, shape),
      });
      continue;
    }
    for (const code of codes) {
      const bodies = examples.filter((body) => valuesAt(body, shape.codePath ?? []).includes(code));
      const errors = errorsIn(bodies).filter((error) => codeOfObject(error, shape) === code);
      found.push({
        code: typeCode(code, fromType),
        statusKey,
        operation,
        description,
        exemplified: shown.has(code),
        stated: bodies.flatMap((body) => statedStatus(body, shape) ?? []),
        sole: codes.length === 1,
        samples: samplesOf(errors, shape),
        titles: titlesOf(errors, shape),
        fields,
        shape,
        fromType,
      });
    }
  }
  return found.length > 0 ? found : [bare];
}

/** The code of one example error object, read at the code path's last step. */
function codeOfObject(error: JsonObject, shape: BodyShape): unknown {
  const path = shape.codePath ?? [];
  return valuesAt(error, path.slice(shape.errorPath.length))[0];
}

function samplesOf(errors: readonly JsonObject[], shape: BodyShape): MessageSample[] {
  const field = shape.messageField;
  if (field === undefined) return [];
  return errors.flatMap((error) => {
    const message = error[field];
    return typeof message === 'string' && message.trim() !== ''
      ? [{ message, details: exampleDetails(error, shape) }]
      : [];
  });
}

function titlesOf(errors: readonly JsonObject[], shape: BodyShape): string[] {
  const field = shape.titleField;
  if (field === undefined) return [];
  return errors.flatMap((error) => (typeof error[field] === 'string' ? [error[field]] : []));
}

/** Every error response of every operation. */
function allSightings(document: JsonObject, notes: string[]): Sighting[] {
  const sightings: Sighting[] = [];
  const paths = isJsonObject(document.paths) ? document.paths : {};
  for (const [path, node] of Object.entries(paths)) {
    const item = resolveRef(document, node);
    if (!isJsonObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isJsonObject(operation) || !isJsonObject(operation.responses)) continue;
      const name =
        typeof operation.operationId === 'string' ? operation.operationId : `${method.toUpperCase()} ${path}`;
      for (const [statusKey, response] of Object.entries(operation.responses)) {
        if (!ERROR_KEY.test(statusKey)) continue;
        const resolved = resolveRef(document, response);
        if (!isJsonObject(resolved)) {
          notes.push(`${name} ${statusKey}: its $ref never resolves (a cycle, or another file): not read`);
          continue;
        }
        if (sightings.length >= MAX_SIGHTINGS) {
          notes.push(`read the first ${MAX_SIGHTINGS} error responses and codes only`);
          return sightings;
        }
        sightings.push(...sightingsOf(document, resolved, statusKey, name, notes));
      }
    }
  }
  return sightings;
}

/** The status of a response key, and why it is a guess when it is one. */
function keyStatus(statusKey: string): { status: number; guess?: string } {
  if (/^\d{3}$/.test(statusKey)) return { status: Number(statusKey) };
  if (/^[45]XX$/i.test(statusKey)) {
    return {
      status: Number(statusKey[0]) * 100,
      guess: `the response covers the range ${statusKey.toUpperCase()}`,
    };
  }
  return { status: 500, guess: 'a `default` response, taken as 500' };
}

/** The status of a code found under several responses, from the firmest evidence there is. */
function codeStatus(
  code: string | number,
  sightings: readonly Sighting[],
): { status: number; guess?: string } {
  const stated = new Set(sightings.flatMap((sighting) => sighting.stated));
  if (stated.size === 1) return { status: [...stated][0] as number };
  const exact = (list: readonly Sighting[]) =>
    new Set(list.filter((sighting) => /^\d{3}$/.test(sighting.statusKey)).map((s) => Number(s.statusKey)));
  const shown = exact(sightings.filter((sighting) => sighting.exemplified));
  if (shown.size === 1) return { status: [...shown][0] as number };
  const all = exact(sightings);
  if (all.size === 1 && sightings.every((sighting) => /^\d{3}$/.test(sighting.statusKey))) {
    return { status: [...all][0] as number };
  }
  const keys = [...new Set(sightings.map((sighting) => sighting.statusKey))].sort().join(', ');
  const rpc = rpcCodeStatus(code);
  if (rpc !== undefined)
    return { status: rpc, guess: `google.rpc.Code ${code}; the responses returning it: ${keys}` };
  const fromCode = statusFromCode(code) ?? statusFromWords(String(code));
  if (fromCode !== undefined)
    return { status: fromCode, guess: `from the code; the responses returning it: ${keys}` };
  const lowest = [...all].sort((a, b) => a - b)[0];
  if (lowest !== undefined)
    return { status: lowest, guess: `the lowest of the responses returning it: ${keys}` };
  return keyStatus(sightings[0]?.statusKey ?? 'default');
}

/** One entry from the sightings of one code (or of one status, when there is no code). */
function toEntry(code: string | number | undefined, sightings: readonly Sighting[]): ImportedEntry {
  const guessed: Record<string, string> = {};
  const resolved =
    code === undefined ? keyStatus(sightings[0]?.statusKey ?? 'default') : codeStatus(code, sightings);
  if (resolved.guess !== undefined) guessed.status = resolved.guess;
  const entry: ImportedEntry = { code: code ?? resolved.status, status: resolved.status, guessed };
  if (code === undefined) guessed.code = 'the responses carry no code: the status stands for it';
  else if (sightings.some((sighting) => sighting.fromType))
    guessed.code = 'the last segment of the problem type URI';
  entry.operations = [...new Set(sightings.map((sighting) => sighting.operation))];
  const described = sightings.find(
    (sighting) => sighting.description && (sighting.sole || sighting.exemplified),
  );
  if (described?.description !== undefined) entry.description = described.description.trim();
  const title = sightings.flatMap((sighting) => sighting.titles)[0];
  if (title !== undefined) entry.title = title;
  const fields: Record<string, ImportedField> = {};
  for (const sighting of sightings) {
    for (const [name, field] of Object.entries(sighting.fields)) fields[name] ??= field;
  }
  settleMessage(
    entry,
    fields,
    sightings.flatMap((sighting) => sighting.samples),
    'example',
  );
  const retry = entry.description === undefined ? undefined : retryFromProse(entry.description);
  if (retry !== undefined) {
    entry.retryable = retry;
    guessed.retryable = 'from the description';
  }
  return entry;
}

function group(sightings: readonly Sighting[]): ImportedEntry[] {
  const groups = new Map<string, { code: string | number | undefined; sightings: Sighting[] }>();
  for (const sighting of sightings) {
    // A body without a code stands for its status: with a numeric code equal to it, one entry.
    const code = sighting.code ?? keyStatus(sighting.statusKey).status;
    const key = `${typeof code}:${code}`;
    const found = groups.get(key) ?? { code: undefined, sightings: [] };
    found.code ??= sighting.code;
    found.sightings.push(sighting);
    groups.set(key, found);
  }
  return [...groups.values()].map((found) => toEntry(found.code, found.sightings)).sort(byCode);
}

/**
 * Reads an OpenAPI 3.0 or 3.1 document (YAML or JSON) into an import draft: one entry per distinct
 * error code its error responses (`4xx`, `5xx`, `4XX` ranges, `default`) can carry, from the code
 * field's `enum`/`const` and from the examples, or one per status when the bodies carry no code.
 * Each entry lists the operations returning it, its details fields (the schema's members beside
 * the format's own), the response's description and, from examples, a message template; the
 * draft's profile is the one the bodies fit. Every guess is in the entry's `guessed`, every doubt
 * in the draft's notes. Async because the validator is.
 *
 * Throws `ERRCAT_IMPORT_FAILED` with a one-line reason for text that is not YAML or JSON, is not an
 * OpenAPI 3.x document or does not validate.
 *
 * @example
 * ```ts
 * const draft = await importOpenApi(await readFile('openapi.yaml', 'utf8'), 'openapi.yaml');
 * draft.entries.map((entry) => entry.code); // ['INVALID_ARGUMENT', 'NOT_FOUND', …]
 * ```
 */
export async function importOpenApi(text: string, fileName: string): Promise<ImportDraft> {
  if (text.length > MAX_DOCUMENT) throw fail(fileName, `larger than ${MAX_DOCUMENT / 1024 / 1024} MiB`);
  const extension = extname(fileName).toLowerCase();
  const parsed = parseDataText(text, extension === '.json' ? '.json' : '.yaml');
  if (!parsed.ok) throw fail(fileName, parsed.reason);
  const document = parsed.value;
  if (
    !isJsonObject(document) ||
    typeof document.openapi !== 'string' ||
    !/^3\.[01]\./.test(document.openapi)
  ) {
    throw fail(fileName, 'not an OpenAPI 3.0 or 3.1 document (no `openapi: 3.0.x` or `3.1.x`)');
  }
  validator ??= new Validator();
  const result = await validator.validate(document);
  if (!result.valid) throw fail(fileName, firstProblem(result.errors));
  const notes: string[] = [];
  const sightings = allSightings(document, notes);
  const entries = group(sightings).filter((entry) => {
    const error = (entry.status ?? 500) >= 400;
    if (!error)
      notes.push(`the code field lists '${entry.code}', which is no error (${entry.status}): left out`);
    return error;
  });
  const shaped = sightings.filter((sighting) => sighting.shape.profile !== undefined);
  const profile = mostCommon(shaped.map((sighting) => sighting.shape.profile as string));
  const profiles = new Set(shaped.map((sighting) => sighting.shape.profile));
  if (profiles.size > 1)
    notes.push(
      `error bodies fit several profiles (${[...profiles].sort().join(', ')}); '${profile}' fits most`,
    );
  for (const unsure of new Set(shaped.map((sighting) => sighting.shape.unsure)))
    if (unsure) notes.push(unsure);
  if (sightings.length === 0)
    notes.push('no operation declares an error response (4xx, 5xx, 4XX or default)');
  else if (sightings.every((sighting) => sighting.code === undefined)) {
    notes.push(
      'no error body declares codes (an enum, a const or examples of its code field): one entry per status',
    );
  }
  const info = isJsonObject(document.info) ? document.info : {};
  return {
    ...(typeof info.title === 'string' ? { name: info.title } : {}),
    ...(profile === undefined ? {} : { profile }),
    categories: [],
    entries,
    notes,
  };
}
