/**
 * `@errcat/cli`: the `errcat` command, and its building blocks for scripts. This entry only re-exports.
 * @packageDocumentation
 */
export { loadCatalogSource, readCatalogSource } from './catalog-source.js';
export { type CliIo, processIo } from './cli-io.js';
export type { Command, CommandInput, OptionSpec } from './command.js';
export { explainEntry } from './commands/explain.js';
export { commands } from './commands/index.js';
export {
  type CatalogChange,
  type CatalogDiff,
  type DiffWaiver,
  diffCatalogs,
  type VersionCheck,
} from './diff-catalogs.js';
export { type ChangeLevel, DIFF_RULES, type DiffRule, type DiffRuleId } from './diff-rules.js';
export { buildDocsModel, type DocsModel, type DocsModelOptions } from './docs/docs-model.js';
export { type DocsServer, type DocsServerOptions, startDocsServer } from './docs/docs-server.js';
export { type RenderMarkdownOptions, renderMarkdown } from './docs/render-markdown.js';
export { type RenderSiteOptions, renderSite } from './docs/render-site.js';
export {
  type DocsMarkdownOptions,
  type DocsSiteOptions,
  generateSite,
  type WrittenDocs,
  writeDocsMarkdown,
  writeDocsSite,
} from './docs/write-docs.js';
export { type DiffSources, formatDiffMarkdown, formatDiffText } from './format-diff.js';
export { generateOpenApi, type OpenApiDocument, type OpenApiOptions } from './generate-openapi.js';
export { generateTypes, typeNameFor } from './generate-types.js';
export { type LintFinding, lintCatalog } from './lint-catalog.js';
export { type LoadedCatalog, loadCatalogFile, readCatalogSpec } from './load-catalog.js';
export { main } from './main.js';
export { type MergeOptions, type MergeResult, mergeOpenApi } from './merge-openapi.js';
export { usageError } from './usage-error.js';
