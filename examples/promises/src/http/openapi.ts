import { mergeOpenApi, type OpenApiDocument } from '@errcat/cli';
import type { WireProfile } from 'errcat';
import { z } from 'zod';
import type { PromisesCatalog } from '../catalog/promises-catalog.js';
import type { Route } from './router.js';
import type { RouteHandler } from './routes.js';

/** A `$ref` to a schema of the document's components. */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The records the service answers with, as JSON Schema. */
const RECORD_SCHEMAS = {
  Promise: {
    type: 'object',
    required: ['id', 'state', 'param', 'value', 'timeout', 'tags', 'createdOn'],
    properties: {
      id: { type: 'string' },
      state: { enum: ['PENDING', 'RESOLVED', 'REJECTED', 'REJECTED_CANCELED', 'REJECTED_TIMEDOUT'] },
      param: { description: 'The input of the work, any JSON value.' },
      value: { description: 'The result or the reason of a rejection, any JSON value; null while pending.' },
      timeout: { type: 'integer', description: 'When the promise times out, in epoch milliseconds.' },
      tags: { type: 'object', additionalProperties: { type: 'string' } },
      createdOn: { type: 'integer' },
      completedOn: { type: 'integer' },
    },
  },
  PromisePage: {
    type: 'object',
    required: ['promises'],
    properties: {
      promises: { type: 'array', items: ref('Promise') },
      cursor: {
        type: 'string',
        description: 'Pass it as `cursor` for the next page; absent on the last one.',
      },
    },
  },
  Subscription: {
    type: 'object',
    required: ['id', 'promiseId', 'url', 'createdOn'],
    properties: {
      id: { type: 'string' },
      promiseId: { type: 'string' },
      url: { type: 'string', format: 'uri' },
      createdOn: { type: 'integer' },
    },
  },
  Task: {
    type: 'object',
    required: ['id', 'state', 'counter', 'createdOn'],
    properties: {
      id: { type: 'string', description: 'The id of the task’s promise.' },
      state: { enum: ['pending', 'claimed', 'completed'] },
      counter: { type: 'integer', minimum: 1 },
      processId: { type: 'string' },
      expiresAt: { type: 'integer' },
      createdOn: { type: 'integer' },
      completedOn: { type: 'integer' },
    },
  },
  ClaimedTask: {
    type: 'object',
    required: ['task', 'promise'],
    properties: { task: ref('Task'), promise: ref('Promise') },
  },
} as const;

/** What each operation answers on success: status, description and body schema. */
const SUCCESS: Readonly<Record<string, readonly [string, string, string | undefined]>> = {
  createPromise: ['201', 'The promise was created (or, with the same Idempotency-Key, replayed).', 'Promise'],
  searchPromises: ['200', 'A page of promises.', 'PromisePage'],
  getPromise: ['200', 'The promise.', 'Promise'],
  resolvePromise: ['200', 'The resolved promise.', 'Promise'],
  rejectPromise: ['200', 'The rejected promise.', 'Promise'],
  cancelPromise: ['200', 'The canceled promise.', 'Promise'],
  createSubscription: ['201', 'The subscription (200 when it already existed).', 'Subscription'],
  getSubscription: ['200', 'The subscription.', 'Subscription'],
  deleteSubscription: ['204', 'The subscription was removed.', undefined],
  getTask: ['200', 'The task.', 'Task'],
  claimTask: ['200', 'The claimed task and its promise.', 'ClaimedTask'],
  completeTask: ['200', 'The completed task.', 'Task'],
};

/** A Zod schema as an inline JSON Schema of what clients send. */
function jsonSchema(schema: unknown): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema as z.ZodType, { io: 'input' });
  return rest;
}

/** The `parameters` of an operation: its path parameters, then its query parameters. */
function parameters(route: Route<RouteHandler>): unknown[] {
  const { params, query } = route.handler.parts;
  const list = (where: 'path' | 'query', schema: unknown) => {
    const object = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
    return Object.entries(object.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      schema: property,
    }));
  };
  return [...(params ? list('path', params) : []), ...(query ? list('query', query) : [])];
}

/**
 * A success response's body in a profile whose every response is one envelope (`resonate`:
 * `{kind, head: {corrId, status, version}, data}`): a 204 becomes a 200 whose data is `{}`.
 */
function envelopeResponse(route: Route<RouteHandler>, status: string, schema: string | undefined) {
  const sent = status === '204' ? '200' : status;
  const head = {
    type: 'object',
    required: ['corrId', 'status', 'version'],
    properties: { corrId: { type: 'string' }, status: { const: Number(sent) }, version: { type: 'string' } },
  };
  const data = schema === undefined ? { type: 'object', maxProperties: 0 } : ref(schema);
  const body = {
    type: 'object',
    required: ['kind', 'head', 'data'],
    properties: { kind: { const: route.kind }, head, data },
  };
  return [sent, body] as const;
}

/** One operation of the document, without its error responses (the merge adds them). */
function operation(route: Route<RouteHandler>, profile: WireProfile): Record<string, unknown> {
  const success = SUCCESS[route.operationId];
  if (success === undefined) throw new Error(`no success response documented for ${route.operationId}`);
  const [documented, description, schema] = success;
  const [status, answer] =
    profile.success === undefined
      ? [documented, schema === undefined ? undefined : ref(schema)]
      : envelopeResponse(route, documented, schema);
  const { body } = route.handler.parts;
  const parameterList = parameters(route);
  return {
    operationId: route.operationId,
    tags: [route.path.split('/')[1] as string, ...(route.handler.tags ?? [])],
    security: [{ bearer: [route.handler.scope] }],
    ...(parameterList.length > 0 ? { parameters: parameterList } : {}),
    ...(body
      ? {
          requestBody: {
            // A body schema that accepts no body (a default) makes the body optional.
            required: !(body as z.ZodType).safeParse(undefined).success,
            content: { 'application/json': { schema: jsonSchema(body) } },
          },
        }
      : {}),
    responses: {
      [status]: {
        description,
        ...(answer ? { content: { 'application/json': { schema: answer } } } : {}),
      },
    },
  };
}

/**
 * The OpenAPI 3.1 document of the promises service: every route with its parameters and request
 * body (from the same Zod schemas that validate them), its success response and bearer scope; then
 * errcat's `mergeOpenApi` adds the catalog's error components and attaches each operation's error
 * responses, rendered in the service's wire profile, from the catalog's `x-openapi` map.
 *
 * @example
 * ```ts
 * const document = serviceOpenApi(routes, catalog, profile, 'http://127.0.0.1:3000');
 * ```
 */
export function serviceOpenApi(
  routes: readonly Route<RouteHandler>[],
  catalog: PromisesCatalog,
  profile: WireProfile,
  url: string,
): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route, profile) };
  }
  const { document } = mergeOpenApi(
    {
      openapi: '3.1.0',
      info: {
        title: 'errcat promises service',
        version: '1.0.0',
        description:
          'Durable promises, subscriptions and tasks. Every error is an entry of the service’s catalog ' +
          `(${catalog.domain}), rendered in the \`${profile.name}\` wire profile; the error dictionary is at /errors.`,
      },
      servers: [{ url }],
      paths,
      components: {
        schemas: RECORD_SCHEMAS,
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    catalog,
    { profile },
  );
  return document;
}
