import type { CatalogChange, CatalogDiff } from './diff-catalogs.js';
import type { ChangeLevel } from './diff-rules.js';

/**
 * Where the two catalogs came from, as the user named them.
 *
 * @example
 * ```ts
 * formatDiffText(diff, { before: 'git:main:catalog.yaml', after: 'catalog.yaml' } satisfies DiffSources);
 * ```
 */
export interface DiffSources {
  /** The old catalog: a path or `git:<rev>:<path>`. */
  readonly before: string;
  /** The new catalog. */
  readonly after: string;
}

const LEVELS: readonly ChangeLevel[] = ['major', 'minor', 'patch'];

function countsLine(diff: CatalogDiff): string {
  return LEVELS.map((level) => `${diff.counts[level]} ${level}`).join(', ');
}

function versionLine(diff: CatalogDiff): string | undefined {
  const version = diff.version;
  if (!version) return undefined;
  const moved = `version ${version.before} → ${version.after} (${version.bump})`;
  return version.sufficient
    ? `${moved} covers the changes`
    : `${moved} is too small: the changes need a ${diff.verdict} release`;
}

function entryLabel(change: CatalogChange): string {
  if (change.key === undefined) return '(catalog)';
  return change.code === undefined || String(change.code) === change.key
    ? change.key
    : `${change.key} (${change.code})`;
}

function waiverNote(change: CatalogChange): string {
  return change.waiver ? `; accepted, was major: ${change.waiver.reason}` : '';
}

/**
 * The diff as plain text, one change per line, for a terminal.
 *
 * @example
 * ```ts
 * io.stdout(formatDiffText(diffCatalogs(before, after), { before: 'git:main:errors.yaml', after: 'errors.yaml' }));
 * ```
 */
export function formatDiffText(diff: CatalogDiff, sources: DiffSources): string {
  const lines = [
    `${sources.before} → ${sources.after}: ${diff.verdict === 'none' ? 'no changes' : diff.verdict}`,
  ];
  for (const change of diff.changes) {
    lines.push(
      `  ${change.level.padEnd(5)}  ${entryLabel(change)}: ${change.message} [${change.rule}${waiverNote(change)}]`,
    );
  }
  const summary = [countsLine(diff), versionLine(diff)].filter(Boolean).join('; ');
  lines.push(
    diff.breaking ? `${summary}. Breaking: clients built against the old catalog can fail.` : `${summary}.`,
  );
  return `${lines.join('\n')}\n`;
}

/** Text for a Markdown table cell: no pipes or line breaks, code in backticks kept literal. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(changes: readonly CatalogChange[]): string[] {
  const rows = ['| Level | Entry | Change | Rule |', '| --- | --- | --- | --- |'];
  for (const change of changes) {
    const rule = `\`${change.rule}\`${change.waiver ? ` (accepted: ${cell(change.waiver.reason)})` : ''}`;
    rows.push(`| ${change.level} | \`${cell(entryLabel(change))}\` | ${cell(change.message)} | ${rule} |`);
  }
  return rows;
}

/**
 * The diff as GitHub-flavoured Markdown, for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the
 * verdict, the major and minor changes as a table, the patch-level ones folded away.
 *
 * @example
 * ```ts
 * await appendFile(process.env.GITHUB_STEP_SUMMARY!, formatDiffMarkdown(diff, sources));
 * ```
 */
export function formatDiffMarkdown(diff: CatalogDiff, sources: DiffSources): string {
  const verdict = diff.breaking
    ? '**major** — breaking changes'
    : diff.verdict === 'none'
      ? 'no changes'
      : `**${diff.verdict}** — no breaking changes`;
  const lines = [
    `### Error catalog contract: ${verdict}`,
    '',
    `\`${cell(sources.before)}\` → \`${cell(sources.after)}\`: ${countsLine(diff)}.`,
  ];
  const version = versionLine(diff);
  if (version) lines.push('', `${diff.version?.sufficient ? '' : '> [!WARNING]\n> '}${cell(version)}.`);
  const visible = diff.changes
    .filter((change) => change.level !== 'patch')
    .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  const folded = diff.changes.filter((change) => change.level === 'patch');
  if (visible.length > 0) lines.push('', ...table(visible));
  if (folded.length > 0) {
    lines.push(
      '',
      '<details>',
      `<summary>${folded.length} patch-level change${folded.length === 1 ? '' : 's'} (documentation, server-side)</summary>`,
      '',
      ...table(folded),
      '',
      '</details>',
    );
  }
  return `${lines.join('\n')}\n`;
}
