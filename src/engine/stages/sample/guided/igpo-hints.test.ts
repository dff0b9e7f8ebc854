import { describe, expect, it } from 'vitest';
import { Rng } from '../../../core/rng';
import { grpoAdvantages, sequenceRewards } from '../../advantage/grpo.module';
import { assembleLanguageBatch } from '../group-prompts';
import { hintForcing, hintLength, sortedEtas } from './hint-prefix';
import { isAllWrong, rescueGroup } from './igpo-rescue';
import { fixtureExample, fixtureGroup } from './drawn-fixtures';

const S = 6;
const ex = fixtureExample('abc', 'cba');

describe('IGPO hints (algorithms-llm.md §20)', () => {
  it('reveals ⌈η·|y*|⌉ tokens, never more than |y*|, without float round-up', () => {
    expect(hintLength(0.22, 5)).toBe(2); // 1.1 → 2
    expect(hintLength(0.6, 5)).toBe(3); // 0.6·5 = 3.0000000000000004 in floats
    expect(hintLength(0.2, 3)).toBe(1);
    expect(hintLength(1, 3)).toBe(3);
    expect(hintLength(0, 3)).toBe(0);
  });

  it('draws G ratios in [η_low, η_high], sorted ascending', () => {
    const etas = sortedEtas(new Rng(3), 8, 0.2, 0.6);
    expect(etas).toHaveLength(8);
    expect(etas).toEqual([...etas].sort((a, b) => a - b));
    for (const e of etas) expect(e >= 0.2 && e < 0.6).toBe(true);
  });

  it('forces the hint prefix row by row and leaves the rest free (−1)', () => {
    const forced = hintForcing([[7, 8, 9]], [[0.2, 0.5, 1]], 4);
    expect(Array.from(forced)).toEqual([7, -1, -1, -1, 7, 8, -1, -1, 7, 8, 9, -1]);
  });

  it('§20 example: 8 all wrong, 3 hinted responses correct → rewards [1,1,1,0,0,0,0,0] → A = [1.2076 ×3, −0.7246 ×5]', () => {
    const original = fixtureGroup(ex, [0, 0, 0, 0, 0, 0, 0, 0], S);
    expect(isAllWrong(original, 1)).toBe(true);
    const etas = [0.22, 0.27, 0.33, 0.41, 0.45, 0.5, 0.55, 0.58];
    // The three most heavily hinted responses (2 of 3 answer tokens forced) come out right.
    const hinted = fixtureGroup(ex, [0, 0, 0, 0, 0, 1, 1, 1], S, 2);
    const r = rescueGroup(original, hinted, etas, 4, 1, new Rng(1))!;
    expect(r.group.rewards).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
    expect(r.etas).toEqual([0.5, 0.55, 0.58]);
    expect(r.hintTokens).toBe(6);
    // Swapped-in rows keep their forced flags; the originals left have none.
    expect(r.group.rows.map((row) => row.forced !== undefined)).toEqual([true, true, true, false, false, false, false, false]);

    const batch = assembleLanguageBatch([r.group], S, 40, 24, 1);
    expect(Array.from(batch.forced!.subarray(0, 3))).toEqual([1, 1, 0]);
    const { rewards, groups } = sequenceRewards(batch);
    const a = grpoAdvantages(rewards, groups, 'group');
    for (let i = 0; i < 3; i++) expect(a[i]).toBeCloseTo(1.2076, 4);
    for (let i = 3; i < 8; i++) expect(a[i]).toBeCloseTo(-0.7246, 4);
  });

  it('replaces at most n_max originals (a random subset of the correct ones) and gives up when none is correct', () => {
    const original = fixtureGroup(ex, [0, 0, 0, 0], S);
    const hinted = fixtureGroup(ex, [1, 1, 1, 0], S, 1);
    const r = rescueGroup(original, hinted, [0.2, 0.3, 0.4, 0.5], 2, 1, new Rng(5))!;
    expect(r.group.rewards).toEqual([1, 1, 0, 0]);
    expect(r.etas).toHaveLength(2);
    for (const e of r.etas) expect([0.2, 0.3, 0.4]).toContain(e);
    expect(rescueGroup(original, fixtureGroup(ex, [0, 0, 0, 0], S, 1), [0.2, 0.3, 0.4, 0.5], 2, 1, new Rng(5))).toBeNull();
    expect(isAllWrong(fixtureGroup(ex, [0, 1, 0, 0], S), 1)).toBe(false);
  });
});
