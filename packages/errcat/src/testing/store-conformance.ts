import { errcatErrors } from '../errcat-catalog.js';
import type {
  IdempotencyRecord,
  IdempotencyStore,
  StoredResponse,
} from '../guards/idempotency/idempotency-store.js';

/** Options of {@link storeConformance}. */
export interface StoreConformanceOptions {
  /**
   * Makes the store under test. Called once per case; the case closes the store at its end, so a
   * store over a shared client should not own the client. Cases use keys of their own, so every
   * call may return a store over the same table or database.
   */
  readonly create: () => IdempotencyStore | Promise<IdempotencyStore>;
  /**
   * Lets `ms` milliseconds pass for the store. Give a store with an injected clock a function
   * that advances the clock, and the suite runs without waiting.
   * @default a real `setTimeout` wait
   */
  readonly sleep?: (ms: number) => Promise<void>;
  /** How many claims of one key race in the concurrency case. @default 50 */
  readonly concurrency?: number;
  /** Registers each case with your test runner, such as vitest's `it` or node:test's `test`. */
  readonly test?: (name: string, run: () => Promise<void>) => unknown;
}

/** One case of the store contract: its name and the check to run. */
export interface StoreConformanceCase {
  /** What the case proves, as a sentence. */
  readonly name: string;
  /** Runs the case on a fresh store; rejects with `ERRCAT_STORE_NONCONFORMANT` when it fails. */
  readonly run: () => Promise<void>;
}

/** A lease short enough to watch it lapse, and the wait that surely outlasts it. */
const SHORT_MS = 100;
const LAPSED_MS = 350;
const LONG_MS = 60_000;

type Check = (condition: boolean, problem: string) => void;

interface CaseContext {
  readonly store: IdempotencyStore;
  readonly key: (suffix?: string) => string;
  readonly sleep: (ms: number) => Promise<void>;
  readonly check: Check;
  readonly concurrency: number;
}

function response(status: number, body: Uint8Array, headers: StoredResponse['headers'] = {}): StoredResponse {
  return { status, headers, body };
}

const ALL_BYTES = Uint8Array.from({ length: 512 }, (_, index) => index % 256);
const FIRST = response(
  500,
  ALL_BYTES,
  // A 5xx is a final response too: it is replayed like any other (Stripe's rule).
  { 'content-type': 'application/problem+json', link: ['</a>; rel="a"', '</b>; rel="b"'], location: '/x/1' },
);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

function sameHeaders(a: StoredResponse['headers'], b: StoredResponse['headers']): boolean {
  const names = Object.keys(a).sort();
  if (names.join('\n') !== Object.keys(b).sort().join('\n')) return false;
  return names.every((name) => JSON.stringify(a[name]) === JSON.stringify(b[name]));
}

function describeRecord(record: IdempotencyRecord | undefined): string {
  if (record === undefined) return 'no record';
  return record.state === 'running'
    ? `a running record (fingerprint ${record.fingerprint})`
    : `a completed record (fingerprint ${record.fingerprint}, status ${record.response.status})`;
}

function checkCompleted(
  check: Check,
  record: IdempotencyRecord | undefined,
  fingerprint: string,
  expected: StoredResponse,
  where: string,
): void {
  check(
    record?.state === 'completed',
    `${where}: expected a completed record, got ${describeRecord(record)}`,
  );
  if (record?.state !== 'completed') return;
  check(record.fingerprint === fingerprint, `${where}: the fingerprint changed to ${record.fingerprint}`);
  check(
    record.response.status === expected.status,
    `${where}: status ${record.response.status}, not ${expected.status}`,
  );
  check(sameHeaders(record.response.headers, expected.headers), `${where}: the headers differ`);
  check(sameBytes(record.response.body, expected.body), `${where}: the body is not byte-identical`);
}

