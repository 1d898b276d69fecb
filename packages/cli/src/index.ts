/**
 * `@errcat/cli`: the `errcat` command, and its building blocks for scripts. This entry only re-exports.
 * @packageDocumentation
 */
export { loadCatalogSource, readCatalogSource } from './catalog/catalog-source.js';
export { generateTypes, typeNameFor } from './catalog/generate-types.js';
export { type LintFinding, lintCatalog } from './catalog/lint-catalog.js';
export { type LoadedCatalog, loadCatalogFile, readCatalogSpec } from './catalog/load-catalog.js';
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
} from './diff/diff-catalogs.js';
export { type ChangeLevel, DIFF_RULES, type DiffRule, type DiffRuleId } from './diff/diff-rules.js';
export { type DiffSources, formatDiffMarkdown, formatDiffText } from './diff/format-diff.js';
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
export { main } from './main.js';
export { generateOpenApi, type OpenApiDocument } from './openapi/generate-openapi.js';
export { type MergeOptions, type MergeResult, mergeOpenApi } from './openapi/merge-openapi.js';
export type { OpenApiOptions } from './openapi/openapi-options.js';
export { usageError } from './usage-error.js';
