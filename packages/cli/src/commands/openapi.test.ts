import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../../test/run-cli.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');
let dir: string;

const api = `openapi: 3.1.0
info: { title: Shop, version: 1.0.0 }
paths:
  /orders:
    post:
      operationId: createOrder
      responses: { "201": { description: Created } }
  /carts/{id}:
    get:
      operationId: getCart
      responses: { "200": { description: The cart } }
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-openapi-'));
  await copyFile(join(fixtures, 'shop-openapi.yaml'), join(dir, 'shop.yaml'));
  await writeFile(join(dir, 'openapi.yaml'), api);
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(parseYaml(api)));
  await writeFile(join(dir, 'old.yaml'), api.replace('3.1.0', '3.0.3'));
  await writeFile(
    join(dir, 'map.yaml'),
    'operations:\n  createOrder: [CART_NOT_FOUND]\n  nowhere: [INTERNAL]\n',
  );
  await writeFile(join(dir, 'bad-map.yaml'), 'operations: [createOrder]\n');
  await writeFile(join(dir, 'broken.yaml'), 'openapi: [3.1\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('errcat openapi', () => {
  test('prints the components as JSON by default', async () => {
    const { code, stdout, stderr } = await runCli(dir, 'openapi', 'shop.yaml');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const document = JSON.parse(stdout);
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.schemas.ORDER_NOT_FOUND.properties.code).toEqual({
      type: 'integer',
      const: 4040,
    });
  });

  test('--format yaml prints YAML without anchors; --profile picks the wire format', async () => {
    const { code, stdout } = await runCli(
      dir,
      'openapi',
      'shop.yaml',
      '--format',
      'yaml',
      '--profile',
      'google',
    );
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[&*]a\d/);
    const document = parseYaml(stdout);
    expect(Object.keys(document.components.schemas)[0]).toBe('GoogleError');
  });

  test('--out writes the file, in YAML when its name says so', async () => {
    const { code, stdout } = await runCli(dir, 'openapi', 'shop.yaml', '--out', 'errors.openapi.yaml');
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    const document = parseYaml(await readFile(join(dir, 'errors.openapi.yaml'), 'utf8'));
    expect(document.components.responses.Error404.description).toBe(
      '404 Not Found: ORDER_NOT_FOUND (4040), CART_NOT_FOUND (4041)',
    );
  });

  test('--merge attaches errors to the operations, --map adds selectors, warnings go to stderr', async () => {
    const { code, stdout, stderr } = await runCli(
      dir,
      'openapi',
      'shop.yaml',
      '--merge',
      'openapi.yaml',
      '--map',
      'map.yaml',
    );
    expect(code).toBe(0);
    expect(stderr).toBe(
      [
        "errcat: warning: selector 'tag:orders' matches no operation",
        "errcat: warning: selector 'nowhere' matches no operation",
        '',
      ].join('\n'),
    );
    const document = parseYaml(stdout);
    expect(Object.keys(document.paths['/orders'].post.responses)).toEqual([
      '201',
      '404',
      '409',
      '429',
      '500',
    ]);
    expect(document.paths['/carts/{id}'].get.responses['404']).toMatchObject({
      description: '404 Not Found: CART_NOT_FOUND (4041)',
    });
    const json = await runCli(dir, 'openapi', 'shop.yaml', '--merge', 'openapi.json');
    expect(JSON.parse(json.stdout).paths['/orders'].post.responses['409']).toEqual({
      $ref: '#/components/responses/Error409',
    });
  });

  test.each([
    [['openapi'], 2, 'openapi needs one catalog path'],
    [['openapi', 'shop.yaml', 'extra.yaml'], 2, 'openapi needs one catalog path'],
    [['openapi', 'shop.yaml', '--format', 'xml'], 2, "--format must be json or yaml, got 'xml'"],
    [['openapi', 'shop.yaml', '--map', 'map.yaml'], 2, '--map needs --merge'],
    [['openapi', 'shop.yaml', '--merge', 'missing.yaml'], 2, "--merge 'missing.yaml': no such file"],
    [['openapi', 'shop.yaml', '--merge', 'broken.yaml'], 2, "--merge 'broken.yaml': invalid YAML at line"],
    [['openapi', 'shop.yaml', '--merge', 'old.yaml'], 2, 'the document is OpenAPI 3.0.3'],
    [
      ['openapi', 'shop.yaml', '--merge', 'openapi.yaml', '--map', 'bad-map.yaml'],
      2,
      '--map must be { operations:',
    ],
    [
      ['openapi', 'shop.yaml', '--out', 'no/such/dir/x.json'],
      2,
      "--out 'no/such/dir/x.json': no such directory",
    ],
    [
      ['openapi', 'shop.yaml', '--profile', 'soap'],
      1,
      "No wire profile named 'soap' (available: problem, google",
    ],
    [['openapi', 'missing.yaml'], 1, "Cannot load catalog 'missing.yaml': no such file"],
  ])('errcat %j fails with exit %i and one line', async (argv, exit, message) => {
    const { code, stdout, stderr } = await runCli(dir, ...argv);
    expect({ code, stdout }).toEqual({ code: exit, stdout: '' });
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
