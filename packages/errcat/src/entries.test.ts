import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// Issue 14, part 2: small entries, one per audience. The root is the catalog, its errors, rendering
// and the responder; each guard family has its subpath, and adapter and store authors have theirs.
// Every entry is imported by its package name (so the `exports` map is what is tested), and every
// runtime name lives in exactly one of them.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
};

/** The root's ceiling: a newcomer reads the root's runtime names in one sitting. */
const ROOT_CEILING = 50;

const entries = Object.entries(manifest.exports).flatMap(([subpath, target]) =>
  typeof target === 'object' && target['@errcat/source'] ? [{ subpath, target }] : [],
);

async function runtimeNames(subpath: string): Promise<string[]> {
  const specifier = subpath === '.' ? 'errcat' : `errcat${subpath.slice(1)}`;
  const module: Record<string, unknown> = await import(/* @vite-ignore */ specifier);
  return Object.keys(module).sort();
}

describe('the entries of errcat', () => {
  test('each subpath maps its source to the files `tsc -b` writes', () => {
    for (const { subpath, target } of entries) {
      const source = target['@errcat/source'] ?? '';
      expect(source, subpath).toMatch(/^\.\/src\/(.+\/)?index\.ts$/);
      const built = source.replace(/^\.\/src\//, './dist/');
      expect(target, subpath).toEqual({
        '@errcat/source': source,
        types: built.replace(/\.ts$/, '.d.ts'),
        default: built.replace(/\.ts$/, '.js'),
      });
    }
  });

  test('no runtime name is exported by two entries; the root stays small', async () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    const counts: Record<string, number> = {};
    for (const { subpath } of entries) {
      const names = await runtimeNames(subpath);
      counts[subpath] = names.length;
      for (const name of names) {
        const first = owner.get(name);
        if (first !== undefined) twice.push(`${name}: ${first} and ${subpath}`);
        else owner.set(name, subpath);
      }
    }
    console.log(
      `runtime exports per entry: ${Object.entries(counts)
        .map(([subpath, count]) => `${subpath} ${count}`)
        .join(', ')}`,
    );
    expect(twice).toEqual([]);
    expect(counts['.']).toBeLessThanOrEqual(ROOT_CEILING);
  });
});
