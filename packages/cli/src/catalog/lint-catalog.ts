import {
  type Catalog,
  type CatalogSpec,
  compileTemplate,
  getProfile,
  parseCatalog,
  roleCodeCollisions,
  validateCatalog,
} from 'errcat';
import { exampleProblems } from './example-problems.js';

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

/** Builds a catalog that passed validation; `undefined` if it still fails to build. */
function build(spec: CatalogSpec): Catalog | undefined {
  try {
    return parseCatalog(spec);
  } catch {
    return undefined;
  }
}

/**
 * Lints a catalog spec: every validation problem as an error, and as an error an entry whose
 * example cannot render (`errcat render` and the docs need a value it lacks, or it gives a value
 * of the wrong type or a field the entry does not declare); plus style findings — a missing
 * title, causes or resolution; a title that ends with a period; a message parameter without a
 * declared type; a translation whose parameters differ from the message; a category range that no
 * entry uses; a deprecated entry without `replacedBy`; a base role the catalog does not map whose
 * code in the catalog's profile is another entry's (`resonate-legacy` sends 503 `OVERLOADED` as
 * 5030, the seed's shutting down).
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
  const built = build(catalog);
  for (const [key, entry] of Object.entries(catalog.errors)) {
    const at = `errors.${key}`;
    const resolved = built?.entry(key);
    for (const problem of resolved ? exampleProblems(resolved) : []) {
      findings.push({
        severity: 'error',
        rule: 'example-cannot-render',
        path: `${at}.example`,
        message: `the example ${problem}: errcat render and the docs cannot show it as written`,
      });
    }
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
  const profileName = catalog.profile ?? 'problem';
  for (const { role, code, owner, sentAs } of built
    ? roleCodeCollisions(built, getProfile(profileName))
    : []) {
    const clash = `the base role ${role} has no entry here, and ${profileName} would send it as ${code}, the code of ${owner}`;
    const fix = `give it an entry with role: ${role}`;
    if (sentAs !== undefined)
      warn('role-code-collision', 'errors', `${clash}: it goes out as ${sentAs}; ${fix}`);
    // A numbered format has no other code to send; a named one at least names a kindred entry.
    else if (typeof code === 'string') warn('role-code-collision', 'errors', `${clash}; ${fix}`);
    else {
      findings.push({
        severity: 'error',
        rule: 'role-code-collision',
        path: 'errors',
        message: `${clash}, and no free code is left near it: ${fix}`,
      });
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
