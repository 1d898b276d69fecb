import { describe, expect, it } from 'vitest';
import { constraintPhrase } from './constraint-phrase.js';

describe('constraintPhrase', () => {
  it('says the kind and every part the entry names', () => {
    const code = (name: string) => `\`${name}\``;
    expect(constraintPhrase({ violation: 'unique', column: 'email' })).toBe('unique violation on email');
    expect(constraintPhrase({ violation: 'not_null', column: 'name', table: 'users' }, code)).toBe(
      'not-null violation on `name` of table `users`',
    );
    expect(constraintPhrase({ violation: 'foreign_key', table: 'orders' })).toBe(
      'foreign-key violation on table orders',
    );
    expect(constraintPhrase({ violation: 'check', constraint: 'age_not_negative' })).toBe(
      'check violation of constraint age_not_negative',
    );
    expect(
      constraintPhrase({
        violation: 'unique',
        column: 'tenant, sku',
        table: 'items',
        constraint: 'sku_tenant',
      }),
    ).toBe('unique violation on tenant, sku of table items, constraint sku_tenant');
  });
});
