import { type CatalogSpec, compileTemplate, validateCatalog } from 'errcat';

/**
 * One lint finding: an error makes the catalog unusable, a warning is a style or docs gap.
 *
 * @example
 * ```ts
 * for (const { severity, path, message, rule } of lintCatalog(spec)) console.log(`${severity} ${path}: ${message} [${rule}]`);
 * ```
 */
export interface LintFinding {
  /** `error` fails the lint; `warning` fails it only with `--strict`. */
  readonly severity: 'error' | 'warning';
  /** The rule that found it, such as `missing-resolution`. */
  readonly rule: string;
  /** Where, such as `errors.PROMISE_NOT_FOUND.title`. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

function paramsOf(template: string): string[] {
  const compiled = compileTemplate(template);
  return compiled.ok ? [...compiled.template.required, ...compiled.template.optional].sort() : [];
}

/**
 * Lints a catalog spec: every validation problem as an error, plus style findings — a missing
 * title, causes or resolution; a title that ends with a period; a message parameter without a
 * declared type; a translation whose parameters differ from the message; a category range that no
 * entry uses; a deprecated entry without `replacedBy`.
 *
 * @example
 * ```ts
 * const findings = lintCatalog(spec);
 * const failed = findings.some((f) => f.severity === 'error');
 * ```
 */
export function lintCatalog(spec: unknown): LintFinding[] {
  const findings: LintFinding[] = validateCatalog(spec).map((problem) => ({
    severity: 'error',
    rule: 'invalid',
    path: problem.path,
    message: problem.message,
  }));
  if (findings.length > 0) return findings;
  const catalog = spec as CatalogSpec;
  const warn = (rule: string, path: string, message: string): void => {
    findings.push({ severity: 'warning', rule, path, message });
  };
  const usedCategories = new Set<string>();
  for (const [key, entry] of Object.entries(catalog.errors)) {
    const at = `errors.${key}`;
    if (entry.title === undefined)
      warn('missing-title', at, 'no title: the docs and problem+json fall back to the key');
    else if (entry.title.trimEnd().endsWith('.'))
      warn('title-period', `${at}.title`, 'a title is a heading: drop the final period');
    if (!entry.causes || entry.causes.length === 0)
      warn('missing-causes', at, 'no causes: readers cannot tell what leads to it');
    if (entry.resolution === undefined)
      warn('missing-resolution', at, 'no resolution: readers cannot tell what to do');
    if (entry.deprecated && (entry.replacedBy === undefined || entry.replacedBy.length === 0)) {
      warn('deprecated-without-replacement', at, 'deprecated without replacedBy: clients cannot migrate');
    }
    const params = paramsOf(entry.message);
    if (entry.details === undefined && params.length > 0) {
      warn(
        'undeclared-parameter',
        `${at}.message`,
        `parameters ${params.map((p) => `{${p}}`).join(', ')} have no declared type under details`,
      );
    }
    for (const [language, text] of Object.entries(entry.messages ?? {})) {
      const translated = paramsOf(text);
      if (translated.join() !== params.join()) {
        warn(
          'translation-parameters',
          `${at}.messages.${language}`,
          `parameters [${translated.join(', ')}] differ from the message's [${params.join(', ')}]`,
        );
      }
    }
    if (entry.category !== undefined) usedCategories.add(entry.category);
    else if (typeof entry.code === 'number') {
      for (const [name, category] of Object.entries(catalog.categories ?? {})) {
        if (category.range && entry.code >= category.range[0] && entry.code <= category.range[1])
          usedCategories.add(name);
      }
    }
  }
  for (const [name, category] of Object.entries(catalog.categories ?? {})) {
    if (!usedCategories.has(name)) {
      warn(
        'unused-category',
        `categories.${name}`,
        category.range
          ? `no entry uses the range ${category.range[0]}–${category.range[1]}`
          : 'no entry uses this category',
      );
    }
  }
  return findings;
}
