// Type tests of the authoring types: `npm test` compiles this file with tsc; every
// `@ts-expect-error` must be an error, so removing the check it covers makes the type test fail.
import type { DatabaseViolationSpec, EntrySpec } from './catalog-spec.js';
import { defineCatalog } from './define-catalog.js';

// An entry names the constraint violation it answers.
defineCatalog({
  domain: 'types.example.com',
  errors: {
    EMAIL_TAKEN: {
      code: 'duplicate_email',
      status: 409,
      message: 'Email already registered',
      database: { violation: 'unique', column: 'email' },
    },
    NEGATIVE_AGE: {
      code: 'negative_age',
      status: 422,
      message: 'The age must not be negative',
      database: { violation: 'check', constraint: 'age_not_negative', table: 'users' },
    },
  },
});

defineCatalog({
  domain: 'types.example.com',
  errors: {
    // @ts-expect-error a kind of violation errcat does not know
    EMAIL_TAKEN: { code: 1, message: 'Taken', database: { violation: 'uniq', column: 'email' } },
  },
});

defineCatalog({
  domain: 'types.example.com',
  // @ts-expect-error the violation is required
  errors: { EMAIL_TAKEN: { code: 1, message: 'Taken', database: { column: 'email' } } },
});

// @ts-expect-error a column is a name, or names joined with commas, not a list
const listed: DatabaseViolationSpec = { violation: 'unique', column: ['tenant', 'sku'] };
const entry: EntrySpec = { code: 1, message: 'Taken', database: { violation: 'not_null', column: 'name' } };
void [entry, listed];
