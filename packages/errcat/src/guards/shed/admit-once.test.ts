import { describe, expect, it } from 'vitest';
import { admitOnce } from './admit-once.js';
import { createLoadShedder } from './load-shedder.js';

describe('admitOnce', () => {
  it('admits a request once per shedder, and again through another shedder', async () => {
    const shedder = createLoadShedder({ maxConcurrent: 1, maxQueue: 0 });
    const other = createLoadShedder({ maxConcurrent: 1, maxQueue: 0 });
    const request = {};
    const first = await admitOnce(shedder, request);
    expect(first).toBeDefined();
    // With one slot and no queue, a second real admission would be refused with QUEUE_FULL.
    expect(await admitOnce(shedder, request)).toBeUndefined();
    await expect(admitOnce(shedder, {})).rejects.toMatchObject({ code: 'QUEUE_FULL' });
    (await admitOnce(other, request))?.release();
    first?.release();
    expect([shedder.inFlight, other.inFlight]).toEqual([0, 0]);
  });
});
