// decodeErrorSync over the error corpus: real error responses captured from server libraries on
// 127.0.0.1 (scripts/capture-error-corpus.ts) and copied from public API docs, each with the
// facts it must decode to. Prints the share decoded fully right; the README quotes it.
import { describe, expect, it } from 'vitest';
import { type CorpusEntry, readCorpus, scoreCorpus } from '../test-support/error-corpus.js';

const captured = readCorpus('captured');
const documented = readCorpus('documented');
const heldOut = readCorpus('held-out');

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function report(name: string, entries: readonly CorpusEntry[]): number {
  const { share, misses } = scoreCorpus(entries);
  console.log(
    `error corpus, ${name}: ${entries.length - misses.length}/${entries.length} decoded fully right (${percent(share)})`,
  );
  for (const miss of misses) console.log(`  ${miss.file}: ${JSON.stringify(miss.fields)}`);
  return share;
}

describe('the error corpus', () => {
  it('has at least 80 captured responses, each with its source', () => {
    expect(captured.length).toBeGreaterThanOrEqual(80);
    for (const entry of [...captured, ...documented, ...heldOut]) {
      expect(entry.source, entry.file).toMatch(/\S/);
      expect(typeof entry.response.body, entry.file).toBe('string');
      expect(Number.isInteger(entry.response.status), entry.file).toBe(true);
      if (entry.kind === 'documented') expect(entry.url, entry.file).toMatch(/^https:\/\//);
    }
  });

  it('decodes at least 98% of the corpus fully right; the held-out part is measured too', () => {
    const share = report('captured + documented', [...captured, ...documented]);
    expect(share).toBeGreaterThanOrEqual(0.98);
    if (heldOut.length > 0) report('held-out', heldOut);
  });
});
