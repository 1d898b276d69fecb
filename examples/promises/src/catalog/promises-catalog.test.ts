import { readFileSync } from 'node:fs';
import { generateTypes, lintCatalog } from '@errcat/cli';
import { parseCatalog } from 'errcat';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createPromisesCatalog } from './promises-catalog.js';

const legacyFile = new URL('../../../../catalogs/resonate-legacy.yaml', import.meta.url);
const generatedFile = new URL('./resonate-legacy.generated.ts', import.meta.url);
const catalog = createPromisesCatalog({ docs: 'http://127.0.0.1:3000/errors' });

describe('the promises service catalog', () => {
  test('lints clean, warnings included, but for base roles the service never raises', () => {
    const findings = lintCatalog(catalog.spec);
    expect(findings.filter((finding) => finding.rule !== 'role-code-collision')).toEqual([]);
    // Its storage errors are mapped to 5002 (storageErrors), it authenticates by bearer token alone,
    // runs no batches and requires no Idempotency-Key: these roles never reach its responses.
    const unmapped = findings.map((finding) => /base role (\w+)/.exec(finding.message)?.[1]).sort();
    expect(unmapped).toEqual(
      [
        'NOT_FOUND',
        'BATCH_ITEM_ABORTED',
        'INVALID_CREDENTIALS',
        'FORBIDDEN',
        'AUTH_UNAVAILABLE',
        'UNIQUE_VIOLATION',
        'FOREIGN_KEY_VIOLATION',
        'NOT_NULL_VIOLATION',
        'CHECK_VIOLATION',
        'SERIALIZATION_FAILURE',
        'DEADLOCK_DETECTED',
        'DATABASE_BUSY',
        'QUERY_CANCELED',
        'DATABASE_UNAVAILABLE',
        'DATABASE_READ_ONLY',
        'IDEMPOTENCY_KEY_MISSING',
      ].sort(),
    );
  });

  test('keeps every code of the legacy seed catalog with its status and message', () => {
    const legacy = parseCatalog(parse(readFileSync(legacyFile, 'utf8')));
    for (const entry of legacy.entries) {
      expect(catalog.entry(entry.code)).toMatchObject({
        key: entry.key,
        status: entry.status,
        title: entry.title,
        retryable: entry.retryable,
      });
      expect(catalog.entry(entry.code)?.spec.message).toBe(entry.spec.message);
    }
  });

  test('follows the seed scheme: the first three digits of a code are its HTTP status', () => {
    for (const entry of catalog.entries) expect(String(entry.code).slice(0, 3)).toBe(String(entry.status));
  });

  test('plays every role the service’s guards raise', () => {
    const roles = [
      'VALIDATION_FAILED',
      'MALFORMED_JSON',
      'UNSUPPORTED_MEDIA_TYPE',
      'PAYLOAD_TOO_LARGE',
      'ROUTE_NOT_FOUND',
      'METHOD_NOT_ALLOWED',
      'UNAUTHENTICATED',
      'INVALID_AUTH_REQUEST',
      'INVALID_TOKEN',
      'TOKEN_EXPIRED',
      'INSUFFICIENT_SCOPE',
      'RATE_LIMITED',
      'RATE_LIMITER_UNAVAILABLE',
      'QUEUE_FULL',
      'SHUTTING_DOWN',
      'OVERLOADED',
      'REQUEST_DEADLINE_EXCEEDED',
      'CLIENT_CLOSED_REQUEST',
      'REQUEST_TIMEOUT',
      'REQUEST_HEADERS_TOO_LARGE',
      'BAD_REQUEST',
      'BODY_TOO_DEEP',
      'IDEMPOTENCY_KEY_INVALID',
      'IDEMPOTENCY_KEY_REUSED',
      'IDEMPOTENCY_IN_PROGRESS',
      'IDEMPOTENCY_STORE_UNAVAILABLE',
      'INTERNAL_ERROR',
    ];
    expect(roles.filter((role) => catalog.roleEntry(role) === undefined)).toEqual([]);
  });

  test('links each entry to the service’s own dictionary', () => {
    expect(catalog.PROMISE_NOT_FOUND({ id: 'p1' }).entry.docs).toBe('http://127.0.0.1:3000/errors#4040');
  });

  test('its types are generated from the seed as it is now (run `errcat types` again if this fails)', () => {
    const spec = parseCatalog(parse(readFileSync(legacyFile, 'utf8'))).spec;
    expect(readFileSync(generatedFile, 'utf8')).toBe(
      generateTypes(spec, 'ResonateLegacy', 'catalogs/resonate-legacy.yaml'),
    );
  });
});
