import { isJsonObject, type JsonObject } from './openapi-refs.js';
import { flattenSchema, schemaAt } from './openapi-schema.js';

/**
 * How an error body of an OpenAPI response is laid out: the errcat wire profile it fits, where its
 * code is, and which members of the error object are the format's own rather than details.
 *
 * @example
 * ```ts
 * const shape: BodyShape = {
 *   profile: 'simple', codePath: ['error', 'code'], errorPath: ['error'], messageField: 'message',
 *   envelope: new Set(['code', 'message', 'details', 'requestId']), detailsField: 'details',
 * };
 * ```
 */
export interface BodyShape {
  /** The errcat profile the body fits. @default none (no profile fits) */
  readonly profile?: string;
  /** Where the code is (`[]` steps into an array's items). @default none (the body carries no code) */
  readonly codePath?: readonly string[];
  /** Where the object holding the code and message is. */
  readonly errorPath: readonly string[];
  /** The member of the error object that holds the message. @default none */
  readonly messageField?: string;
  /** The member of the error object that holds the title. @default none */
  readonly titleField?: string;
  /** Members of the error object that belong to the format, not to the entry's details. */
  readonly envelope: ReadonlySet<string>;
  /** A member whose own members are details (`details`, JSON:API `meta`). @default none */
  readonly detailsField?: string;
  /** Why the profile is a guess, for the draft's notes. @default none (the shape is the profile's) */
  readonly unsure?: string;
}

/** Members every format may carry that are never an entry's details. */
const COMMON = ['retryable', 'requestId', 'request_id'];

function envelope(...names: string[]): ReadonlySet<string> {
  return new Set([...COMMON, ...names]);
}

/**
 * The values at a path of a JSON value, stepping into every item of an array at `[]`.
 *
 * @example
 * ```ts
 * valuesAt({ errors: [{ code: 'A' }, { code: 'B' }] }, ['errors', '[]', 'code']); // ['A', 'B']
 * ```
 */
export function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  let current = [value];
  for (const segment of path) {
    const next: unknown[] = [];
    for (const node of current) {
      if (segment === '[]') {
        if (Array.isArray(node)) next.push(...node);
      } else if (isJsonObject(node) && Object.hasOwn(node, segment)) next.push(node[segment]);
    }
    current = next;
  }
  return current;
}

/**
 * Recognises the layout of an error body from its schema, its examples and its media type:
 * problem+json (`type`/`title`/`status`/`detail`), JSON:API (`errors[]`), rstmdb's envelope,
 * google.rpc.Status, Resonate's legacy and current envelopes, `{error:{code,message}}` (simple),
 * `{error, message}` and OAuth's `{error, error_description}` (simple-flat) and a bare
 * `{code, message}`.
 *
 * @example
 * ```ts
 * bodyShape(document, errorSchema, [{ error: { code: 'NOT_FOUND', message: 'No index' } }], 'application/json');
 * // { profile: 'simple', codePath: ['error', 'code'], … }
 * ```
 */
export function bodyShape(
  document: JsonObject,
  schema: unknown,
  examples: readonly unknown[],
  mediaType: string,
): BodyShape {
  const names = (path: readonly string[]): Set<string> => {
    const found = new Set(flattenSchema(document, schemaAt(document, schema, path)).properties.keys());
    for (const example of examples) {
      for (const value of valuesAt(example, path))
        if (isJsonObject(value)) for (const key in value) found.add(key);
    }
    return found;
  };
  const root = names([]);
  const problemMembers = ['type', 'title', 'status', 'detail'].filter((name) => root.has(name)).length;
  if (
    mediaType.includes('problem+json') ||
    (problemMembers >= 2 && (root.has('detail') || root.has('title')))
  ) {
    return {
      profile: 'problem',
      codePath: [root.has('code') ? 'code' : 'type'],
      errorPath: [],
      messageField: 'detail',
      titleField: 'title',
      envelope: envelope('type', 'title', 'status', 'detail', 'instance', 'code', 'details'),
      detailsField: 'details',
    };
  }
  const item = names(['errors', '[]']);
  if (['code', 'status', 'title', 'detail'].some((name) => item.has(name))) {
    return {
      profile: 'jsonapi',
      ...(item.has('code') ? { codePath: ['errors', '[]', 'code'] } : {}),
      errorPath: ['errors', '[]'],
      messageField: 'detail',
      titleField: 'title',
      envelope: envelope('id', 'links', 'status', 'code', 'title', 'detail', 'source', 'meta', 'details'),
      detailsField: 'meta',
    };
  }
  const error = names(['error']);
  if (error.size > 0) return nestedShape(root, error, names(['error', 'details', '[]']), examples);
  if (root.has('error')) {
    const oauth = root.has('error_description');
    return {
      profile: 'simple-flat',
      codePath: ['error'],
      errorPath: [],
      messageField: oauth ? 'error_description' : 'message',
      envelope: envelope('error', 'error_description', 'error_uri', 'message', 'code', 'details'),
      detailsField: 'details',
      ...(oauth
        ? { unsure: "an OAuth-style {error, error_description} body: 'simple-flat' is the nearest profile" }
        : {}),
    };
  }
  if (root.has('kind') && root.has('head') && root.has('data')) {
    return { profile: 'resonate', errorPath: [], envelope: envelope('kind', 'head', 'data') };
  }
  if (root.has('code')) {
    return {
      profile: 'simple-flat',
      codePath: ['code'],
      errorPath: [],
      messageField: 'message',
      envelope: envelope('code', 'message', 'details'),
      detailsField: 'details',
      unsure: "a bare {code, message} body: no profile renders it as is; 'simple-flat' is the nearest",
    };
  }
  return { errorPath: [], envelope: envelope('message', 'details'), messageField: 'message' };
}

/** A body whose `error` object holds the code, the message and (for some) the details. */
function errorObject(
  profile: string,
  extra: Partial<BodyShape> = {},
  codePath: readonly string[] | undefined = ['error', 'code'],
): BodyShape {
  return {
    profile,
    ...(codePath === undefined ? {} : { codePath }),
    errorPath: ['error'],
    messageField: 'message',
    envelope: envelope('code', 'message', 'details'),
    ...extra,
  };
}

/** The shapes with an `error` object: rstmdb, google, Resonate legacy and simple. */
function nestedShape(
  root: ReadonlySet<string>,
  error: ReadonlySet<string>,
  detailItem: ReadonlySet<string>,
  examples: readonly unknown[],
): BodyShape {
  if (root.has('type') && root.has('id') && root.has('status')) {
    return errorObject('rstmdb', { detailsField: 'details' });
  }
  if (error.has('status') && error.has('code')) {
    const reason = detailItem.has('reason');
    return errorObject('google', {
      codePath: reason ? ['error', 'details', '[]', 'reason'] : ['error', 'status'],
      envelope: envelope('code', 'message', 'status', 'details'),
      ...(reason
        ? {}
        : { unsure: 'google.rpc.Status bodies without an ErrorInfo reason: the code is the status name' }),
    });
  }
  const legacy = examples.some((example) =>
    valuesAt(example, ['error', 'code']).some(
      (code) => typeof code === 'number' && code >= 1000 && code <= 9999,
    ),
  );
  if (legacy && detailItem.size > 0) return errorObject('resonate-legacy');
  const beside = [...root].filter((name) => name !== 'error');
  return errorObject(
    'simple',
    {
      detailsField: 'details',
      ...(beside.length > 0
        ? { unsure: `members beside 'error' (${beside.join(', ')}) that 'simple' does not send` }
        : {}),
    },
    error.has('code') ? ['error', 'code'] : undefined,
  );
}
