import { describe, expect, it } from 'vitest';
import { CTX, fixtureBatch } from '../fixtures';
import { hintEntropyWeights, igpoHintEntropy } from './igpo-hint-entropy.module';

/** Three replaced responses: hint prefixes of 13, 13 and 14 tokens (40 in all), then 2 sampled tokens each. */
function replacedResponses() {
  const hints = [13, 13, 14];
  // Distinct entropies; the 8 largest hint entropies are 3.9, 3.8, …, 3.2 (spread over the responses).
  let k = 0;
  const seqs = hints.map((h) => ({ entropy: [...Array.from({ length: h }, () => (k++ * 37) % 40 / 10), 9, 9], group: 0 }));
  const batch = fixtureBatch(seqs);
  const forced = new Uint8Array(batch.n);
  batch.seqs.forEach((s, i) => forced.fill(1, s.start, s.start + hints[i]));
  batch.forced = forced;
  return batch;
}

describe('IGPO hint-token entropy filter (algorithms-llm.md §20)', () => {
  it('40 hint tokens, κ = 0.2 → the 8 highest-entropy ones carry loss; sampled tokens always do', () => {
    const batch = replacedResponses();
    const w = hintEntropyWeights(batch, 0.2, 'batch');
    const hint = Array.from(batch.forced!, (f, t) => (f ? t : -1)).filter((t) => t >= 0);
    expect(hint).toHaveLength(40);
    const kept = hint.filter((t) => w[t] === 1);
    expect(kept).toHaveLength(8);
    expect(kept.map((t) => batch.entropy[t]).sort()).toEqual([3.2, 3.3, 3.4, 3.5, 3.6, 3.7, 3.8, 3.9].map((x) => Math.fround(x)));
    for (let t = 0; t < batch.n; t++) if (!batch.forced![t]) expect(w[t]).toBe(1);
  });

  it("'sequence' ranks within each response, max(1, ⌊κ·n⌋) each: 2 + 2 + 2 of 13, 13, 14", () => {
    const batch = replacedResponses();
    const w = hintEntropyWeights(batch, 0.2, 'sequence');
    const keptPerSeq = batch.seqs.map((s) => {
      let n = 0;
      for (let t = s.start; t < s.start + s.length; t++) if (batch.forced![t] && w[t] === 1) n += 1;
      return n;
    });
    expect(keptPerSeq).toEqual([2, 2, 2]);
  });

  it('a batch without forced tokens is left alone; the module charts the kept share of hint tokens', () => {
    const plain = fixtureBatch([{ entropy: [1, 2, 3] }]);
    expect(Array.from(hintEntropyWeights(plain, 0.2, 'batch'))).toEqual([1, 1, 1]);
    const m = igpoHintEntropy.create(igpoHintEntropy.schema.parse({}));
    m.weights(replacedResponses(), new Float32Array(46), CTX);
    expect(m.metrics()).toEqual({ 'igpo/hint_keep_frac': 0.2 });
    m.weights(plain, new Float32Array(3), CTX);
    expect(m.metrics()).toEqual({});
  });
});
