import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';

const catalogs = fileURLToPath(new URL('../../../../catalogs/', import.meta.url));

describe('errcat explain', () => {
  it('says which constraint violation an entry answers, in text and JSON', async () => {
    const text = await runCli(catalogs, 'explain', 'api-reference.yaml', 'duplicate_email');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'Message:     Email already registered\nAnswers:     unique violation on email\n',
    );
    const json = await runCli(catalogs, 'explain', 'api-reference.yaml', 'duplicate_sku', '--format', 'json');
    expect(JSON.parse(json.stdout).database).toEqual({ violation: 'unique', column: 'sku' });
    const plain = await runCli(catalogs, 'explain', 'api-reference.yaml', 'bad_request');
    expect(plain.stdout).not.toContain('Answers:');
  });
});
