/**
 * errcat/node: errcat for plain `node:http` servers. This entry only re-exports.
 * @packageDocumentation
 */
export { type NodeHandler, sendErrorResponse, withErrors } from './middleware.js';
