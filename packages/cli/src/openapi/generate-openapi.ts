import type { AnyCatalog } from '../internal/any-catalog.js';
import { buildErrorResponses } from './error-responses.js';
import type { OpenApiOptions } from './openapi-options.js';

/**
 * An OpenAPI 3.1 document, as a plain JSON object.
 *
 * @example
 * ```ts
 * const document: OpenApiDocument = generateOpenApi(catalog);
 * ```
 */
export type OpenApiDocument = { [field: string]: unknown };

/**
 * The OpenAPI 3.1 document of a catalog's errors: under `components.schemas`, the wire format's
 * envelope (`ProblemError` for `problem`) and one schema per entry named by its key, with `code`
 * (and the status, `type` URI and other fixed members) as `const` and the details as JSON Schema
 * without internal fields; under `components.responses`, one `Error<status>` response per status
 * with the matching entries as `oneOf` and an example rendered through the profile. Entries without
 * a status are left out. Attach the responses to operations with {@link mergeOpenApi}.
 *
 * @example
 * ```ts
 * const document = generateOpenApi(catalog, { profile: problemProfile });
 * document.components; // { schemas: { ProblemError, PROMISE_NOT_FOUND, … }, responses: { Error404, … } }
 * ```
 */
export function generateOpenApi(catalog: AnyCatalog, options: OpenApiOptions = {}): OpenApiDocument {
  const { schemas, responses } = buildErrorResponses(catalog, options);
  const info: Record<string, unknown> = {
    title: catalog.spec.name ?? `${catalog.domain} errors`,
    version: catalog.version ?? '0.0.0',
  };
  if (catalog.spec.description !== undefined) info.description = catalog.spec.description;
  return { openapi: '3.1.0', info, components: { schemas, responses } };
}
