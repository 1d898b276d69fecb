// Every HTTP error of every seed catalog, rendered in its seed's wire profile, has the shape its
// seed documents: field names, JSON types, nesting and status. The shapes are JSON Schemas written
// from the seed texts (../shared/seeds), checked with ajv.
import { Ajv } from 'ajv';
import {
  type Catalog,
  type CatalogEntry,
  CatalogError,
  getProfile,
  renderError,
  renderSuccess,
  rstmdbBatchResult,
  rstmdbProfile,
} from 'errcat';
import { sampleDetails } from 'errcat/testing';
import { describe, expect, it } from 'vitest';
import { loadSeedCatalog, type SeedCatalogName } from '../test-support/seed-catalogs.js';

const ajv = new Ajv({ allErrors: true, strict: true });
const string = { type: 'string' } as const;
const object = (properties: Record<string, unknown>, required: string[], additional: unknown = false) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: additional,
});

/** Seed 000: `{"error":{"code":5002,"message":…,"details":[{"@type","message","domain","metadata":{"url"}}]}}`. */
const legacyError = object(
  {
    error: object(
      {
        code: { type: 'integer' },
        message: string,
        details: {
          type: 'array',
          minItems: 1,
          items: object(
            {
              '@type': string,
              message: string,
              domain: string,
              metadata: object({ url: string }, ['url'], string),
            },
            ['@type', 'message', 'domain', 'metadata'],
          ),
        },
      },
      ['code', 'message', 'details'],
    ),
  },
  ['error'],
);

/** Seed 001: `{"kind","head":{"corrId","status","version"},"data"}`, data the message on error. */
const envelope = (data: unknown) =>
  object(
    {
      kind: string,
      head: object({ corrId: string, status: { type: 'integer' }, version: string }, [
        'corrId',
        'status',
        'version',
      ]),
      data,
    },
    ['kind', 'head', 'data'],
  );

/** Seed 002: the `error` member of a response. */
const rstmdbErrorObject = object(
  { code: string, message: string, retryable: { type: 'boolean' }, details: { type: 'object' } },
  ['code', 'message', 'retryable'],
);
const rstmdbError = object(
  { type: { const: 'response' }, id: string, status: { const: 'error' }, error: rstmdbErrorObject },
  ['type', 'id', 'status', 'error'],
);
const rstmdbBatch = object(
  {
    type: { const: 'response' },
    id: string,
    status: { const: 'ok' },
    result: object(
      {
        results: {
          type: 'array',
          items: {
            oneOf: [
              object({ status: { const: 'ok' }, result: {} }, ['status', 'result']),
              object({ status: { const: 'error' }, error: rstmdbErrorObject }, ['status', 'error']),
            ],
          },
        },
      },
      ['results'],
    ),
  },
  ['type', 'id', 'status', 'result'],
);

/** Seeds 003 and 004: `{"error":{"code","message",…}}`; seed 004's 500 carries `requestId`. */
const simpleError = (required: string[]) =>
  object({ error: object({ code: string, message: string, requestId: string }, required, true) }, ['error']);

interface SeedCase {
  readonly catalog: SeedCatalogName;
  readonly profile: string;
  readonly contentType: string;
  readonly schema: object;
  /** The seed's facts beyond the shape: status, code, echoed values. */
  readonly facts: (entry: CatalogEntry, status: number, body: never) => void;
}

const context = { requestId: 'req-1', corrId: 'corr-1', kind: 'promise.get' } as const;

const SEEDS: readonly SeedCase[] = [
  {
    catalog: 'resonate-legacy',
    profile: 'resonate-legacy',
    contentType: 'application/json; charset=utf-8',
    schema: legacyError,
    facts: (entry, status, body: { error: { code: number; details: { metadata: { url: string } }[] } }) => {
      expect(body.error.code).toBe(entry.code);
      expect(status).toBe(Math.floor(Number(entry.code) / 10));
      expect(body.error.details[0]?.metadata.url).toBe(
        `https://docs.resonatehq.io/reference/error-codes#${entry.code}`,
      );
    },
  },
  {
    catalog: 'resonate',
    profile: 'resonate',
    contentType: 'application/json',
    schema: envelope(string),
    facts: (
      entry,
      status,
      body: { kind: string; head: { corrId: string; status: number; version: string } },
    ) => {
      expect(status).toBe(entry.status);
      expect(body.head).toEqual({ corrId: 'corr-1', status, version: '2026-04-01' });
      expect(body.kind).toBe('promise.get');
    },
  },
  {
    catalog: 'rstmdb',
    profile: 'rstmdb',
    contentType: 'application/json',
    schema: rstmdbError,
    facts: (entry, status, body: { id: string; error: { code: string; retryable: boolean } }) => {
      expect(status).toBe(entry.status);
      expect(body.id).toBe('req-1');
      expect(body.error.code).toBe(entry.code);
      expect(body.error.retryable).toBe(entry.retryable);
    },
  },
  {
    catalog: 'devdocs',
    profile: 'simple',
    contentType: 'application/json; charset=utf-8',
    schema: simpleError(['code', 'message']),
    facts: (entry, status, body: { error: { code: string } }) => {
      expect(status).toBe(entry.status);
      expect(body.error.code).toBe(entry.code);
      expect(status).toBe(Number(String(entry.code).split('-')[1]));
    },
  },
  {
    catalog: 'api-reference',
    profile: 'simple',
    contentType: 'application/json; charset=utf-8',
    schema: simpleError(['code', 'message', 'requestId']),
    facts: (entry, status, body: { error: { code: string; requestId: string } }) => {
      expect(status).toBe(entry.status);
      expect(body.error.code).toBe(entry.code);
      expect(body.error.requestId).toBe('req-1');
    },
  },
];

function httpEntries(catalog: Catalog): CatalogEntry[] {
  return catalog.entries.filter((entry) => entry.declaredStatus !== undefined);
}

describe.each(SEEDS)('seed catalog $catalog in profile $profile', (seed) => {
  const { catalog } = loadSeedCatalog(seed.catalog);
  const validate = ajv.compile(seed.schema);
  const entries = httpEntries(catalog);

  it('has HTTP errors to render', () => {
    expect(entries.length).toBeGreaterThan(3);
  });

  it.each(entries.map((entry) => [entry.key, entry] as const))('%s has the seed’s shape', (_key, entry) => {
    const rendered = renderError(new CatalogError(entry, sampleDetails(entry)), {
      profile: getProfile(seed.profile),
      context,
    });
    const body: unknown = JSON.parse(rendered.body);
    expect(validate(body) ? [] : validate.errors).toEqual([]);
    expect(rendered.headers['content-type']).toBe(seed.contentType);
    seed.facts(entry, rendered.status, body as never);
  });
});

describe('rstmdb best-effort batch', () => {
  it('has the seed’s partial-failure shape for every error of the catalog', () => {
    const { catalog } = loadSeedCatalog('rstmdb');
    const validate = ajv.compile(rstmdbBatch);
    const items = httpEntries(catalog).flatMap((entry) => [
      { result: { instance_id: 'ok' } },
      { error: new CatalogError(entry, sampleDetails(entry)) },
    ]);
    const body: unknown = JSON.parse(
      renderSuccess(rstmdbBatchResult(items), { profile: rstmdbProfile, context }).body,
    );
    expect(validate(body) ? [] : validate.errors).toEqual([]);
  });
});
