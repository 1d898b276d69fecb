import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
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

/** Every name an entry file exports, types included: entry files only re-export, by name. */
function exportedNames(source: string): string[] {
  const file = join(root, source);
  const parsed = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return parsed.statements.flatMap((statement) => {
    if (!ts.isExportDeclaration(statement)) return [];
    const clause = statement.exportClause;
    if (clause === undefined || !ts.isNamedExports(clause))
      throw new Error(`${source}: export * hides names`);
    return clause.elements.map((element) => element.name.text);
  });
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

  test('no type name is exported by two entries either: one headers type, HeadersLike, in errcat', () => {
    const owners = new Map<string, string[]>();
    for (const { subpath, target } of entries) {
      for (const name of exportedNames(target['@errcat/source'] ?? '')) {
        owners.set(name, [...(owners.get(name) ?? []), subpath]);
      }
    }
    const twice = [...owners].filter(([, subpaths]) => subpaths.length > 1);
    expect(twice).toEqual([]);
    expect(owners.get('HeadersLike')).toEqual(['.']);
    expect(owners.has('HeaderSource')).toBe(false);
  });
});
