import { STATUS_CODES } from 'node:http';
import type { DocsEntry, DocsGroup, DocsModel } from './docs-model.js';
import { type DocsExample, exampleText, renderExample } from './render-example.js';

/**
 * Options of {@link renderMarkdown}.
 *
 * @example
 * ```ts
 * renderMarkdown(buildDocsModel(catalog), { sidebarPosition: 3 });
 * ```
 */
export interface RenderMarkdownOptions {
  /** The `sidebar_position` of the front matter. @default the catalog's `x-docs.sidebarPosition`, else none */
  readonly sidebarPosition?: number;
}

// Characters that Markdown, MDX (JSX and `{expressions}`) or a GFM table would read as syntax.
const TEXT_SYNTAX = /[\\`*_{}[\]<>|#!]/g;

/** Escapes plain text (a title, a key) so Markdown and MDX show it as written. */
function text(value: string): string {
  return value.replace(/\s*\n\s*/g, ' ').replace(TEXT_SYNTAX, '\\$&');
}

/** Turns an image or a script-scheme link into text: the page must not load or run anything. */
function defuse(text: string): string {
  return text.replace(/!\[/g, '!\\[').replace(/\]\(\s*(?=(?:javascript|vbscript|data):)/gi, '\\]\\(');
}

/**
 * Keeps an author's Markdown (emphasis, links, code) but escapes what MDX would execute or parse as
 * JSX (`<`, `{` and `}`) outside code spans and fences, and defuses images and script links, as
 * the HTML site does.
 */
function prose(value: string): string {
  return value
    .split(/(```[\s\S]*?```|`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : defuse(part.replace(/[<{}]/g, '\\$&'))))
    .join('')
    .trim();
}

/** An inline code span that survives backticks inside it (and `|` in a table cell). */
function code(value: string, inTable = false): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = value.startsWith('`') || value.endsWith('`') ? ` ${value} ` : value;
  return `${fence}${inTable ? padded.replace(/\|/g, '\\|') : padded}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run in the content. */
function fenced(language: string, content: string): string {
  const longest = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${content}\n${fence}`;
}

/** An explicit heading id (`{#4040}`), understood by Docusaurus and VitePress, when the id is plain. */
function headingId(id: string): string {
  return /^[\w.:-]+$/.test(id) ? ` {#${id}}` : '';
}

function yamlString(value: string): string {
  // A JSON string is a valid YAML scalar, whatever it contains.
  return JSON.stringify(value);
}

function exampleBlock(example: DocsExample): string {
  return fenced('http', exampleText(example, STATUS_CODES[example.status] ?? ''));
}

function entrySection(entry: DocsEntry, model: DocsModel): string {
  const out: string[] = [`### ${text(String(entry.code))} — ${text(entry.title)}${headingId(entry.anchor)}`];
  const status =
    entry.status === undefined ? 'none (not an HTTP error)' : `${entry.status} ${entry.statusText}`.trim();
  const retry = [entry.retryable ? 'yes' : 'no'];
  if (entry.retryAfter !== undefined) retry.push(`after ${entry.retryAfter} s`);
  if (entry.throttling) retry.push('throttling: back off more slowly');
  if (entry.notApplied) retry.push('not applied: any method may be retried');
  out.push(`**Key:** ${code(entry.key)} · **Status:** ${status} · **Retryable:** ${retry.join(', ')}`);
  const params = entry.params.map((param) => `${code(param.name)}${param.required ? '' : ' (optional)'}`);
  out.push(
    `**Message:** ${code(entry.message)}${params.length > 0 ? ` — parameters: ${params.join(', ')}` : ''}`,
  );
  if (entry.answers !== undefined) out.push(`**Answers:** ${entry.answers}`);
  if (entry.since !== undefined) out.push(`**Since:** ${text(entry.since)}`);
  if (entry.deprecated !== false) {
    const reason = typeof entry.deprecated === 'string' ? `: ${prose(entry.deprecated)}` : '.';
    const use = entry.replacedBy.map((r) => (r.href ? `[${code(r.key)}](${r.href})` : code(r.key)));
    out.push(`> **Deprecated**${reason}${use.length > 0 ? ` Use ${use.join(', ')} instead.` : ''}`);
  }
  if (entry.description !== undefined) out.push(prose(entry.description));
  if (entry.schemaDetails) out.push('**Details:** validated by a schema in the catalog source.');
  else if (entry.fields.length > 0) {
    const rows = entry.fields.map((field) => {
      const type = [
        field.type,
        field.enum ? `one of ${field.enum.map((value) => code(JSON.stringify(value), true)).join(', ')}` : '',
        field.required ? '' : 'optional',
        field.internal ? '**internal** (logged, never sent)' : 'public',
      ].filter(Boolean);
      const description =
        field.description === undefined
          ? ''
          : prose(field.description)
              .replace(/\s*\n\s*/g, ' ')
              .replace(/\|/g, '\\|');
      return `| ${code(field.name, true)} | ${type.join(', ')} | ${description} |`;
    });
    out.push(`**Details**\n\n| Field | Type | Description |\n|---|---|---|\n${rows.join('\n')}`);
  }
  if (entry.causes.length > 0) {
    out.push(`**Possible causes**\n\n${entry.causes.map((cause) => `- ${prose(cause)}`).join('\n')}`);
  }
  if (entry.resolution !== undefined) out.push(`**Resolution**\n\n${prose(entry.resolution)}`);
  const example = entry.example && renderExample(entry.example, model.profile);
  if (example) out.push(`**Example response** (${code(example.profile)})\n\n${exampleBlock(example)}`);
  if (entry.raised !== undefined)
    out.push(`**Raised as** (not an HTTP response)\n\n${fenced('text', entry.raised)}`);
  return out.join('\n\n');
}

