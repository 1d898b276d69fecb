import type { Command } from '../command.js';
import { startDocsServer } from '../docs/docs-server.js';
import { usageError } from '../usage-error.js';
import { listOption } from './list-option.js';

/** The port when neither `--port` nor `PORT` gives one. */
const DEFAULT_PORT = 4321;

function portOf(value: unknown, source: string): number {
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port > 65_535) {
    throw usageError(`${source} must be a port number (0–65535), got '${String(value)}'`);
  }
  return port;
}

/**
 * `errcat serve <catalog>`: serves the docs site on 127.0.0.1 and reloads open pages while the
 * catalog file is edited; stops on Ctrl-C (SIGINT) or SIGTERM.
 *
 * @example
 * ```sh
 * errcat serve catalogs/resonate.yaml --port 4000
 * ```
 */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the error dictionary on 127.0.0.1 with live reload while the catalog is edited',
  usage: 'errcat serve <catalog> [--port N] [--profiles a,b]',
  options: {
    port: {
      type: 'string',
      description: `The port (default: $PORT, else ${DEFAULT_PORT}; 0 picks a free one)`,
    },
    profiles: { type: 'string', description: 'Profiles that get an example tab (default: all built-in)' },
  },
  run: async ({ positionals, values }, io) => {
    const [file] = positionals;
    if (!file) throw usageError('serve needs a catalog path');
    const port =
      values.port !== undefined
        ? portOf(values.port, '--port')
        : process.env.PORT
          ? portOf(process.env.PORT, 'PORT')
          : DEFAULT_PORT;
    const tabs = listOption(values.profiles);
    let server: Awaited<ReturnType<typeof startDocsServer>>;
    try {
      server = await startDocsServer({ file, cwd: io.cwd, port, ...(tabs === undefined ? {} : { tabs }) });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EADDRINUSE')
        throw usageError(`port ${port} is in use (choose another with --port or PORT)`);
      if (code === 'EACCES') throw usageError(`port ${port} needs more privileges (choose one above 1023)`);
      throw error;
    }
    io.stdout(`Serving ${file} at ${server.url} (live reload on; Ctrl-C stops)\n`);
    if (server.problems().length > 0) io.stderr(`errcat: ${file} is invalid; the page lists the problems\n`);
    await new Promise<void>((done) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};
