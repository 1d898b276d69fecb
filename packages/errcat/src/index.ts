/**
 * errcat: an HTTP API's errors as a contract. This entry only re-exports.
 * @packageDocumentation
 */

export { baseCatalog, baseCatalogSpec } from './base/base-catalog.js';
export type { BaseRole } from './base/base-entries.js';
export type { CatalogEntry } from './catalog-entry.js';
export { CATALOG_ERROR_BRAND, CatalogError, type CatalogErrorOptions } from './catalog-error.js';
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
  isFieldType,
  type NormalizedField,
  normalizeField,
} from './field-spec.js';
export {
  type ApiKeyAuth,
  type ApiKeyAuthOptions,
  createApiKeyAuth,
  safeEqual,
} from './guards/auth/api-key.js';
export {
  type AuthErrorOptions,
  authUnavailable,
  forbidden,
  insufficientScope,
  invalidAuthRequest,
  invalidCredentials,
  invalidToken,
  tokenExpired,
  unauthenticated,
} from './guards/auth/auth-errors.js';
export { type AuthorizationResult, parseAuthorization } from './guards/auth/authorization-header.js';
export {
  type BearerChallenge,
  type BearerErrorCode,
  bearerChallenge,
} from './guards/auth/bearer-challenge.js';
export { readBearerToken } from './guards/auth/bearer-token.js';
export { grantedScopes, requireRoles, requireScopes } from './guards/auth/require-scopes.js';
export { type RenderBatchOptions, renderBatch } from './guards/batch/render-batch.js';
export {
  type BatchItemResult,
  type BatchMode,
  type BatchOptions,
  type BatchResult,
  runBatch,
} from './guards/batch/run-batch.js';
export { type DatabaseErrorOptions, fromDatabaseError } from './guards/database/from-database-error.js';
export {
  beginIdempotent,
  type IdempotencyHookOptions,
} from './guards/idempotency/begin-idempotent.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './guards/idempotency/default-max-response-bytes.js';
export {
  createIdempotencyGuard,
  DEFAULT_IDEMPOTENCY_TTL,
  IDEMPOTENT_REPLAYED_HEADER,
  type IdempotencyClaimHandle,
  type IdempotencyGuard,
  type IdempotencyGuardOptions,
  type IdempotencyStart,
  type IdempotencyStoreOperation,
  type IdempotentRequest,
} from './guards/idempotency/idempotency-guard.js';
export type {
  IdempotencyClaim,
  IdempotencyClaimResult,
  IdempotencyRecord,
  IdempotencyStore,
  StoredResponse,
} from './guards/idempotency/idempotency-store.js';
export {
  type MemoryIdempotencyStoreOptions,
  memoryIdempotencyStore,
} from './guards/idempotency/memory-idempotency-store.js';
export {
  type IdempotencyKeyParse,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  type ParseIdempotencyKeyOptions,
  parseIdempotencyKey,
} from './guards/idempotency/parse-idempotency-key.js';
export { type IdempotencyRow, recordFromRow } from './guards/idempotency/record-row.js';
export { type FingerprintInput, requestFingerprint } from './guards/idempotency/request-fingerprint.js';
export { storesNothing } from './guards/idempotency/stores-nothing.js';
export {
  alreadyCompleted,
  alreadyExists,
  expectVersion,
  type FinalState,
  invalidState,
  type LifecycleErrorOptions,
  notFound,
  type ResourceRef,
  versionConflict,
} from './guards/lifecycle/lifecycle-errors.js';
export {
  type CatalogRateLimitsOptions,
  catalogRateLimits,
} from './guards/rate-limit/catalog-rate-limits.js';
export { type GcraRule, gcraRule, gcraStep } from './guards/rate-limit/gcra.js';
export {
  type MemoryRateLimitStoreOptions,
  memoryRateLimitStore,
} from './guards/rate-limit/memory-rate-limit-store.js';
export { mergeRateLimitField } from './guards/rate-limit/merge-rate-limit-field.js';
export { parseRateLimit, parseRateLimitPolicy } from './guards/rate-limit/parse-rate-limit-fields.js';
export type { RateLimitDecision } from './guards/rate-limit/rate-limit-decision.js';
export {
  formatRateLimit,
  formatRateLimitPolicy,
  type QuotaPolicyField,
  type QuotaStateField,
} from './guards/rate-limit/rate-limit-fields.js';
export type { RateLimitKey, RateLimitPolicy } from './guards/rate-limit/rate-limit-policy.js';
export type { RateLimitRule, RateLimitStore } from './guards/rate-limit/rate-limit-store.js';
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitHeaderMode,
  type RateLimitResult,
} from './guards/rate-limit/rate-limiter.js';
export {
  type SlidingWindowRule,
  slidingWindowRule,
  slidingWindowStep,
} from './guards/rate-limit/sliding-window.js';
export { admitOnce } from './guards/shed/admit-once.js';
export {
  type Admission,
  createLoadShedder,
  type DrainResult,
  type LoadShedder,
  type LoadShedderOptions,
} from './guards/shed/load-shedder.js';
export type { PressureProbe, PressureReading } from './guards/shed/pressure-probe.js';
export { runWithDeadline } from './guards/shed/run-with-deadline.js';
export type { TrafficGuardsOptions } from './guards/traffic-guards-options.js';
export type { TrafficRequest } from './guards/traffic-request.js';
export { formatJsonPointer, type PathSegment, parseJsonPointer } from './guards/validation/json-pointer.js';
export {
  type JsonSchemaError,
  violationsFromJsonSchema,
} from './guards/validation/json-schema-violations.js';
export {
  type IssueMappingOptions,
  violationsFromIssues,
} from './guards/validation/standard-violations.js';
export {
  type InferSchemaOutput,
  type RequestParts,
  type RequestSchemas,
  type ValidatedParts,
  validatePart,
  validateRequest,
} from './guards/validation/validate-request.js';
export { type ValidationErrorOptions, validationFailed } from './guards/validation/validation-failed.js';
export { RETRYABLE_STATUSES } from './internal/resolve-entry.js';
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
export {
  type BuiltinProfileName,
  builtinProfiles,
  getProfile,
} from './profiles/builtin-profiles.js';
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
export { type HeaderSource, type RequestFacts, readHeader } from './server/request-facts.js';
export { type RequestIdOptions, resolveRequestId } from './server/request-id.js';
export { roleForStatus } from './server/role-for-status.js';
export { type ErrorMapper, toCatalogError } from './server/to-catalog-error.js';
export { type RoleCodeCollision, roleCodeCollisions } from './server/unambiguous-entry.js';
export {
  type InferSchemaInput,
  isStandardSchema,
  type StandardSchemaIssue,
  type StandardSchemaProps,
  type StandardSchemaResult,
  type StandardSchemaV1,
} from './standard-schema.js';
export {
  type CatalogProblem,
  isDocsUrl,
  KEY_PATTERN,
  MAX_KEY_LENGTH,
  RESERVED_FIELDS,
  validateCatalog,
} from './validate-catalog.js';
export {
  DEFAULT_VIOLATION_KEYS,
  isViolationType,
  type RequestPart,
  VIOLATION_KEYS,
  VIOLATION_TYPES,
  type Violation,
  type ViolationKey,
  type ViolationType,
} from './violation.js';
