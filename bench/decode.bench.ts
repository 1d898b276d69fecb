/**
 * Decoding error responses with errcat/client next to a bare `JSON.parse` of the same bodies (the
 * floor: no decoder can do less), as ratios. The bodies are one error rendered in each of errcat's
 * wire profiles plus the defaults of other servers (Fastify/boom JSON, an nginx HTML page). A
 * second table checks that decoding stays linear: hostile bodies 16 times larger cost about 16
 * times more. The synchronous decoder is timed against the floor in back-to-back pairs (the
 * median of the rounds, with quartiles), so a burst of load elsewhere does not decide its ratio
 * and no harness overhead is added to both sides; decoding a `Response` is timed with tinybench
 * against reading and parsing the same `Response`.
 */
import { builtinProfiles, type CatalogError, renderError } from 'errcat';
import { decodeError, decodeErrorSync } from 'errcat/client';
import { orderCatalog as catalog } from './support/order-catalog.js';
import { pairedRatio } from './support/paired-ratio.js';
import { type BenchRow, measure, printRatios, reportRatio } from './support/report.js';

interface Sample {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const error = catalog.ORDER_NOT_FOUND({ id: 'o-7' });
const samples: Sample[] = [
  ...Object.values(builtinProfiles).map((profile) => {
    const rendered = renderError(error as CatalogError, { profile, context: { requestId: 'req-1' } });
    return {
      status: rendered.status,
      headers: { ...rendered.headers, 'x-request-id': 'req-1' },
      body: rendered.body,
    };
  }),
  {
    status: 404,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: '{"message":"Route GET:/nope not found","error":"Not Found","statusCode":404}',
  },
  {
    status: 502,
    headers: { 'content-type': 'text/html' },
    body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
  },
];

const FLOOR = `JSON.parse (${samples.length} bodies)`;
let sink: unknown;

function parseAll(): void {
  for (const sample of samples) {
    try {
      sink = JSON.parse(sample.body);
    } catch {
      sink = sample.body;
    }
  }
}

/** Time per byte of one body, for the linearity table. */
async function perByte(name: string, body: string): Promise<BenchRow> {
  const [row] = await measure(
    { [name]: () => (sink = decodeErrorSync(500, { 'content-type': 'text/html' }, body)) },
    300,
  );
  return { name, nanos: (row?.nanos ?? Number.NaN) / body.length };
}

function decodeAll(): void {
  for (const sample of samples) sink = decodeErrorSync(sample.status, sample.headers, sample.body);
}

function decodeAllTyped(): void {
  for (const sample of samples)
    sink = decodeErrorSync(sample.status, sample.headers, sample.body, { catalog });
}

/** The `Response` rows: reading the body dominates, so tinybench's per-call overhead matters little. */
const RESPONSE_FLOOR = 'new Response + response.text + JSON.parse';

export default async function run(): Promise<void> {
  console.log(`| case | × ${FLOOR} (median of back-to-back rounds) | quartiles |`);
  console.log('|---|---:|---:|');
  for (const [name, task, target] of [
    ['decodeErrorSync, no catalog', decodeAll, { atMost: 1.5 }],
    ['decodeErrorSync, typed by catalog', decodeAllTyped, undefined],
  ] as const) {
    const paired = pairedRatio(parseAll, task);
    const ratio = target
      ? reportRatio(`${name} × ${FLOOR}`, paired.median, target)
      : paired.median.toFixed(2);
    console.log(`| ${name} | ${ratio} | ${paired.low.toFixed(2)}–${paired.high.toFixed(2)} |`);
  }
  console.log('');
  const rows = await measure(
    {
      [RESPONSE_FLOOR]: async () => {
        for (const sample of samples) {
          const text = await new Response(sample.body, {
            status: sample.status,
            headers: sample.headers,
          }).text();
          try {
            sink = JSON.parse(text);
          } catch {
            sink = text;
          }
        }
      },
      'new Response + decodeError (bounded read)': async () => {
        for (const sample of samples) {
          sink = await decodeError(
            new Response(sample.body, { status: sample.status, headers: sample.headers }),
            { catalog },
          );
        }
      },
    },
    1500,
  );
  printRatios(rows, RESPONSE_FLOOR, 'ns');

  console.log(
    '\nLinearity: decode time per byte of hostile bodies, 64 KiB vs 1 MiB (ratio ≈ 1 means linear)\n',
  );
  const kib = 64 * 1024;
  const linear: BenchRow[] = [];
  for (const [label, unit] of [
    ['tag soup "<h1"', '<h1'],
    ['entities "&amp;"', '&amp;'],
    ['open brackets "["', '['],
    ['newlines', '\n'],
  ] as const) {
    linear.push(await perByte(`${label}, 64 KiB`, unit.repeat(Math.ceil(kib / unit.length))));
    linear.push(await perByte(`${label}, 1 MiB`, unit.repeat(Math.ceil((16 * kib) / unit.length))));
  }
  console.log('| body | ns per byte | × 64 KiB |');
  console.log('|---|---:|---:|');
  for (let index = 0; index < linear.length; index += 2) {
    const small = linear[index] as BenchRow;
    const large = linear[index + 1] as BenchRow;
    console.log(`| ${small.name} | ${small.nanos.toFixed(2)} | 1.00 |`);
    console.log(`| ${large.name} | ${large.nanos.toFixed(2)} | ${(large.nanos / small.nanos).toFixed(2)} |`);
  }
  void sink;
}
