import { type CatalogSpec, errcatErrors } from 'errcat';

/**
 * A prose section of the docs page, such as "Handling errors" or "Best practices".
 *
 * @example
 * ```yaml
 * x-docs:
 *   sections:
 *     - title: Handling Errors
 *       body: "1. **Identify the error code** in the response or logs.\n2. …"
 * ```
 */
export interface DocsSection {
  /** The section heading. */
  readonly title: string;
  /** The section text, as Markdown. */
  readonly body: string;
  /** Where the section goes: before the error groups or after them. @default 'start' */
  readonly at: 'start' | 'end';
}

/**
 * What a catalog says about its own docs, under the catalog-level `x-docs` key (an `x-` name, so it
 * needs no change to the catalog format).
 *
 * @example
 * ```yaml
 * x-docs:
 *   sidebarPosition: 2
 *   sections: [{ title: Handling Errors, body: "Check `code` first." }]
 * ```
 */
export interface DocsExtension {
  /** Prose sections, in order. @default [] */
  readonly sections: readonly DocsSection[];
  /** The `sidebar_position` of the Markdown page's front matter. @default undefined (none written) */
  readonly sidebarPosition: number | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads and checks the catalog's `x-docs` key; a malformed one is an `ERRCAT_INVALID_CATALOG` error
 * naming every problem.
 *
 * @example
 * ```ts
 * const { sections } = readDocsExtension(catalog.spec);
 * ```
 */
export function readDocsExtension(spec: CatalogSpec): DocsExtension {
  const raw = (spec as unknown as Record<string, unknown>)['x-docs'];
  if (raw === undefined) return { sections: [], sidebarPosition: undefined };
  const problems: { path: string; message: string }[] = [];
  const report = (path: string, message: string): void => {
    problems.push({ path: `x-docs${path}`, message });
  };
  const sections: DocsSection[] = [];
  let sidebarPosition: number | undefined;
  if (!isRecord(raw)) report('', 'must be an object with `sections` and/or `sidebarPosition`');
  else {
    for (const field of Object.keys(raw)) {
      if (field !== 'sections' && field !== 'sidebarPosition') report(`.${field}`, 'unknown field');
    }
    if (raw.sidebarPosition !== undefined) {
      if (typeof raw.sidebarPosition === 'number' && Number.isFinite(raw.sidebarPosition))
        sidebarPosition = raw.sidebarPosition;
      else report('.sidebarPosition', 'must be a number');
    }
    if (raw.sections !== undefined && !Array.isArray(raw.sections)) report('.sections', 'must be a list');
    for (const [index, section] of (Array.isArray(raw.sections) ? raw.sections : []).entries()) {
      const at = `.sections[${index}]`;
      if (!isRecord(section) || typeof section.title !== 'string' || typeof section.body !== 'string') {
        report(at, 'must be an object with a string `title` and a string `body`');
      } else if (section.at !== undefined && section.at !== 'start' && section.at !== 'end') {
        report(`${at}.at`, "must be 'start' or 'end'");
      } else {
        sections.push({
          title: section.title,
          body: section.body,
          at: section.at === 'end' ? 'end' : 'start',
        });
      }
    }
  }
  if (problems.length > 0) {
    const first = problems[0] as { path: string; message: string };
    throw errcatErrors.ERRCAT_INVALID_CATALOG({
      domain: spec.domain,
      summary: `${first.path}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
      problems,
    });
  }
  return { sections, sidebarPosition };
}
