import type { CatalogSpec, EntrySpec } from 'errcat';

const NOUNS = [
  'promise',
  'schedule',
  'task',
  'subscription',
  'lock',
  'queue',
  'token',
  'account',
  'invoice',
  'webhook',
];
const PROBLEMS = [
  ['not found', 404, 'could not be found'],
  ['already exists', 409, 'already exists'],
  ['expired', 401, 'has expired'],
  ['forbidden', 403, 'may not be accessed by this principal'],
  ['invalid', 422, 'is invalid for the requested transition'],
  ['unavailable', 503, 'is temporarily unavailable'],
] as const;

/**
 * A realistic catalog of `count` entries for benchmarks: ten categories with numeric ranges, each
 * entry with a parameterised message, two details fields (one internal), causes, a resolution and
 * an example, and text that differs per entry so nothing is cached away.
 *
 * @example
 * ```ts
 * const catalog = parseCatalog(generatedCatalogSpec(10_000));
 * ```
 */
export function generatedCatalogSpec(count: number): CatalogSpec {
  const perCategory = Math.ceil(count / 10);
  const categories: Record<string, { title: string; description: string; range: [number, number] }> = {};
  for (let c = 0; c < 10; c++) {
    const start = 10_000 + c * perCategory;
    categories[`area${c}`] = {
      title: `Area ${c} errors`,
      description: `Errors of functional area ${c}. Retrying the same request fails again unless it is changed.`,
      range: [start, start + perCategory - 1],
    };
  }
  const errors: Record<string, EntrySpec> = {};
  for (let i = 0; i < count; i++) {
    const noun = NOUNS[i % NOUNS.length] as string;
    const [problem, status, phrase] = PROBLEMS[
      Math.floor(i / NOUNS.length) % PROBLEMS.length
    ] as (typeof PROBLEMS)[number];
    const key = `${noun}_${problem}_${i}`.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    errors[key] = {
      code: 10_000 + i,
      status,
      title: `${noun[0]?.toUpperCase()}${noun.slice(1)} ${problem} (variant ${i})`,
      message: `The ${noun} '{id}' ${phrase}[ in region {region}]`,
      description: `The ${noun} named in the request ${phrase}. This is variant ${i} of the ${noun} ${problem} family.`,
      details: {
        id: { type: 'string', description: `The id of the ${noun}.` },
        region: { type: 'string', optional: true, description: 'The region that answered.' },
        shard: {
          type: 'integer',
          optional: true,
          internal: true,
          description: 'The storage shard; logged only.',
        },
      },
      causes: [
        `A ${noun} id that was mistyped or never created (case ${i})`,
        `A ${noun} removed by a retention rule`,
      ],
      resolution: `Check the ${noun} id against the list endpoint, then retry with the corrected id (ticket ${i * 7}).`,
      example: { id: `${noun}-${i}`, region: 'eu-west-1', shard: i % 64 },
    };
  }
  return {
    domain: 'bench.example.com',
    name: 'Generated API Errors',
    docs: 'https://docs.example.com/errors',
    description: `A generated catalog of ${count} errors for the docs benchmark.`,
    categories,
    errors,
  };
}
