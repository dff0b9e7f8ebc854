import { describe, expect, it } from 'vitest';
import { Rng } from '../../../core/rng';
import { spoOfflineInit } from '../../advantage/variants/spo.module';
import { weightedWithoutReplacement } from './pool-draws';
import { spoPriority, trackerMean } from './spo-priority';

describe('SPO prioritised sampling (algorithms-llm.md §5)', () => {
  it('priorities: p̂ = 0.5 → 0.55, 0.9 → 0.35, 0 → 0.05', () => {
    expect(spoPriority(0.5, 0.05)).toBeCloseTo(0.55, 10);
    expect(spoPriority(0.9, 0.05)).toBeCloseTo(0.35, 10);
    expect(spoPriority(0, 0.05)).toBeCloseTo(0.05, 10);
  });

  it('an offline init of 6/8 gives p̂ = 5.778/8 = 0.7222 and priority √(0.7222·0.2778) + 0.05 = 0.4979', () => {
    const t = spoOfflineInit(8, 6, 0.875);
    expect(trackerMean(t)).toBeCloseTo(0.7222, 4);
    expect(spoPriority(trackerMean(t), 0.05)).toBeCloseTo(0.4979, 4);
  });

  it('a single draw picks prompts in proportion to priority (0.55 : 0.35 : 0.05)', () => {
    const w = [0.55, 0.35, 0.05];
    const rng = new Rng(3);
    const counts = [0, 0, 0];
    for (let d = 0; d < 20_000; d++) counts[weightedWithoutReplacement(w, 1, rng)[0]] += 1;
    counts.forEach((c, i) => expect(c / 20_000).toBeCloseTo(w[i] / 0.95, 2));
  });
});
