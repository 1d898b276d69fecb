import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalog } from 'errcat';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { docsFixtureSpec } from '../../test/fixtures/docs-fixture.js';
import { loadCatalogFile } from '../catalog/load-catalog.js';
import { buildDocsModel } from './docs-model.js';
import { renderMarkdown } from './render-markdown.js';
import { writeDocsMarkdown } from './write-docs.js';

const catalogs = fileURLToPath(new URL('../../../../catalogs/', import.meta.url));
// VitePress renders Markdown with markdown-it and raw HTML on: the strictest reading of our output.
const vitepress = new MarkdownIt({ html: true });

function frontMatter(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  return parseYaml(match?.[1] ?? '') as Record<string, unknown>;
}

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(buildDocsModel(parseCatalog(docsFixtureSpec)));

  it('writes front matter for Docusaurus and VitePress', () => {
    expect(frontMatter(markdown)).toEqual({
      title: 'Example API Errors',
      description: 'Every error the **Example API** returns.',
      sidebar_position: 3,
    });
    expect(
      frontMatter(renderMarkdown(buildDocsModel(parseCatalog(docsFixtureSpec)), { sidebarPosition: 7 })),
    ).toMatchObject({
      sidebar_position: 7,
    });
  });

  it('has one section per range or category with a code table, and a heading per code with its anchor', () => {
    const h2 = markdown.match(/^## .*$/gm);
    expect(h2).toEqual([
      '## Handling Errors',
      '## Error response format',
      '## Request Errors (4000–4999) {#group-request}',
      '## Server Errors (5000–5999) {#group-server}',
      '## Authentication Errors {#group-auth}',
      '## Other errors {#group-other}',
      '## Best Practices',
    ]);
    expect(markdown).toContain('### 4040 — Promise not found {#4040}');
    expect(markdown).toContain('### AUTH-401 — Authentication Failed {#AUTH-401}');
    expect(markdown).toContain('| [4040](#4040) | `PROMISE_NOT_FOUND` | 404 | No | Promise not found |');
    expect(markdown).toContain(
      '**Retryable:** yes, after 1 s, throttling: back off more slowly, not applied: any method may be retried',
    );
    expect(markdown).toContain(
      '> **Deprecated**: Too broad to act on. Use [`PROMISE_NOT_FOUND`](#4040) instead.',
    );
    expect(markdown).toContain('| `reason` | string, optional, **internal** (logged, never sent) |');
    expect(markdown).toContain('**Status:** none (not an HTTP error)');
    const panic = markdown.slice(markdown.indexOf('### 1198'));
    expect(panic).toContain(
      '**Raised as** (not an HTTP response)\n\n```text\nCatalogError: An unrecoverable internal error occurred in the SDK\n```',
    );
    expect(panic).not.toContain('**Example response**');
  });

  it('escapes author text so no markup or expression survives', () => {
    const rendered = vitepress.render(markdown);
    expect(rendered).not.toMatch(/<img|<script|<svg|<b>|href="javascript:/);
    expect(rendered).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;');
    // MDX would evaluate `{…}` outside code: every brace in prose is escaped.
    const prose = markdown
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/(`{3,})[\s\S]*?\1/g, '')
      .replace(/`[^`\n]*`/g, '')
      .replace(/ \{#[\w.:-]+\}$/gm, '');
    expect(prose).not.toMatch(/(?<!\\)[{}<]/);
    expect(prose).toContain('\\{\\{constructor');
  });

  it('covers each seed catalog: every code, title, cause and resolution', async () => {
    for (const name of ['resonate-legacy', 'resonate', 'rstmdb', 'devdocs', 'api-reference']) {
      const { catalog } = await loadCatalogFile(join(catalogs, `${name}.yaml`));
      const text = vitepress.render(renderMarkdown(buildDocsModel(catalog)));
      for (const entry of catalog.entries) {
        expect(text, `${name} ${entry.key}`).toContain(vitepress.renderInline(String(entry.code)));
        expect(text, `${name} ${entry.key}`).toContain(vitepress.utils.escapeHtml(entry.title));
        if (entry.resolution)
          expect(text).toContain(vitepress.renderInline(entry.resolution.split('\n')[0] ?? ''));
      }
    }
  });
});

describe('writeDocsMarkdown', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-md-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the file after the docs URL in a directory, or writes the file given', async () => {
    const catalog = parseCatalog(docsFixtureSpec);
    const inDir = await writeDocsMarkdown(catalog, join(dir, 'docs'));
    expect(inDir.file).toBe(join(dir, 'docs', 'error-codes.md'));
    const named = await writeDocsMarkdown(catalog, join(dir, 'page.mdx'));
    expect(named.file).toBe(join(dir, 'page.mdx'));
    expect(await readFile(named.file, 'utf8')).toBe(await readFile(inDir.file, 'utf8'));
    const bare = parseCatalog({ domain: 'x.example.com', errors: { A: { code: 1, message: 'a' } } });
    expect((await writeDocsMarkdown(bare, dir)).file).toBe(join(dir, 'errors.md'));
  });
});
