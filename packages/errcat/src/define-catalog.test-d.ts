// Type tests: `npm test` compiles this file with tsc; every `@ts-expect-error` must be an error,
// so removing the check it covers makes the type test fail.
import type { CatalogError } from './catalog-error.js';
import type { EntryDetails } from './catalog-types.js';
import { defineCatalog } from './define-catalog.js';

const catalog = defineCatalog({
  domain: 'types.example.com',
  errors: {
    PROMISE_NOT_FOUND: {
      code: 4040,
      status: 404,
      message: "Promise '{id}' not found",
      details: { id: 'string' },
    },
    REGISTERED: {
      code: 1102,
      message: "Function '{name}' (version {version}) is already registered[ under '{under}']",
    },
    TYPED: {
      code: 1,
      message: 'Limit {limit} exceeded',
      details: { limit: 'integer', mode: { type: 'string', enum: ['a', 'b'] }, note: 'string?' },
    },
    PLAIN: { code: 2, message: 'Nothing to fill' },
  },
});

// Declared details are required and typed.
catalog.PROMISE_NOT_FOUND({ id: 'p1' });
// @ts-expect-error a missing parameter
catalog.PROMISE_NOT_FOUND({});
// @ts-expect-error the argument itself is required when a parameter is
catalog.PROMISE_NOT_FOUND();
// @ts-expect-error a misspelled parameter
catalog.PROMISE_NOT_FOUND({ ide: 'p1' });
// @ts-expect-error a parameter of the wrong type
catalog.PROMISE_NOT_FOUND({ id: 42 });
catalog.TYPED({ limit: 3, mode: 'a' });
catalog.TYPED({ limit: 3, mode: 'b', note: 'optional' });
// @ts-expect-error a value outside the enum
catalog.TYPED({ limit: 3, mode: 'c' });
// @ts-expect-error an integer field takes a number
catalog.TYPED({ limit: '3', mode: 'a' });

// Without declared details, parameters are inferred from the template literal.
catalog.REGISTERED({ name: 'f', version: 1 });
catalog.REGISTERED({ name: 'f', version: 1, under: 'g' });
// @ts-expect-error `version` is required by the template
catalog.REGISTERED({ name: 'f' });

// Options ride along with details; entries without parameters take no argument.
catalog.PLAIN();
catalog.PLAIN({ cause: new Error('x'), retryAfter: 3 });

// Narrowing by key gives the entry's details type.
const unknownError: unknown = catalog.PROMISE_NOT_FOUND({ id: 'p1' });
if (catalog.is(unknownError, 'PROMISE_NOT_FOUND')) {
  const id: string = unknownError.details.id;
  const key: 'PROMISE_NOT_FOUND' = unknownError.key;
  void [id, key];
}
const narrowed: CatalogError<'TYPED', { limit: number; mode: 'a' | 'b'; note?: string }> = catalog.TYPED({
  limit: 1,
  mode: 'a',
});
void narrowed;

// A message naming a parameter the details do not declare is a compile error.
defineCatalog({
  domain: 'x',
  errors: {
    // @ts-expect-error `{other}` is not a declared details field
    BAD: { code: 1, message: 'Needs {other}', details: { id: 'string' } },
  },
});

// Keys must exist.
// @ts-expect-error no such entry
catalog.NOPE;
// @ts-expect-error create() only takes known keys
catalog.create('NOPE');

// A role lends an entry defaults, never required details: an entry with details of its own takes
// exactly those, and one without takes what its message needs, whatever the role's entry declares
// (VERSION_CONFLICT's `expected` and `actual`, RATE_LIMITED's `policy`).
const roles = defineCatalog({
  domain: 'roles.example.com',
  errors: {
    CONFLICT: {
      code: 'CONFLICT',
      status: 409,
      role: 'VERSION_CONFLICT',
      message: 'Instance was modified by another request',
      details: { expected_offset: 'integer', actual_offset: 'integer' },
    },
    CONCURRENT_MODIFICATION: {
      code: 'concurrent_modification',
      status: 409,
      role: 'VERSION_CONFLICT',
      message: 'Resource was modified by another request',
    },
    TOO_MANY_REQUESTS: {
      code: 'TOOLIMITED-429',
      status: 429,
      role: 'RATE_LIMITED',
      message: 'Too many requests',
    },
    SLOW_DOWN: { code: 4290, status: 429, role: 'RATE_LIMITED', message: 'Slow down, {who}' },
  },
});
roles.CONFLICT({ expected_offset: 100, actual_offset: 105 });
// @ts-expect-error the entry's own details stay required
roles.CONFLICT({ expected_offset: 100 });
roles.CONCURRENT_MODIFICATION();
roles.TOO_MANY_REQUESTS();
roles.TOO_MANY_REQUESTS({ retryAfter: 30 });
roles.SLOW_DOWN({ who: 'ada' });
// @ts-expect-error the message's parameters stay required
roles.SLOW_DOWN();
const conflictDetails: EntryDetails<typeof roles.spec, 'CONFLICT'> = { expected_offset: 1, actual_offset: 2 };
const noDetails: {} extends EntryDetails<typeof roles.spec, 'TOO_MANY_REQUESTS'> ? true : false = true;
void [conflictDetails, noDetails];
