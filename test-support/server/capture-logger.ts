import type { ErrorLogger, LogLevel } from 'errcat';

/** One call of a captured logger. */
export interface LogEvent {
  readonly level: LogLevel;
  readonly object: Record<string, unknown>;
  readonly message: string | undefined;
}

/** A pino-shaped logger that keeps every call, for asserting what the server logged. */
export function captureLogger(): ErrorLogger & { readonly events: LogEvent[] } {
  const events: LogEvent[] = [];
  const method =
    (level: LogLevel) =>
    (object: Record<string, unknown>, message?: string): void => {
      events.push({ level, object, message });
    };
  return {
    events,
    trace: method('trace'),
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    fatal: method('fatal'),
  };
}
