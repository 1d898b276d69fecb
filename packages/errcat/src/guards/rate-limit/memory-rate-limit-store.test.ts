import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { windowPromiseProperty } from '../../../../../test-support/rate-limit-model.js';
import { gcraRule } from './gcra.js';
import { memoryRateLimitStore } from './memory-rate-limit-store.js';
import { slidingWindowRule } from './sliding-window.js';

/**
 * The reference model: a token bucket with exact integer credit (microseconds of quota), written
 * independently of GCRA's arrival-time form. Both must decide every request the same way.
 */
class BucketModel {
  credit: number;
  last: number;
  allowedAt: number[] = [];
  constructor(
    readonly intervalUs: number,
    readonly burst: number,
    now: number,
  ) {
    this.credit = intervalUs * burst;
    this.last = now;
  }
  consume(nowUs: number): boolean {
    this.credit = Math.min(this.intervalUs * this.burst, this.credit + (nowUs - this.last));
    this.last = nowUs;
    if (this.credit < this.intervalUs) return false;
    this.credit -= this.intervalUs;
    this.allowedAt.push(nowUs);
    return true;
  }
}

interface Real {
  now: number;
  store: ReturnType<typeof memoryRateLimitStore>;
}

class Advance implements fc.Command<Record<string, BucketModel>, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  run(_model: Record<string, BucketModel>, real: Real) {
    real.now += this.ms;
  }
  toString = () => `advance(${this.ms})`;
}

class Consume implements fc.Command<Record<string, BucketModel>, Real> {
  constructor(
    readonly key: string,
    readonly limit: number,
    readonly window: number,
    readonly burst: number,
  ) {}
  check = () => true;
  run(model: Record<string, BucketModel>, real: Real) {
    const rule = gcraRule(this.limit, this.window, this.burst);
    const nowUs = real.now * 1000;
    model[this.key] ??= new BucketModel(rule.intervalUs, rule.burst, nowUs);
    const bucket = model[this.key] as BucketModel;
    const expected = bucket.consume(nowUs);
    const decision = real.store.consume(this.key, rule);
    if (decision instanceof Promise) throw new Error('memory store must decide synchronously');
    expect(decision.allowed).toBe(expected);
    // The envelope: over any span of s seconds at most burst + floor(s × limit / window) pass.
    const times = bucket.allowedAt;
    const last = times.length - 1;
    for (let first = 0; first <= last; first++) {
      const span = (times[last] as number) - (times[first] as number);
      expect(last - first + 1).toBeLessThanOrEqual(this.burst + Math.floor(span / rule.intervalUs));
    }
    // With burst 1, never more than `limit` in any window.
    if (this.burst === 1) {
      const windowUs = this.window * 1_000_000;
      const inWindow = times.filter((t) => t > (times[last] as number) - windowUs).length;
      expect(inWindow).toBeLessThanOrEqual(this.limit);
    }
  }
  toString = () => `consume(${this.key})`;
}

describe('memoryRateLimitStore', () => {
  it('never admits more than the limit in any window, and refuses nothing that fits (model-based)', async () => {
    let now = 0;
    const store = memoryRateLimitStore({ now: () => now });
    await fc.assert(
      windowPromiseProperty(async (key, rule, nowMs) => {
        now = nowMs;
        return store.consume(key, rule);
      }),
      { numRuns: 300 },
    );
  });

  it('decides exactly as a token-bucket model and stays in the GCRA envelope (model-based)', () => {
    fc.assert(
      fc.property(
        fc.record({ limit: fc.integer({ min: 1, max: 7 }), window: fc.integer({ min: 1, max: 5 }) }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (policy, burstChoice, smooth) => {
          const burst = smooth ? 1 : burstChoice;
          const commands = fc.commands(
            [
              fc.integer({ min: 0, max: 3000 }).map((ms) => new Advance(ms)),
              fc.constantFrom('a', 'b').map((key) => new Consume(key, policy.limit, policy.window, burst)),
            ],
            { size: '+1' },
          );
          fc.assert(
            fc.property(commands, (cmds) => {
              const real: Real = {
                now: 1_700_000_000_000,
                store: memoryRateLimitStore({ now: () => real.now }),
              };
              fc.modelRun(() => ({ model: {}, real }), cmds);
            }),
            { numRuns: 20 },
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps at most maxKeys keys, dropping the least recently used half', () => {
    let now = 0;
    const store = memoryRateLimitStore({ maxKeys: 4, now: () => now });
    const rule = gcraRule(1, 60, 1);
    for (const key of ['a', 'b', 'c', 'd']) expect(store.consume(key, rule)).toMatchObject({ allowed: true });
    expect(store.consume('a', rule)).toMatchObject({ allowed: false });
    // 'e' starts a new generation: 'a' and 'b', used least recently, are forgotten; 'c' and 'd' stay.
    expect(store.consume('e', rule)).toMatchObject({ allowed: true });
    expect(store.consume('b', rule)).toMatchObject({ allowed: true });
    expect(store.consume('c', rule)).toMatchObject({ allowed: false });
    now = 61_000;
    expect(store.consume('c', rule)).toMatchObject({ allowed: true });
  });

  it('holds memory flat under a million distinct keys (R7)', () => {
    const store = memoryRateLimitStore({ maxKeys: 10_000 });
    const rules = [slidingWindowRule(10, 60), gcraRule(10, 60, 10)];
    // A real collection before each reading, or the garbage of a million decisions counts as growth.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1_000_000; i++)
      store.consume(`rl:general:ip:${i}`, rules[i % 2] as (typeof rules)[0]);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // 10 000 keys of ~30 bytes plus Map overhead: a few MB at most, nowhere near a million keys' worth.
    expect(grown).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a bad maxKeys', () => {
    expect(() => memoryRateLimitStore({ maxKeys: 1 })).toThrow(/maxKeys/);
  });
});
