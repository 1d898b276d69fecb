import { lintCatalog } from '../catalog/lint-catalog.js';
import { readCatalogSpec } from '../catalog/load-catalog.js';
import type { Command } from '../command.js';
import { usageError } from '../usage-error.js';

/**
 * `errcat lint <catalog>`: validation plus style findings; exit 1 on errors (on warnings too with --strict).
 *
 * @example
 * ```sh
 * errcat lint catalogs/resonate.yaml --strict
 * ```
 */
export const lintCommand: Command = {
  name: 'lint',
  summary: 'Validate a catalog and report style findings',
  usage: 'errcat lint <catalog> [--strict] [--format json]',
  options: {
    strict: { type: 'boolean', description: 'Fail on warnings too' },
    format: { type: 'string', description: "Output format: 'text' (default) or 'json'" },
  },
  run: async ({ positionals, values }, io) => {
    const [file] = positionals;
    if (!file) throw usageError('lint needs a catalog path');
    const findings = lintCatalog(await readCatalogSpec(file, io.cwd));
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    if (values.format === 'json') {
      io.stdout(`${JSON.stringify({ file, errors, warnings, findings }, null, 2)}\n`);
    } else {
      for (const f of findings)
        io.stdout(`${f.severity} ${f.path || '(catalog)'}: ${f.message} [${f.rule}]\n`);
      io.stdout(
        `${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
      );
    }
    return errors > 0 || (values.strict === true && warnings > 0) ? 1 : 0;
  },
};
