import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogEntry } from 'errcat';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../test/run-cli.js';
import { loadCatalogFile } from '../catalog/load-catalog.js';
import { raiseEntry } from './raised-error.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const resonate = join(root, 'catalogs/resonate.yaml');

/** An entry of the Resonate seed catalog, by code. */
async function resonateEntry(code: string | number): Promise<CatalogEntry> {
  const entry = (await loadCatalogFile(resonate, root)).catalog.entry(code);
  if (!entry) throw new Error(`no entry ${code}`);
  return entry;
}

describe('raiseEntry', () => {
  test('names the class the SDK raises the entry as, else CatalogError', async () => {
    const python = raiseEntry(await resonateEntry('100.40400'), {});
    expect(python.raised).toBe('ResonateStoreError: The specified promise was not found');
    expect(python.error).toMatchObject({ name: 'ResonateStoreError', code: '100.40400', status: null });
    const dependency = await resonateEntry(1105);
    const typescript = raiseEntry(dependency, { name: 'db' });
    expect(typescript).toEqual({
      http: false,
      status: null,
      raised: "ResonateError: Dependency 'db' is not registered. Will drop.",
      error: {
        name: 'ResonateError',
        domain: 'resonatehq.io',
        key: 'DEPENDENCY_NOT_REGISTERED',
        code: 1105,
        status: null,
        message: "Dependency 'db' is not registered. Will drop.",
        retryable: false,
        details: { name: 'db' },
      },
    });
    const unnamed = raiseEntry({ ...dependency, extensions: {} }, { name: 'db' });
    expect(unnamed.raised).toBe("CatalogError: Dependency 'db' is not registered. Will drop.");
  });
});

describe('errcat render and explain: an entry without a status is not an HTTP error', () => {
  test('render prints the error as raised, never an HTTP response', async () => {
    const text = await runCli(
      root,
      'render',
      resonate,
      '1103',
      '--param',
      'name=processOrder',
      '--param',
      'version=2',
    );
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('HTTP/1.1');
    expect(text.stdout.split('\n').slice(0, 2)).toEqual([
      "# 1103 REGISTRY_FUNCTION_NOT_REGISTERED is not an HTTP error: the SDK raises it in the caller's process.",
      "ResonateError: Function 'processOrder' (version 2) is not registered. Will drop.",
    ]);
    const json = JSON.parse(
      (await runCli(root, 'render', resonate, '100.40400', '--format', 'json')).stdout,
    ) as Record<string, unknown>;
    expect(json).toMatchObject({
      http: false,
      status: null,
      raised: expect.stringMatching(/^ResonateStoreError: /),
    });
    expect(json).not.toHaveProperty('headers');
    expect(json).not.toHaveProperty('body');
  });

  test('an HTTP entry still renders its response', async () => {
    const { stdout } = await runCli(root, 'render', resonate, '404', '--param', 'resource=Promise');
    expect(stdout).toMatch(/^HTTP\/1\.1 404 Not Found\n/);
  });

  test('explain --format json says status null and http false, as the text form does', async () => {
    const text = await runCli(root, 'explain', resonate, '201');
    expect(text.stdout).toContain('Status:      none (not an HTTP error)');
    const sdk = JSON.parse((await runCli(root, 'explain', resonate, '201', '--format', 'json')).stdout);
    expect(sdk).toMatchObject({ key: 'PROMISE_TIMED_OUT', status: null, http: false });
    expect(sdk).not.toHaveProperty('declaredStatus');
    const server = JSON.parse((await runCli(root, 'explain', resonate, '409', '--format', 'json')).stdout);
    expect(server).toMatchObject({ key: 'CONFLICT', status: 409, http: true });
  });
});
