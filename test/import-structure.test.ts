import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Issue 14, part 4: a structure a newcomer reads from the folder names. This test parses the import
// graph of every workspace package's `src/` with the TypeScript compiler (each file's top-level
// import and re-export declarations, and `import()` calls) and holds two figures at zero.
//
// Cycles: strongly connected components of the graph (Tarjan). Type-only imports count: a type-only
// cycle is harmless at runtime but still means neither file can be read, moved or split without the
// other, and issue 14 counts `catalog-error.ts` ↔ `render/error-headers.ts`, whose one side is a type.
//
// Layers, inside each package's `src/` (tests and type tests are left out; they sit beside what they
// test and may import from anywhere):
//   floor 0  `http/`            HTTP vocabulary (headers, structured fields, Accept, RateLimit fields,
//                                HTTP dates, status phrases, JSON pointers); it imports only `http/`
//            `internal/`        shared private helpers; they may import `http/`
//   floor 1  root `*.ts` files  the package's own concepts (catalog, errors); entry files excepted;
//            and the core's `base/`, errcat's base catalog, whose entries `defineCatalog` resolves
//            roles against (so it belongs with the catalog, not above it)
//   floor 2  feature folders    `render/`, `guards/`, `client/`, `diff/`, `openapi/`…
// An upward import is one of:
//   - a file in `src/http/` importing anything outside `src/http/`;
//   - a file in `src/internal/` importing a feature folder;
//   - a root file (other than the entry files `index.ts` and `main.ts`, whose job is to wire the
//     features together) importing a feature folder;
//   - a file in a feature folder importing another feature's private `internal/`.
// Every file may import its own floor and anything below it; features may import each other's
// public files.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = join(ROOT, 'packages');
const ENTRY_FILES = new Set(['index.ts', 'main.ts']);
const CATALOG_FLOOR_FOLDERS = new Set(['errcat/base']);
const HTTP_FOLDER = 'http';

/** One relative import between two source files, both paths relative to the repository root. */
interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    const isSource = name.endsWith('.ts') && !name.endsWith('.d.ts');
    const isTest = /\.test(-d)?\.ts$/.test(name) || name.endsWith('.lint.test.ts');
    return isSource && !isTest ? [path] : [];
  });
}

/** The `.ts` file a relative `.js` specifier names, or undefined when it leaves the graph. */
function resolveSpecifier(
  fromFile: string,
  specifier: string,
  known: ReadonlySet<string>,
): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base, join(base, 'index.ts')];
  return candidates.find((candidate) => known.has(candidate));
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (clause === undefined) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    clause.name === undefined &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((element) => element.isTypeOnly)
  );
}

function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: isTypeOnlyImport(node) });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: isTypeOnlyExport(node) });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push({ specifier: literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importGraph(): ImportEdge[] {
  const files = readdirSync(PACKAGES)
    .map((name) => join(PACKAGES, name, 'src'))
    .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true)
    .flatMap(sourceFiles);
  const known = new Set(files);
  return files.flatMap((file) =>
    importsOf(file).flatMap(({ specifier, typeOnly }) => {
      const target = resolveSpecifier(file, specifier, known);
      if (target === undefined) return [];
      return [{ from: relative(ROOT, file), to: relative(ROOT, target), typeOnly }];
    }),
  );
}

/** Tarjan's strongly connected components with more than one file, or one file importing itself. */
function cycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfImport = (next.get(node) ?? []).includes(node);
    if (component.length > 1 || selfImport) components.push(component.sort());
  };
  for (const node of next.keys()) if (!index.has(node)) connect(node);
  return components;
}

/** Where a file sits in its package: its package, its floor and, on floor 2, its feature. */
function place(file: string): {
  pkg: string;
  floor: 0 | 1 | 2;
  feature: string;
  privateOf: string | undefined;
} {
  const [, pkg = '', , ...rest] = file.split(sep);
  const first = rest[0] ?? '';
  if (rest.length === 1 || CATALOG_FLOOR_FOLDERS.has(`${pkg}/${first}`)) {
    return { pkg, floor: 1, feature: '', privateOf: undefined };
  }
  if (first === 'internal' || first === HTTP_FOLDER)
    return { pkg, floor: 0, feature: first, privateOf: undefined };
  const privateOf = rest.length > 2 && rest[1] === 'internal' ? first : undefined;
  return { pkg, floor: 2, feature: first, privateOf };
}

function upwardImports(edges: readonly ImportEdge[]): string[] {
  return edges.flatMap(({ from, to }) => {
    const source = place(from);
    const target = place(to);
    if (source.pkg !== target.pkg) return [];
    const entry = source.floor === 1 && ENTRY_FILES.has(from.split(sep).at(-1) ?? '');
    const up = source.floor < 2 && target.floor === 2 && !entry;
    const intoPrivate = target.privateOf !== undefined && target.privateOf !== source.feature;
    const outOfHttp = source.floor === 0 && source.feature === HTTP_FOLDER && target.feature !== HTTP_FOLDER;
    return up || intoPrivate || outOfHttp ? [`${from} → ${to}`] : [];
  });
}

describe('import structure of packages/*/src', () => {
  const edges = importGraph();

  it('reads a real graph', () => {
    expect(edges.length).toBeGreaterThan(500);
  });

  it('has no import cycle, type-only imports included', () => {
    const found = cycles(edges);
    console.info(`import cycles: ${found.length}`, found);
    expect(found).toEqual([]);
  });

  it('has no import that reaches up a floor or into another feature’s internal/', () => {
    const found = upwardImports(edges);
    console.info(`upward imports: ${found.length}`, found);
    expect(found).toEqual([]);
  });
});
