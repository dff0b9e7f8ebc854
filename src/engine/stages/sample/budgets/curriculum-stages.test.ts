import { describe, expect, it } from 'vitest';
import { curriculumStage, difficulty, difficultyBuckets, stageLength, stagePrompts } from './curriculum-stages';

describe('CRAFT-GUI curriculum, lab reconstruction (algorithms-llm.md §27)', () => {
  // pass rates of six prompts → d = [0, 0.5, 1, 0.25, 0.75, 1]
  const d = Float64Array.from([1, 0.5, 0, 0.75, 0.25, 0], difficulty);

  it('d = 1 − p̂; three equal-size buckets by rank: easy {0, 3}, medium {1, 4}, hard {2, 5}', () => {
    expect(Array.from(d)).toEqual([0, 0.5, 1, 0.25, 0.75, 1]);
    expect(Array.from(difficultyBuckets(d, 3))).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('ties keep pool order, so a pool of unsolved prompts still fills every bucket', () => {
    expect(Array.from(difficultyBuckets(new Float64Array(6).fill(1), 3))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(Array.from(difficultyBuckets(Float64Array.from([1, 1, 0, 1]), 3))).toEqual([0, 1, 0, 2]);
  });

  it('30 updates, N_s = 10: stage 0 for updates 0–9, 1 for 10–19, 2 from 20 on and after', () => {
    expect([0, 9, 10, 19, 20, 29, 35].map((t) => curriculumStage(t, 10, 3))).toEqual([0, 0, 1, 1, 2, 2, 2]);
  });

  it('N_s defaults to a third of the run: 20 updates → stages start at updates 0, 7, 14', () => {
    const n = stageLength(null, 20, 3);
    expect(Array.from({ length: 20 }, (_, t) => curriculumStage(t, n, 3))).toEqual([...new Array(7).fill(0), ...new Array(7).fill(1), ...new Array(6).fill(2)]);
    expect(stageLength(5, 20, 3)).toBe(5);
    expect(() => stageLength(null, null, 3)).toThrow(/stageUpdates/);
  });

  it('stage s trains on buckets ≤ s', () => {
    const b = difficultyBuckets(d, 3);
    expect(stagePrompts(b, 0)).toEqual([0, 3]);
    expect(stagePrompts(b, 1)).toEqual([0, 1, 3, 4]);
    expect(stagePrompts(b, 2)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
