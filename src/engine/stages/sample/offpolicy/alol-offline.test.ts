import { describe, expect, it } from 'vitest';
import { Rng } from '../../../core/rng';
import type { DrawnGroup } from '../group-prompts';
import { buildOfflineDataset, drawOffline, positiveAdvantages } from './offline-dataset';
import { alolOfflineSampler } from './alol-offline.module';

/** A group of one prompt with the given rewards (tokens do not matter here). */
function group(id: string, rewards: number[]): DrawnGroup {
  const row = { tokens: new Int32Array(2), logp: new Float32Array(2), entropy: new Float32Array(2), length: 2 };
  return { example: { id, prompt: [1, 3], promptText: id, answerText: 'a' }, rewards, rows: rewards.map(() => ({ ...row })) };
}

describe('A-LoL offline dataset (algorithms-llm.md §25, Appendix C)', () => {
  it('R = [0.9, 0.4], V = 0.6 → A⁺ = [0.3, 0]: the second response is never used', () => {
    const a = positiveAdvantages([0.9, 0.4], 0.6);
    expect(a[0]).toBeCloseTo(0.3, 10);
    expect(a[1]).toBe(0);
  });

  it('V(x) is the mean of the prompt’s own samples; only A > 0 is kept (the leftover)', () => {
    // x: R = [0.9, 0.4, 0.5] → V = 0.6, A = [0.3, −0.2, −0.1]; y: all 1 → V = 1, nothing left over.
    const d = buildOfflineDataset([group('x', [0.9, 0.4, 0.5]), group('y', [1, 1])]);
    expect(d.size).toBe(5);
    expect(d.leftover.length).toBe(1);
    expect(d.leftover[0].value).toBeCloseTo(0.6, 10);
    expect(d.leftover[0].advantage).toBeCloseTo(0.3, 10);
    expect(d.leftover[0].reward).toBe(0.9);
  });

  it('samples of one prompt drawn in two groups share one V(x)', () => {
    const d = buildOfflineDataset([group('x', [1, 0]), group('x', [0, 0])]);
    expect(d.leftover.map((e) => e.advantage)).toEqual([0.75]);
  });

  it('priority ∝ A⁺ (A⁺ = 0.3 vs 0.1 → about 3 : 1) or uniform among A > 0 (about 1 : 1)', () => {
    const d = buildOfflineDataset([group('x', [0.9, 0.3]), group('y', [0.7, 0.5])]); // A⁺ = 0.3, 0.1
    const share = (priority: 'advantage' | 'uniform') => {
      const picks = drawOffline(d.leftover, 4000, priority, new Rng(3));
      return picks.filter((i) => i === 0).length / picks.length;
    };
    expect(share('advantage')).toBeCloseTo(0.75, 1);
    expect(share('uniform')).toBeCloseTo(0.5, 1);
    expect(drawOffline([], 4, 'advantage', new Rng(1))).toEqual([]);
  });

  it('defaults: good_priority sampling, k = 8 samples per prompt', () => {
    const p = alolOfflineSampler.schema.parse({});
    expect([p.priority, p.k, p.temperature]).toEqual(['advantage', 8, 1]);
  });
});
