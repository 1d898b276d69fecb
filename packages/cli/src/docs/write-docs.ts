import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import type { CatalogMethods, CatalogSpec } from 'errcat';
import { buildDocsModel } from './docs-model.js';
import { docsProfiles } from './docs-profiles.js';
import { renderMarkdown } from './render-markdown.js';
import { renderSite } from './render-site.js';
import { loadSiteScript } from './site-assets.js';

/**
 * Options of {@link generateSite} and {@link writeDocsSite}.
 *
 * @example
 * ```ts
 * await writeDocsSite(catalog, 'site', { tabs: ['google', 'simple'] });
 * ```
 */
export interface DocsSiteOptions {
  /** Profiles that get a tab next to the catalog's own. @default every built-in profile */
  readonly tabs?: readonly string[];
  /** A second inline script (the live-reload client of `errcat serve`). @default undefined */
  readonly extraScript?: string;
}

/**
 * Options of {@link writeDocsMarkdown}.
 *
 * @example
 * ```ts
 * await writeDocsMarkdown(catalog, 'docs/errors.md', { sidebarPosition: 3 });
 * ```
 */
export interface DocsMarkdownOptions {
  /** The `sidebar_position` of the front matter. @default the catalog's `x-docs.sidebarPosition` */
  readonly sidebarPosition?: number;
}

/**
 * What a docs command wrote.
 *
 * @example
 * ```ts
 * const { file, bytes }: WrittenDocs = await writeDocsSite(catalog, 'site');
 * ```
 */
export interface WrittenDocs {
  /** The absolute path of the file written. */
  readonly file: string;
  /** Its size in bytes. */
  readonly bytes: number;
}

/**
 * Renders the docs site of a catalog as one self-contained HTML page.
 *
 * @example
 * ```ts
 * const page = await generateSite(catalog, { tabs: ['google'] });
 * ```
 */
export async function generateSite(
  catalog: CatalogMethods<CatalogSpec>,
  options: DocsSiteOptions = {},
): Promise<string> {
  const script = await loadSiteScript();
  const model = buildDocsModel(catalog, docsProfiles(catalog.spec, options.tabs));
  return renderSite(
    model,
    options.extraScript === undefined ? { script } : { script, extraScript: options.extraScript },
  );
}

/**
 * Writes the docs site to `<outDir>/index.html`; open it from the file system or publish the
 * folder on any static host.
 *
 * @example
 * ```ts
 * const { file, bytes } = await writeDocsSite(catalog, 'site');
 * ```
 */
export async function writeDocsSite(
  catalog: CatalogMethods<CatalogSpec>,
  outDir: string,
  options: DocsSiteOptions = {},
): Promise<WrittenDocs> {
  const page = await generateSite(catalog, options);
  const file = resolve(outDir, 'index.html');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, page);
  return { file, bytes: Buffer.byteLength(page) };
}

/** The Markdown file name for a directory: the last segment of the docs URL (`error-codes.md`). */
function markdownName(catalog: CatalogMethods<CatalogSpec>): string {
  const docs = catalog.spec.docs;
  if (docs !== undefined) {
    try {
      const segment = new URL(docs.split('#')[0] ?? docs).pathname.split('/').filter(Boolean).pop();
      const base = segment?.replace(/\.[a-z]+$/i, '').replace(/[^\w.-]/g, '-');
      if (base && !base.includes('{')) return `${base}.md`;
    } catch {
      // The catalog validated the URL; a template URL falls through to the default.
    }
  }
  return 'errors.md';
}

/**
 * Writes the Markdown page of a catalog: to `out` when it ends in `.md` or `.mdx`, else into the
 * directory `out`, named after the docs URL's last segment so the route matches it.
 *
 * @example
 * ```ts
 * await writeDocsMarkdown(catalog, 'website/docs/reference'); // …/error-codes.md
 * ```
 */
export async function writeDocsMarkdown(
  catalog: CatalogMethods<CatalogSpec>,
  out: string,
  options: DocsMarkdownOptions = {},
): Promise<WrittenDocs> {
  const model = buildDocsModel(catalog, docsProfiles(catalog.spec, []));
  const markdown = renderMarkdown(model, options);
  const extension = extname(out).toLowerCase();
  const file = resolve(extension === '.md' || extension === '.mdx' ? out : join(out, markdownName(catalog)));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, markdown);
  return { file, bytes: Buffer.byteLength(markdown) };
}
