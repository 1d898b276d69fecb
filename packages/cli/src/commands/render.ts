import { STATUS_CODES } from 'node:http';
import { CatalogError, createErrorResponder } from 'errcat';
import { loadCatalogFile } from '../catalog/load-catalog.js';
import type { Command } from '../command.js';
import { findEntry } from '../internal/find-entry.js';
import { raiseEntry } from '../internal/raised-error.js';
import { usageError } from '../usage-error.js';
import { parseParams } from './parse-params.js';
import { profileByName } from './profile-by-name.js';

/**
 * `errcat render <catalog> <code|key>`: prints the status, headers and body that every errcat
 * adapter sends for that error (it runs the same responder the adapters run). An entry without a
 * status is not an HTTP error: it prints the error as the SDK raises it (`<class>: <message>` and
 * its JSON), and `--format json` gives `{ http: false, status: null, raised, error }`.
 *
 * @example
 * ```sh
 * errcat render catalogs/resonate-legacy.yaml PROMISE_NOT_FOUND --param id=p1 --profile resonate-legacy
 * ```
 */
export const renderCommand: Command = {
  name: 'render',
  summary: 'Print the HTTP response a server sends for an error (an SDK error: as it is raised)',
  usage:
    'errcat render <catalog> <code|key> [--param k=v ...] [--profile name] [--request-id id] [--path /p] [--format json]',
  options: {
    param: { type: 'string', multiple: true, description: 'A details field, as name=value (repeatable)' },
    profile: { type: 'string', description: "The wire profile (default: the catalog's, else 'problem')" },
    'request-id': {
      type: 'string',
      description: 'The incoming X-Request-Id (default: a new one, as a server makes)',
    },
    path: { type: 'string', description: 'The request path, sent as the occurrence (problem `instance`)' },
    format: { type: 'string', description: "'http' (default) or 'json' for { status, headers, body }" },
  },
  run: async ({ positionals, values }, io) => {
    const [file, wanted] = positionals;
    if (!file || !wanted) throw usageError('render needs a catalog path and a code or key');
    const { catalog } = await loadCatalogFile(file, io.cwd);
    const entry = findEntry(catalog, wanted);
    const details = parseParams(entry, (values.param as string[] | undefined) ?? []);
    if (entry.declaredStatus === undefined) {
      const raised = raiseEntry(entry, details);
      const note = `# ${entry.code} ${entry.key} is not an HTTP error: the SDK raises it in the caller's process.`;
      io.stdout(
        values.format === 'json'
          ? `${JSON.stringify(raised, null, 2)}\n`
          : `${note}\n${raised.raised}\n\n${JSON.stringify(raised.error)}\n`,
      );
      return 0;
    }
    const profile = profileByName((values.profile as string | undefined) ?? catalog.spec.profile);
    const requestId = values['request-id'] as string | undefined;
    const path = values.path as string | undefined;
    const responder = createErrorResponder({ catalog, profile, logger: false, instance: path !== undefined });
    const rendered = responder.respond(new CatalogError(entry, details), {
      method: 'GET',
      url: path ?? '/',
      headers: requestId === undefined ? {} : { 'x-request-id': requestId },
    });
    if (values.format === 'json') {
      io.stdout(
        `${JSON.stringify({ status: rendered.status, headers: rendered.headers, body: JSON.parse(rendered.body) }, null, 2)}\n`,
      );
      return 0;
    }
    const lines = [`HTTP/1.1 ${rendered.status} ${STATUS_CODES[rendered.status] ?? ''}`.trimEnd()];
    for (const [name, value] of Object.entries(rendered.headers)) lines.push(`${name}: ${value}`);
    io.stdout(`${lines.join('\n')}\n\n${rendered.body}\n`);
    return 0;
  },
};
