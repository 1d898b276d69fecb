/**
 * `@errcat/cli`: the `errcat` command, and its building blocks for scripts. This entry only re-exports.
 * @packageDocumentation
 */
export { type CliIo, processIo } from './cli-io.js';
export type { Command, CommandInput, OptionSpec } from './command.js';
export { explainEntry } from './commands/explain.js';
export { commands } from './commands/index.js';
export { generateTypes, typeNameFor } from './generate-types.js';
export { type LintFinding, lintCatalog } from './lint-catalog.js';
export { type LoadedCatalog, loadCatalogFile, readCatalogSpec } from './load-catalog.js';
export { main } from './main.js';
export { usageError } from './usage-error.js';