function groupSection(group: DocsGroup, model: DocsModel): string {
  const range =
    group.range && !group.title.includes(String(group.range[0]))
      ? ` (${group.range[0]}–${group.range[1]})`
      : '';
  const out = [`## ${text(group.title)}${range}${headingId(group.id)}`];
  if (group.description !== undefined) out.push(prose(group.description));
  const rows = group.entries.map(
    (entry) =>
      `| [${text(String(entry.code))}](${entry.href}) | ${code(entry.key, true)} | ${entry.status ?? '—'} | ${entry.retryable ? 'Yes' : 'No'} | ${text(entry.title)} |`,
  );
  out.push(`| Code | Key | Status | Retryable | Title |\n|---|---|---|---|---|\n${rows.join('\n')}`);
  for (const entry of group.entries) out.push(entrySection(entry, model));
  return out.join('\n\n');
}

/**
 * Renders the catalog as one Markdown page for Docusaurus or VitePress: front matter (`title`,
 * `description`, `sidebar_position`), the catalog's prose sections, the response format, then one
 * section per category or range with a table of its codes and a heading per code whose explicit id
 * (`{#4040}`) matches the entry's docs URL fragment. Text is escaped for MDX.
 *
 * @example
 * ```ts
 * await writeFile('docs/error-codes.md', renderMarkdown(buildDocsModel(catalog), { sidebarPosition: 2 }));
 * ```
 */
export function renderMarkdown(model: DocsModel, options: RenderMarkdownOptions = {}): string {
  const front = [`title: ${yamlString(model.name)}`];
  if (model.description !== undefined) {
    front.push(`description: ${yamlString(model.description.split(/\n|(?<=\.)\s/)[0] ?? '')}`);
  }
  const position = options.sidebarPosition ?? model.sidebarPosition;
  if (position !== undefined) front.push(`sidebar_position: ${position}`);
  const out = [`---\n${front.join('\n')}\n---`, `# ${text(model.name)}`];
  if (model.description !== undefined) out.push(prose(model.description));
  const section = (at: 'start' | 'end'): string[] =>
    model.sections.filter((s) => s.at === at).map((s) => `## ${text(s.title)}\n\n${prose(s.body)}`);
  out.push(...section('start'));
  const sample = model.groups.flatMap((group) => group.entries).find((entry) => entry.example !== undefined);
  const example = sample?.example && renderExample(sample.example, model.profile);
  if (sample && example) {
    out.push(
      `## Error response format\n\nErrors are sent in the \`${model.profile.name}\` format (${code(model.profile.contentType)}). For example, [${text(String(sample.code))}](${sample.href}):\n\n${exampleBlock(example)}\n\nMatch on the \`code\`; the message is for people and may change.`,
    );
  }
  for (const group of model.groups) out.push(groupSection(group, model));
  out.push(...section('end'));
  return `${out.join('\n\n')}\n`;
}
