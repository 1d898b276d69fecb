import type { LogLevel } from '../catalog-spec.js';
import { safeStringify } from '../internal/safe-json.js';

/**
 * One log method in pino's shape: a structured object first, then a message.
 *
 * @example
 * ```ts
 * const info: LogMethod = (object, message) => console.log(JSON.stringify({ ...object, msg: message }));
 * ```
 */
export type LogMethod = (object: Record<string, unknown>, message?: string) => void;

/**
 * The logger the server core writes to: any object with pino's level methods, such as a pino or
 * Fastify logger (`request.log`). Missing levels are skipped. Each error is logged once, at its
 * entry's `logLevel`, with this object:
 *
 * - `err`: the error with its whole `cause` chain (type, message, stack, own properties);
 * - `requestId`, `code`, `key`, `status`, `method`, `path`;
 * - `details`: every details field, internal ones included (they are logged, never rendered).
 *
 * @example
 * ```ts
 * import pino from 'pino';
 * const responder = createErrorResponder({ catalog, logger: pino() });
 * ```
 */
export type ErrorLogger = { readonly [Level in LogLevel]?: LogMethod };

const LINE_SEPARATORS = /[\u2028\u2029]/g;

function writeJsonLine(level: LogLevel): LogMethod {
  return (object, message) => {
    // JSON escapes CR, LF and ESC; U+2028/9 are escaped too, so one event is always one line.
    const line = safeStringify({ level, time: Date.now(), msg: message, ...object }).replace(
      LINE_SEPARATORS,
      (char) => `\\u${char.charCodeAt(0).toString(16)}`,
    );
    console.error(line);
  };
}

/**
 * The logger used when none is given: `error` and `fatal` events as one JSON line each on stderr,
 * so an unexpected exception is never lost; expected (4xx) errors are not logged.
 *
 * @example
 * ```ts
 * createErrorResponder({ catalog, logger: consoleErrorLogger }); // the default
 * ```
 */
export const consoleErrorLogger: ErrorLogger = {
  error: writeJsonLine('error'),
  fatal: writeJsonLine('fatal'),
};
