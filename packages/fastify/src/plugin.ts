import {
  type BaseRole,
  createErrorResponder,
  type ErrorMapper,
  type ErrorResponderOptions,
  type ErrorResponse,
  type RequestFacts,
  roleError,
} from 'errcat';
import { roleForStatus } from 'errcat/adapter';
import { validationFailed, violationsFromJsonSchema } from 'errcat/validation';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Options of {@link errcat}: the server core's, with Fastify's request logger as the default logger.
 *
 * @example
 * ```ts
 * const options: ErrcatOptions = { catalog, profiles: ['google'] };
 * ```
 */
export interface ErrcatOptions extends ErrorResponderOptions {}

/** Fastify's own error codes that errcat answers with a specific role. */
const ROLE_BY_CODE: ReadonlyMap<string, BaseRole> = new Map<string, BaseRole>([
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'UNSUPPORTED_MEDIA_TYPE'],
  ['FST_ERR_CTP_BODY_TOO_LARGE', 'PAYLOAD_TOO_LARGE'],
  ['FST_ERR_CTP_EMPTY_JSON_BODY', 'MALFORMED_JSON'],
  ['FST_ERR_CTP_INVALID_JSON_BODY', 'MALFORMED_JSON'],
  ['FST_ERR_NOT_FOUND', 'ROUTE_NOT_FOUND'],
]);

/**
 * Maps Fastify's own errors to catalog roles: schema validation (`error.validation`) to
 * `VALIDATION_FAILED` with one violation per Ajv error, bad or empty JSON (prototype poisoning
 * included) to `MALFORMED_JSON`, an unsupported content type to `UNSUPPORTED_MEDIA_TYPE`, a body
 * over `bodyLimit` to `PAYLOAD_TOO_LARGE`, and any other `FST_ERR_*` by its status.
 *
 * @example
 * ```ts
 * createErrorResponder({ catalog, mapError: errorMapper });
 * ```
 */
export const errorMapper: ErrorMapper = (thrown, catalog) => {
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const error = thrown as {
    code?: unknown;
    statusCode?: unknown;
    validation?: unknown;
    validationContext?: unknown;
  };
  if (Array.isArray(error.validation)) {
    // Fastify names the part `body`, `querystring`, `params` or `headers`.
    const part = error.validationContext as Parameters<typeof violationsFromJsonSchema>[1];
    return validationFailed(violationsFromJsonSchema(error.validation, part), { catalog });
  }
  if (typeof error.code !== 'string' || !error.code.startsWith('FST_ERR_')) return undefined;
  const role =
    ROLE_BY_CODE.get(error.code) ??
    roleForStatus(typeof error.statusCode === 'number' ? error.statusCode : 500);
  return roleError(catalog, role, {}, { cause: thrown });
};

/** Sends a rendered error through Fastify, or closes the connection if the response had started. */
function send(reply: FastifyReply, response: ErrorResponse): void {
  if (reply.sent || reply.raw.headersSent) {
    reply.raw.destroy();
    return;
  }
  // With a serializer set, Fastify sends a string as the serializer returns it; without one it would
  // append `; charset=utf-8` to a JSON type, and the Content-Type must be the profile's, byte for
  // byte, in every adapter. Cheaper than a Buffer copy of the body.
  reply.code(response.status).headers(response.headers).serializer(asIs).send(response.body);
}

function asIs(body: string): string {
  return body;
}

function facts(request: FastifyRequest, useRequestLog: boolean): RequestFacts {
  return {
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body,
    log: useRequestLog ? request.log : undefined,
  };
}

/**
 * The Fastify plugin: sets the error handler and the not-found handler of the instance it is
 * registered on (it is not encapsulated), so every failure is answered from the catalog. Catalog
 * errors render in the negotiated wire profile; Fastify's validation, content-type, body-limit and
 * bad-JSON errors become their base roles ({@link errorMapper}); anything else becomes
 * `INTERNAL_ERROR` without leaking. Errors are logged to `request.log` unless `logger` is given.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { errcat } from '@errcat/fastify';
 *
 * const app = Fastify({ logger: true });
 * await app.register(errcat, { catalog });
 * app.get('/promises/:id', async (request) => {
 *   throw catalog.PROMISE_NOT_FOUND({ id: request.params.id });
 * });
 * ```
 */
export function errcat(
  fastify: FastifyInstance,
  options: ErrcatOptions,
  done: (error?: Error) => void,
): void {
  const responder = createErrorResponder({
    ...options,
    mapError: [options.mapError ?? [], errorMapper].flat(),
  });
  const useRequestLog = options.logger === undefined;
  const { catalog } = options;
  fastify.setErrorHandler((error, request, reply) => {
    send(reply, responder.respond(error, facts(request, useRequestLog)));
  });
  fastify.setNotFoundHandler((request, reply) => {
    send(reply, responder.respond(roleError(catalog, 'ROUTE_NOT_FOUND'), facts(request, useRequestLog)));
  });
  done();
}

// What fastify-plugin sets: register on the parent instance (no encapsulation), with a readable name.
Object.assign(errcat, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: '@errcat/fastify',
  [Symbol.for('plugin-meta')]: { name: '@errcat/fastify', fastify: '5.x' },
});
