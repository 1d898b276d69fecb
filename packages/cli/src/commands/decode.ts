import { decodeErrorSync } from 'errcat/client';
import { loadCatalogFile } from '../catalog/load-catalog.js';
import type { Command } from '../command.js';
import { usageError } from '../usage-error.js';

/** A pasted `curl -i` answer: `HTTP/1.1 503 …`, header lines, a blank line, the body. */
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? (\d{3})\b[^\n]*\n/;

interface Pasted {
  readonly status: number | undefined;
  readonly headers: [string, string][];
  readonly body: string;
}

function headerLine(line: string): [string, string] | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
}

/** Splits a pasted whole response into status, headers and body; a bare body stays a body. */
function splitPasted(input: string): Pasted {
  const text = input.replaceAll('\r\n', '\n');
  const match = STATUS_LINE.exec(text);
  if (!match) return { status: undefined, headers: [], body: input };
  const end = text.indexOf('\n\n', match[0].length - 1);
  const head = text.slice(match[0].length, end < 0 ? text.length : end);
  const headers = head
    .split('\n')
    .map(headerLine)
    .filter((pair): pair is [string, string] => pair !== undefined);
  return { status: Number(match[1]), headers, body: end < 0 ? '' : text.slice(end + 2) };
}

function parseStatus(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{3}$/.test(value) || Number(value) < 100 || Number(value) > 599) {
    throw usageError(`--status must be an HTTP status from 100 to 599, not '${value}'`);
  }
  return Number(value);
}

/**
 * `errcat decode [--catalog c] [--status N] [--header 'name: value' ...] < body`: decodes an error
 * response the way errcat/client does and prints its normalised facts as one JSON object. Standard
 * input may also hold a whole pasted response (`curl -i` output); its status line and headers are
 * read, and the options win over them.
 *
 * @example
 * ```sh
 * curl -si https://api.example.com/orders/o-1 | errcat decode --catalog catalogs/rstmdb.yaml
 * ```
 */
export const decodeCommand: Command = {
  name: 'decode',
  summary: 'Decode a pasted error response into its code, message, retryability and request id',
  usage: "errcat decode [--catalog file] [--status N] [--header 'name: value' ...] < response",
  options: {
    catalog: { type: 'string', description: "The API's catalog, to name the entry the code matches" },
    status: {
      type: 'string',
      description: 'The HTTP status (default: the pasted status line, else the body)',
    },
    header: {
      type: 'string',
      multiple: true,
      description: "A response header as 'name: value' (repeatable)",
    },
  },
  run: async ({ positionals, values }, io) => {
    if (positionals.length > 0)
      throw usageError('decode reads the response from standard input; it takes no arguments');
    const pasted = splitPasted(await io.stdin());
    const headers = [...pasted.headers];
    for (const line of (values.header as string[] | undefined) ?? []) {
      const pair = headerLine(line);
      if (!pair) throw usageError(`--header must be 'name: value', not '${line}'`);
      headers.push(pair);
    }
    const catalogFile = values.catalog as string | undefined;
    const catalog =
      catalogFile === undefined ? undefined : (await loadCatalogFile(catalogFile, io.cwd)).catalog;
    const status = parseStatus(values.status as string | undefined) ?? pasted.status;
    const decoded = decodeErrorSync(status, headers, pasted.body, catalog === undefined ? {} : { catalog });
    const out = decoded.ok
      ? { status: decoded.status, error: false }
      : {
          status: decoded.httpStatus === 0 ? null : decoded.httpStatus,
          ...(decoded.key === undefined ? {} : { key: decoded.key }),
          code: decoded.code,
          statusName: decoded.statusName,
          message: decoded.message,
          retryable: decoded.retryable,
          retryAfter: decoded.retryAfter ?? null,
          // The catalog's default delay is the catalog's fact, apart from what the response said.
          ...(decoded.key === undefined ? {} : { catalogRetryAfter: decoded.catalogRetryAfter ?? null }),
          requestId: decoded.requestId ?? null,
          docs: decoded.docs ?? null,
          violations: decoded.violations,
          format: decoded.format,
        };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  },
};
