import type { EntrySpec } from '../catalog-spec.js';

/**
 * Base entries raised by the request guards: validation, authentication and the data layer.
 */
export const requestEntries = {
  VALIDATION_FAILED: {
    code: 'VALIDATION_FAILED',
    status: 422,
    category: 'request',
    title: 'Validation failed',
    message: 'The request failed validation',
    details: {
      errors: {
        type: 'array',
        description: 'Every violation as `{ pointer, type, message }`; `pointer` is a JSON pointer.',
      },
    },
    causes: ['A required field is missing', 'A field has the wrong type, format or length'],
    resolution: 'Correct each field listed in `errors` and send the request again.',
  },
} as const satisfies Record<string, EntrySpec>;
