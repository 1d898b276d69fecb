/**
 * errcat/node: errcat for plain `node:http` servers. This entry only re-exports.
 * @packageDocumentation
 */
export { answerClientErrors } from './answer-client-errors.js';
export { captureResponse, type ResponseCapture } from './capture-response.js';
export {
  type Closable,
  type GracefulShutdown,
  type GracefulShutdownOptions,
  gracefulShutdown,
} from './graceful-shutdown.js';
export { type GuardTrafficOptions, guardTraffic } from './guard-traffic.js';
export { type NodeHandler, sendErrorResponse, withErrors } from './middleware.js';
export {
  createPressureMonitor,
  type PressureMonitor,
  type PressureMonitorOptions,
} from './pressure-monitor.js';
export { type GuardedHandler, type TrafficGuardsOptions, withTrafficGuards } from './traffic-guards.js';
export {
  type IdempotencyOptions,
  type IdempotentContext,
  type IdempotentHandler,
  sendStoredResponse,
  withIdempotency,
} from './with-idempotency.js';
