/**
 * errcat: an HTTP API's errors as a contract — the catalog, its errors, wire profiles and
 * rendering, and the error responder. This entry only re-exports.
 * @packageDocumentation
 */

export { baseCatalog, baseCatalogSpec } from './base/base-catalog.js';
export type { BaseRole } from './base/base-entries.js';
export type { CatalogEntry } from './catalog-entry.js';
export { CatalogError, type CatalogErrorOptions } from './catalog-error.js';
export type {
  CatalogSpec,
  CategorySpec,
  ConstraintViolation,
  DatabaseViolationSpec,
  EntrySpec,
  ErrorCode,
  LogLevel,
  StackRule,
} from './catalog-spec.js';
export type {
  Catalog,
  CatalogMethods,
  CheckedSpec,
  DetailsOf,
  EntryDetails,
  ErrorFactory,
  ErrorOf,
  FactoryArgs,
  KeyOf,
} from './catalog-types.js';
export { defineCatalog, parseCatalog } from './define-catalog.js';
export { errcatErrors } from './errcat-catalog.js';
export {
  type FieldDeclaration,
  type FieldMap,
  type FieldShorthand,
  type FieldSpec,
  type FieldsValue,
  type FieldType,
  type FieldValue,
  type NormalizedField,
  normalizeField,
} from './field-spec.js';
export type { HeadersLike } from './http/headers-like.js';
export { readHeader } from './http/read-header.js';
export { isCatalogError } from './is-catalog-error.js';
export {
  type CompiledTemplate,
  type CompileResult,
  compileTemplate,
  type ParamNames,
  type RequiredParamNames,
  type TemplateParams,
  type TemplateValue,
} from './message-template.js';
export { type BuiltinProfileName, builtinProfiles, getProfile } from './profiles/builtin-profiles.js';
export { canonicalStatus, googleProfile } from './profiles/google-profile.js';
export { jsonApiProfile } from './profiles/jsonapi-profile.js';
export { negotiateProfile } from './profiles/negotiate-profile.js';
export { type RenderSuccessOptions, renderSuccess } from './profiles/render-success.js';
export { resonateLegacyProfile } from './profiles/resonate-legacy-profile.js';
export {
  createResonateProfile,
  RESONATE_PROTOCOL_VERSION,
  type ResonateProfileOptions,
  resonateProfile,
  resonateRequestContext,
} from './profiles/resonate-profile.js';
export { type RstmdbBatchItem, rstmdbBatchResult, rstmdbProfile } from './profiles/rstmdb-profile.js';
export { createSimpleProfile, type SimpleProfileOptions, simpleProfile } from './profiles/simple-profile.js';
export type { DecodedError } from './render/decoded-error.js';
export { describeError, type ErrorView, type RenderContext } from './render/error-view.js';
export { problemProfile } from './render/problem-profile.js';
export { type RenderedError, type RenderOptions, renderError } from './render/render-error.js';
export type { WireProfile } from './render/wire-profile.js';
export { entryForRole, roleError } from './role-error.js';
export { parseAcceptLanguage } from './server/accept-language.js';
export {
  createErrorResponder,
  type ErrorResponder,
  type ErrorResponse,
} from './server/create-error-responder.js';
export { consoleErrorLogger, type ErrorLogger, type LogMethod } from './server/error-logger.js';
export type { ErrorResponderOptions } from './server/error-responder-options.js';
export {
  ERROR_COUNTER_NAME,
  errorTelemetry,
  type OpenTelemetryApi,
  type SpanLike,
} from './server/opentelemetry.js';
export type { RequestFacts } from './server/request-facts.js';
export { type RequestIdOptions, resolveRequestId } from './server/request-id.js';
export { type ErrorMapper, toCatalogError } from './server/to-catalog-error.js';
export { type RoleCodeCollision, roleCodeCollisions } from './server/unambiguous-entry.js';
export {
  type CatalogProblem,
  MAX_KEY_LENGTH,
  RESERVED_FIELDS,
  validateCatalog,
} from './validate-catalog.js';
