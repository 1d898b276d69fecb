import { describe, expect, it } from 'vitest';
import { createRetryBudget } from './retry-budget.js';

describe('createRetryBudget', () => {
  it('bucket mode (AWS standard): 500 tokens pay for 100 retries, or 50 after timeouts', () => {
    const budget = createRetryBudget({ mode: 'bucket' });
    let retries = 0;
    while (budget.withdraw('transient') !== undefined) retries++;
    expect(retries).toBe(100);
    const timeouts = createRetryBudget({ mode: 'bucket' });
    let timeoutRetries = 0;
    while (timeouts.withdraw('timeout') !== undefined) timeoutRetries++;
    expect(timeoutRetries).toBe(50);
  });

  it('recovers: a clean success returns 1 token, a success after a retry refunds its cost, capped at capacity', () => {
    const budget = createRetryBudget({ mode: 'bucket', capacity: 10 });
    expect(budget.withdraw('transient')).toBe(5);
    expect(budget.withdraw('transient')).toBe(5);
    expect(budget.withdraw('transient')).toBeUndefined();
    for (let i = 0; i < 4; i++) budget.deposit(0);
    expect(budget.tokens).toBe(4);
    expect(budget.withdraw('transient')).toBeUndefined();
    budget.deposit(0);
    expect(budget.withdraw('transient')).toBe(5);
    budget.deposit(5);
    budget.deposit(5);
    budget.deposit(5);
    expect(budget.tokens).toBe(10);
  });

  it('is gRPC throttling by default: 4 retries at most before a success, whatever came before', () => {
    const budget = createRetryBudget();
    let retries = 0;
    for (let i = 0; i < 1000; i++) if (budget.withdraw('transient') !== undefined) retries++;
    expect([retries, budget.tokens]).toEqual([4, 0]);
  });

  it('ratio mode (gRPC throttling): retries stop at half the tokens; successes add the ratio', () => {
    const budget = createRetryBudget({ mode: 'ratio', maxTokens: 10, tokenRatio: 0.1 });
    const allowed = [1, 2, 3, 4, 5, 6].map(() => budget.withdraw('transient') !== undefined);
    expect(allowed).toEqual([true, true, true, true, false, false]);
    expect(budget.tokens).toBe(4);
    for (let i = 0; i < 20; i++) budget.deposit(0);
    expect(budget.tokens).toBeCloseTo(6);
    expect(budget.withdraw('transient')).toBeUndefined();
    for (let i = 0; i < 20; i++) budget.deposit(0);
    expect(budget.withdraw('transient')).toBe(0);
  });
});
