import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  peerDependencies?: Record<string, string>;
  exports: Record<string, string | { '@errcat/source'?: string }>;
};

/** Subpaths that may use Node's built-in modules; every other one must run on any platform. */
const NODE_ONLY = new Set(['./node']);

describe('the errcat core package', () => {
  test('has no runtime dependencies; every peer dependency is optional', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
      expect(manifest.peerDependenciesMeta?.[peer]?.optional, peer).toBe(true);
    }
  });

  const portable = Object.entries(manifest.exports).filter(
    ([subpath, target]) => typeof target === 'object' && target['@errcat/source'] && !NODE_ONLY.has(subpath),
  );

  test.each(portable)(
    '%s bundles for a neutral platform: no node: import leaks',
    async (_subpath, target) => {
      const source = (target as { '@errcat/source': string })['@errcat/source'];
      const result = await build({
        entryPoints: [join(root, source)],
        bundle: true,
        write: false,
        platform: 'neutral',
        format: 'esm',
        mainFields: ['module', 'main'],
        external: Object.keys(manifest.peerDependencies ?? {}),
        logLevel: 'silent',
      });
      expect(result.errors).toEqual([]);
      const code = result.outputFiles.map((file) => file.text).join('\n');
      expect(code).not.toMatch(/from\s*["']node:/);
      expect(code).not.toMatch(/import\(\s*["']node:/);
    },
  );
});

/**
 * The browser client's size ceiling, gzipped: createClient and decodeError, minified. Issue 13's
 * goal is 10 KiB; the ceiling holds what is reached, 15.1 KiB, rounded up to the next half KiB (the
 * base catalog's prose, the catalog validator and builder, the template parser and the client
 * categories' prose no longer ride along) so the size can only fall. decodeError alone is
 * 10.8 KiB: the goal is out of reach without dropping features.
 */
const CLIENT_CEILING_BYTES = 15.5 * 1024;

describe('the browser client', () => {
  test(`createClient + decodeError, minified and gzipped, stay within ${CLIENT_CEILING_BYTES / 1024} KiB`, async () => {
    const result = await build({
      stdin: {
        contents: "export { createClient, decodeError } from './src/client/index.ts';",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      minify: true,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    });
    const gzipped = gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
    console.log(`browser client (createClient + decodeError): ${(gzipped / 1024).toFixed(1)} KiB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(CLIENT_CEILING_BYTES);
  });
});
