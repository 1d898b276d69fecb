import type { CatalogEntry } from '../catalog-entry.js';
import type { ErrorCode } from '../catalog-spec.js';
import type { WireProfile } from '../render/wire-profile.js';
import { assertResponse } from './assert-response.js';
import type { ResponseCheck } from './check-response.js';
import type { TestResponse } from './read-response.js';
import type { ResponseExpectation } from './response-expectation.js';
import { sampleDetails } from './sample-details.js';

/**
 * Makes the server answer with one entry: e.g. calls a test route that throws it.
 *
 * @example
 * ```ts
 * const trigger: ConformanceTrigger = (entry, details) =>
 *   app.inject({ method: 'POST', url: `/throw/${entry.key}`, payload: details });
 * ```
 */
export type ConformanceTrigger = (
  entry: CatalogEntry,
  details: Record<string, unknown>,
) => TestResponse | undefined | Promise<TestResponse | undefined>;

/**
 * Options of {@link conformanceSuite}.
 *
 * @example
 * ```ts
 * conformanceSuite({ catalog, trigger, profile: 'simple', expect: { requestIdHeader: 'x-request-id' }, test: it });
 * ```
 */
export interface ConformanceSuiteOptions {
  /** The catalog whose entries are checked. */
  readonly catalog: {
    readonly entries: readonly CatalogEntry[];
    readonly spec?: { readonly domain: string; readonly profile?: string };
    entry(keyOrCode: ErrorCode): CatalogEntry | undefined;
  };
  /** Raises an entry with the given details and returns the response; `undefined` skips the entry. */
  readonly trigger: ConformanceTrigger;
  /** The wire profile the server answers in, or its name. @default the catalog's `profile`, else 'problem' */
  readonly profile?: WireProfile | string;
  /** Your own profiles, looked up by name before the built-in ones. @default [] */
  readonly profiles?: readonly WireProfile[];
  /** Which entries to check. @default those with a declared HTTP status */
  readonly entries?: (entry: CatalogEntry) => boolean;
  /**
   * Registers each case with your test runner, such as vitest's `it` or node:test's `test`.
   * @default none (the cases are only returned)
   */
  readonly test?: (name: string, run: () => Promise<void>) => unknown;
  /** More expectations for every response: `requestIdHeader`, `codeHeader`, `strict`. @default {} */
  readonly expect?: Pick<ResponseExpectation, 'requestIdHeader' | 'codeHeader' | 'strict'>;
}

/**
 * One generated test: an entry, its name, and the check to run.
 *
 * @example
 * ```ts
 * for (const testCase of conformanceSuite({ catalog, trigger })) await testCase.run();
 * ```
 */
export interface ConformanceCase {
  /** `<key> (<code>) answers as the catalog says`. */
  readonly name: string;
  /** The entry the case raises. */
  readonly entry: CatalogEntry;
  /** Triggers the entry and asserts the response; resolves to `undefined` when the trigger skipped it. */
  readonly run: () => Promise<ResponseCheck | undefined>;
}

/**
 * Generates one conformance test per catalog entry: each calls your `trigger` with the entry and
 * sample details (see {@link sampleDetails}), then asserts the response with
 * {@link assertResponse}: status, content type, code, shape, message, headers, details (no
 * internal field) and request id. Pass `test` to register the cases with your runner, or run them
 * yourself. Framework-agnostic: the trigger returns whatever your HTTP test tool gives.
 *
 * @example
 * ```ts
 * import { it } from 'vitest';
 * import { conformanceSuite } from 'errcat/testing';
 * conformanceSuite({
 *   catalog,
 *   profile: 'problem',
 *   test: it,
 *   trigger: (entry, details) => app.request(`/__errcat/${entry.key}`, { method: 'POST', body: JSON.stringify(details) }),
 * });
 * ```
 */
export function conformanceSuite(options: ConformanceSuiteOptions): ConformanceCase[] {
  const { catalog, trigger } = options;
  const profile = options.profile ?? catalog.spec?.profile ?? 'problem';
  const wanted = options.entries ?? ((entry: CatalogEntry) => entry.declaredStatus !== undefined);
  const cases = catalog.entries.filter(wanted).map(
    (entry): ConformanceCase => ({
      name: `${entry.key} (${String(entry.code)}) answers as the catalog says`,
      entry,
      run: async () => {
        const details = sampleDetails(entry);
        const response = await trigger(entry, { ...details });
        if (response === undefined) return undefined;
        const expectation: ResponseExpectation = {
          ...options.expect,
          entry,
          profile,
          details,
          ...(options.profiles === undefined ? {} : { profiles: options.profiles }),
        };
        return assertResponse(response, expectation);
      },
    }),
  );
  if (options.test) {
    for (const testCase of cases) {
      options.test(testCase.name, async () => {
        await testCase.run();
      });
    }
  }
  return cases;
}
