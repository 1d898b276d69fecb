/**
 * errcat/shed: load shedding — admit or shed a request under pressure, drain on shutdown, and run
 * work under a deadline. This entry only re-exports.
 * @packageDocumentation
 */

export {
  type Admission,
  createLoadShedder,
  type DrainResult,
  type LoadShedder,
  type LoadShedderOptions,
} from './load-shedder.js';
export type { PressureProbe, PressureReading } from './pressure-probe.js';
export { runWithDeadline } from './run-with-deadline.js';