const CASES: readonly [string, (context: CaseContext) => Promise<void>][] = [
  [
    'claims a free key once; a second claim sees the running record',
    async ({ store, key, check }) => {
      const k = key();
      const first = await store.claim(k, { fingerprint: 'fp-1', token: 't1', leaseMs: LONG_MS });
      check(first.claimed, 'the first claim of a free key did not succeed');
      const second = await store.claim(k, { fingerprint: 'fp-2', token: 't2', leaseMs: LONG_MS });
      check(!second.claimed, 'a second claim of a running key succeeded');
      if (second.claimed) return;
      check(
        second.record.state === 'running' && second.record.fingerprint === 'fp-1',
        `a second claim returned ${describeRecord(second.record)}, not the first claim's running record`,
      );
      const read = await store.get(k);
      check(read?.state === 'running' && read.fingerprint === 'fp-1', `get returned ${describeRecord(read)}`);
      check(
        (await store.get(key('never-claimed'))) === undefined,
        'get of a key never claimed found a record',
      );
    },
  ],
  [
    'stores a final response (5xx included) and returns it byte for byte',
    async ({ store, key, check }) => {
      const k = key();
      await store.claim(k, { fingerprint: 'fp', token: 't1', leaseMs: LONG_MS });
      check(await store.complete(k, 't1', FIRST, LONG_MS), 'the holder could not complete its claim');
      checkCompleted(check, await store.get(k), 'fp', FIRST, 'get after complete');
      const again = await store.claim(k, { fingerprint: 'fp', token: 't2', leaseMs: LONG_MS });
      check(!again.claimed, 'a completed key was claimed again before its TTL');
      if (!again.claimed) checkCompleted(check, again.record, 'fp', FIRST, 'claim after complete');
    },
  ],
  [
    'keeps empty and large bodies exactly',
    async ({ store, key, check }) => {
      const empty = response(204, new Uint8Array(0));
      const large = response(
        200,
        Uint8Array.from({ length: 1 << 20 }, (_, index) => (index * 7919) % 251),
        {
          'content-type': 'application/octet-stream',
        },
      );
      for (const [name, stored] of [
        ['empty', empty],
        ['large', large],
      ] as const) {
        const k = key(name);
        await store.claim(k, { fingerprint: name, token: 't', leaseMs: LONG_MS });
        check(await store.complete(k, 't', stored, LONG_MS), `the ${name} response could not be stored`);
        checkCompleted(check, await store.get(k), name, stored, `the ${name} response`);
      }
    },
  ],
  [
    'lets only the holder of a live claim renew, complete or release it',
    async ({ store, key, check }) => {
      const k = key();
      await store.claim(k, { fingerprint: 'fp', token: 'holder', leaseMs: LONG_MS });
      check(!(await store.renew(k, 'other', LONG_MS)), 'another token renewed the claim');
      check(!(await store.complete(k, 'other', FIRST, LONG_MS)), 'another token completed the claim');
      check(!(await store.release(k, 'other')), 'another token released the claim');
      const read = await store.get(k);
      check(read?.state === 'running', `after foreign tokens the record is ${describeRecord(read)}`);
      check(!(await store.renew(key('absent'), 'holder', LONG_MS)), 'renew of an absent key succeeded');
      check(
        !(await store.complete(key('absent'), 'holder', FIRST, LONG_MS)),
        'complete of an absent key succeeded',
      );
      check(!(await store.release(key('absent'), 'holder')), 'release of an absent key succeeded');
    },
  ],
  [
    'frees a released key at once, storing nothing',
    async ({ store, key, check }) => {
      const k = key();
      await store.claim(k, { fingerprint: 'fp', token: 't1', leaseMs: LONG_MS });
      check(await store.release(k, 't1'), 'the holder could not release its claim');
      check((await store.get(k)) === undefined, 'a released key still has a record');
      const next = await store.claim(k, { fingerprint: 'fp-2', token: 't2', leaseMs: LONG_MS });
      check(next.claimed, 'a released key could not be claimed again');
      check(!(await store.release(k, 't1')), 'the old token released its successor');
    },
  ],
  [
    'freezes a completed record: no second complete, release or renew',
    async ({ store, key, check }) => {
      const k = key();
      await store.claim(k, { fingerprint: 'fp', token: 't1', leaseMs: LONG_MS });
      await store.complete(k, 't1', FIRST, LONG_MS);
      const other = response(201, new Uint8Array([1, 2, 3]));
      check(!(await store.complete(k, 't1', other, LONG_MS)), 'a completed record was completed again');
      check(!(await store.release(k, 't1')), 'a completed record was released');
      check(!(await store.renew(k, 't1', LONG_MS)), 'a completed record was renewed');
      checkCompleted(check, await store.get(k), 'fp', FIRST, 'the completed record');
    },
  ],
  [
    'frees a key whose lease lapsed (a crashed holder), and the old holder can no longer act',
    async ({ store, key, sleep, check }) => {
      const k = key();
      await store.claim(k, { fingerprint: 'crashed', token: 'old', leaseMs: SHORT_MS });
      await sleep(LAPSED_MS);
      check((await store.get(k)) === undefined, 'a lapsed claim is still visible');
      const next = await store.claim(k, { fingerprint: 'retry', token: 'new', leaseMs: LONG_MS });
      check(next.claimed, 'a key whose lease lapsed could not be claimed');
      check(!(await store.renew(k, 'old', LONG_MS)), 'the lapsed holder renewed its successor');
      check(
        !(await store.complete(k, 'old', FIRST, LONG_MS)),
        "the lapsed holder completed its successor's claim",
      );
      check(!(await store.release(k, 'old')), "the lapsed holder released its successor's claim");
      const stored = response(201, new Uint8Array([42]));
      check(await store.complete(k, 'new', stored, LONG_MS), 'the new holder could not complete');
      checkCompleted(check, await store.get(k), 'retry', stored, 'the new holder');
    },
  ],
  [
    'lets a lapsed lease be neither completed nor renewed, even with no successor',
    async ({ store, key, sleep, check }) => {
      const k = key();
      await store.claim(k, { fingerprint: 'fp', token: 't1', leaseMs: SHORT_MS });
      await sleep(LAPSED_MS);
      check(!(await store.renew(k, 't1', LONG_MS)), 'a lapsed claim was renewed');
      check(!(await store.complete(k, 't1', FIRST, LONG_MS)), 'a lapsed claim was completed');
    },
  ],
  [
    'keeps a renewed claim past its first lease',
    async ({ store, key, sleep, check }) => {
      const k = key();
      await store.claim(k, { fingerprint: 'fp', token: 't1', leaseMs: 1000 });
      check(await store.renew(k, 't1', LONG_MS), 'the holder could not renew its live claim');
      await sleep(1000 + LAPSED_MS);
      const read = await store.get(k);
      check(read?.state === 'running', `a renewed claim lapsed at its first lease: ${describeRecord(read)}`);
      const next = await store.claim(k, { fingerprint: 'fp', token: 't2', leaseMs: LONG_MS });
      check(!next.claimed, 'a renewed claim was taken over');
    },
  ],
  [
    'forgets a completed record after its TTL',
    async ({ store, key, sleep, check }) => {
      const k = key();
      await store.claim(k, { fingerprint: 'fp', token: 't1', leaseMs: LONG_MS });
      await store.complete(k, 't1', FIRST, SHORT_MS);
      await sleep(LAPSED_MS);
      check((await store.get(k)) === undefined, 'a completed record outlived its TTL');
      const next = await store.claim(k, { fingerprint: 'fp-2', token: 't2', leaseMs: LONG_MS });
      check(next.claimed, 'a key past its TTL could not be claimed again');
    },
  ],
  [
    'lets exactly one of many concurrent claims of a key win',
    async ({ store, key, check, concurrency }) => {
      const k = key();
      const results = await Promise.all(
        Array.from({ length: concurrency }, (_, index) =>
          store.claim(k, { fingerprint: 'fp', token: `t${index}`, leaseMs: LONG_MS }),
        ),
      );
      const winners = results.filter((result) => result.claimed).length;
      check(winners === 1, `${winners} of ${concurrency} concurrent claims won`);
      const others = results.filter((result) => !result.claimed && result.record.state === 'running').length;
      check(
        others === concurrency - 1,
        `${concurrency - 1 - others} losing claims did not see the running record`,
      );
    },
  ],
  [
    'takes keys verbatim: case, quotes, wildcards and 300-character keys are distinct keys',
    async ({ store, key, check }) => {
      const suffixes = ["a'b", 'a"b', 'a%b_', 'A%B_', 'a:b', 'a\\b', '*', 'k'.repeat(300), 'K'.repeat(300)];
      for (const [index, suffix] of suffixes.entries()) {
        const claimed = await store.claim(key(suffix), {
          fingerprint: `fp${index}`,
          token: 't',
          leaseMs: LONG_MS,
        });
        check(claimed.claimed, `the key ending '${suffix.slice(0, 12)}' was not free`);
      }
      for (const [index, suffix] of suffixes.entries()) {
        const read = await store.get(key(suffix));
        check(
          read?.fingerprint === `fp${index}`,
          `the key ending '${suffix.slice(0, 12)}' reads another record`,
        );
      }
    },
  ],
];

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one conformance suite every idempotency store passes: atomic claims (exactly one of many
 * concurrent claims wins), leases that lapse and free a crashed holder's key, tokens that keep a
 * lapsed holder from touching its successor's claim, TTLs, and responses stored byte for byte.
 * Runner-agnostic: pass your runner's `test` (vitest's `it`, node:test's `test`) to register the
 * cases, or run them yourself. A failing case rejects with `ERRCAT_STORE_NONCONFORMANT`.
 *
 * @example
 * ```ts
 * import { it } from 'vitest';
 * import { storeConformance } from 'errcat/testing';
 * import { redisIdempotencyStore } from '@errcat/redis';
 *
 * storeConformance({ create: () => redisIdempotencyStore({ client: redis }), test: it });
 * ```
 */
export function storeConformance(options: StoreConformanceOptions): StoreConformanceCase[] {
  const sleep = options.sleep ?? realSleep;
  const concurrency = options.concurrency ?? 50;
  const cases = CASES.map(
    ([name, body]): StoreConformanceCase => ({
      name,
      run: async () => {
        const store = await options.create();
        const run = globalThis.crypto.randomUUID();
        const check: Check = (condition, problem) => {
          if (!condition) throw errcatErrors.ERRCAT_STORE_NONCONFORMANT({ case: name, problem });
        };
        try {
          await body({
            store,
            key: (suffix = '') => `conformance:${run}:${suffix}`,
            sleep,
            check,
            concurrency,
          });
        } finally {
          await store.close?.();
        }
      },
    }),
  );
  if (options.test) for (const testCase of cases) options.test(testCase.name, testCase.run);
  return cases;
}
