/**
 * errcat/testing: assertions that a response conforms to its catalog entry, and a generated
 * conformance suite, for your own test suite. This entry only re-exports.
 * @packageDocumentation
 */

export { assertResponse } from './assert-response.js';
export { checkResponse, type ResponseCheck } from './check-response.js';
export {
  type ConformanceCase,
  type ConformanceSuiteOptions,
  type ConformanceTrigger,
  conformanceSuite,
} from './conformance-suite.js';
export { type CapturedResponse, readResponse, type TestResponse } from './read-response.js';
export type { ResponseExpectation } from './response-expectation.js';
export { sampleDetails } from './sample-details.js';
export {
  type StoreConformanceCase,
  type StoreConformanceOptions,
  storeConformance,
} from './store-conformance.js';
