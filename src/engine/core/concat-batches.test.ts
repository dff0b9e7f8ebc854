import { describe, expect, it } from 'vitest';
import { concatBatches } from './concat-batches';
import { subsetBatch } from './subset-batch';
import type { Batch } from './batch';

function lmBatch(lengths: number[], groups: number[], tag: number, extra: Partial<Batch> = {}): Batch {
  const n = lengths.reduce((a, b) => a + b, 0);
  const seqs = [];
  const seqId = new Int32Array(n);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    seqs.push({ start: at, length: lengths[i], group: groups[i], reward: tag, terminated: true, truncated: false, bootstrapValue: 0 });
    seqId.fill(i, at, at + lengths[i]);
    at += lengths[i];
  }
  return {
    n, obsDim: 0, nActions: 5, obs: new Float32Array(0),
    actions: Int32Array.from({ length: n }, () => tag), logpOld: new Float32Array(n).fill(-tag), entropy: new Float32Array(n), rewards: new Float32Array(n),
    values: null, seqId, seqs, finishedEpisodes: [], envSteps: n,
    lm: { prompts: lengths.map(() => [1, tag]), completions: new Int32Array(lengths.length * 3).fill(tag), steps: 3, exampleIds: lengths.map((_, i) => `t:${tag}${i}`), references: lengths.map(() => [tag]) },
    ...extra,
  };
}

describe('concatBatches', () => {
  it('keeps steps in order, renumbers sequences and groups, fills masks where a batch has none', () => {
    const a = lmBatch([2, 1], [0, 0], 1);
    const b = lmBatch([3], [0], 2, { lossMask: Float32Array.from([1, 0, 1]), forced: Uint8Array.from([1, 0, 0]) });
    const c = concatBatches([a, b]);
    expect(c.n).toBe(6);
    expect(Array.from(c.actions)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(Array.from(c.seqId)).toEqual([0, 0, 1, 2, 2, 2]);
    expect(c.seqs.map((s) => [s.start, s.group])).toEqual([[0, 0], [2, 0], [3, 1]]);
    expect(Array.from(c.lossMask!)).toEqual([1, 1, 1, 1, 0, 1]);
    expect(Array.from(c.forced!)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(c.lm!.prompts).toEqual([[1, 1], [1, 1], [1, 2]]);
    expect(c.lm!.references).toEqual([[1], [1], [2]]);
    expect(Array.from(c.lm!.completions.subarray(6, 9))).toEqual([2, 2, 2]);
  });

  it('a subset of a concatenation carries masks, references and reference log-probs', () => {
    const c = concatBatches([lmBatch([2], [0], 1), lmBatch([3], [0], 2, { lossMask: Float32Array.from([0, 0, 1]) })]);
    c.refLogp = Float32Array.from([-1, -2, -3, -4, -5]);
    const s = subsetBatch(c, [1]);
    expect(Array.from(s.lossMask!)).toEqual([0, 0, 1]);
    expect(Array.from(s.refLogp!)).toEqual([-3, -4, -5]);
    expect(s.lm!.references).toEqual([[2]]);
  });

  it('refuses batches of different completion lengths', () => {
    const b = lmBatch([1], [0], 2);
    b.lm!.steps = 4;
    expect(() => concatBatches([lmBatch([1], [0], 1), b])).toThrow(/completion lengths/);
  });
});
