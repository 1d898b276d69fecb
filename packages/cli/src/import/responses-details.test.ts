import { describe, expect, it } from 'vitest';
import type { ImportedEntry, ImportedField } from './import-draft.js';
import { settleMessage } from './responses-details.js';

describe('settleMessage', () => {
  it('makes the fields the message names required and keeps their typed values in the example', () => {
    const entry: ImportedEntry = { code: 'USER_NOT_FOUND', guessed: {} };
    const fields: Record<string, ImportedField> = {
      id: { type: 'integer', optional: true },
      cause: { type: 'string' },
      note: { type: 'string', optional: true },
    };
    settleMessage(
      entry,
      fields,
      [
        { message: 'User 42 not found', details: { id: 42, cause: 'x', extra: true } },
        { message: 'User 7 not found', details: { id: 7 } },
      ],
      'observed',
    );
    expect(entry).toEqual({
      code: 'USER_NOT_FOUND',
      message: 'User {id} not found',
      details: { id: { type: 'integer' }, note: { type: 'string', optional: true } },
      example: { id: 42 },
      guessed: {
        message: 'aligned from the observed messages',
        'details.id': 'required: the message names it',
        details: 'left out cause: names a catalog reserves',
      },
    });
  });

  it('gives an unnamed part a string field and its value in the example', () => {
    const entry: ImportedEntry = { code: 404, guessed: {} };
    settleMessage(
      entry,
      {},
      [
        { message: 'Cannot GET /a', details: {} },
        { message: 'Cannot GET /b/c', details: {} },
      ],
      'example',
    );
    expect(entry).toMatchObject({
      message: 'Cannot GET /{value}',
      details: { value: { type: 'string' } },
      example: { value: 'a' },
    });
  });
});
