/**
 * errcat/database: map a database driver's error (a unique or foreign-key violation…) to the
 * catalog's entry. This entry only re-exports.
 * @packageDocumentation
 */

export { type DatabaseErrorOptions, fromDatabaseError } from './from-database-error.js';
