/**
 * errcat/validation: validate a request's parts against Standard Schema or JSON Schema and report
 * each violation. This entry only re-exports.
 * @packageDocumentation
 */

export { type PathSegment, parseJsonPointer } from '../../http/json-pointer.js';
export {
  type InferSchemaInput,
  isStandardSchema,
  type StandardSchemaIssue,
  type StandardSchemaProps,
  type StandardSchemaResult,
  type StandardSchemaV1,
} from '../../standard-schema.js';
export {
  DEFAULT_VIOLATION_KEYS,
  isViolationType,
  type RequestPart,
  VIOLATION_KEYS,
  VIOLATION_TYPES,
  type Violation,
  type ViolationKey,
  type ViolationType,
} from '../../violation.js';
export { type JsonSchemaError, violationsFromJsonSchema } from './json-schema-violations.js';
export { type IssueMappingOptions, violationsFromIssues } from './standard-violations.js';
export {
  type InferSchemaOutput,
  type RequestParts,
  type RequestSchemas,
  type ValidatedParts,
  validatePart,
  validateRequest,
} from './validate-request.js';
export { type ValidationErrorOptions, validationFailed } from './validation-failed.js';
