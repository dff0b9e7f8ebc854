import { describe, expect, it } from 'vitest';
import { answerEntropy, copoAdvantage, copoAdvantages, copoGlobalAdvantages, copoWeight } from './copo.module';
import { close, groupsBatch, perSequence } from './test-batch';

describe('COPO (algorithms-llm.md §17, Appendix C)', () => {
  const sixFives = ['5', '5', '5', '5', '5', '5', '7', '9'];
  it('answer entropy: six "5", one "7", one "9" → H = 1.0613 bits; all equal → 0; eight different → 3', () => {
    expect(answerEntropy(sixFives)).toBeCloseTo(1.0613, 4);
    expect(answerEntropy(Array(8).fill('5'))).toBe(0);
    expect(answerEntropy(['1', '2', '3', '4', '5', '6', '7', '8'])).toBeCloseTo(3, 12);
  });
  it('H = 1.0613, k 5, b 1 → w = 0.576; k 20, b 0.5 → w ≈ 1; H = 0, k 20, b 0.5 → w ≈ 0', () => {
    expect(copoWeight(1.0613, 5, 1)).toBeCloseTo(0.576, 3);
    expect(copoWeight(1.0613, 20, 0.5)).toBeGreaterThan(0.9999);
    expect(copoWeight(0, 20, 0.5)).toBeLessThan(1e-4);
  });
  it('batch global rewards [1, 0, 0.5, 0.75] → A^g = [1.0247, −1.3175, −0.1464, 0.4392]', () =>
    close(copoGlobalAdvantages([1, 0, 0.5, 0.75]), [1.0247, -1.3175, -0.1464, 0.4392]));

  const rewards = [1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0];
  const groups = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]];
  const answers = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'a', 'a', 'b', 'b', 'a', 'a', 'a', 'b'];
  it('soft-with-forced: zero-variance groups take the global advantage, others blend by w(H)', () => {
    // group means [1, 0, 0.5, 0.75] → A^g above. Group 3: H = 1 → w = σ(0) = 0.5, local ±0.8660:
    // 0.5·0.866 + 0.5·(−0.1464) = 0.3598, −0.5062. Group 4: H = 0.8113 → w = σ(5·(−0.1887)) = 0.2802,
    // local 0.5/1.0 = 0.5 (std of [1,1,1,0] = 0.5) and −1.5: 0.2802·0.5 + 0.7198·0.4392 = 0.4562, −0.1041
    const r = copoAdvantages(rewards, groups, answers, { mode: 'soft-with-forced', k: 5, b: 1, rewardCoef: false, epsilon: 1e-6 });
    close(r.advantages, [1.0247, 1.0247, 1.0247, 1.0247, -1.3175, -1.3175, -1.3175, -1.3175, 0.3598, 0.3598, -0.5062, -0.5062, 0.4562, 0.4562, 0.4562, -0.1041]);
  });
  it('no-global is GRPO; only-global is A^g for every sample', () => {
    const base = { k: 5, b: 1, rewardCoef: false, epsilon: 1e-6 };
    const grpo = copoAdvantages(rewards, groups, answers, { ...base, mode: 'no-global' }).advantages;
    close(grpo.slice(8, 12), [0.866, 0.866, -0.866, -0.866]);
    expect([...grpo.slice(0, 8)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const glob = copoAdvantages(rewards, groups, answers, { ...base, mode: 'only-global' }).advantages;
    close(glob.slice(8, 12), [-0.1464, -0.1464, -0.1464, -0.1464]);
  });
  it('reward_coef_flg discounts a disagreeing group: λ = (1 − 1/G)/log₂G', () => {
    // G = 4, λ = 0.375. Global rewards: [1, 0, 0.5·(1 − 0.375·1), 0.75·(1 − 0.375·0.8113)] = [1, 0, 0.3125, 0.5218]
    const r = copoAdvantages(rewards, groups, answers, { mode: 'only-global', k: 5, b: 1, rewardCoef: true, epsilon: 1e-6 });
    close(r.globalAdv, copoGlobalAdvantages([1, 0, 0.3125, 0.75 * (1 - 0.375 * 0.811278)]));
    expect(r.globalAdv[2]).toBeLessThan(copoGlobalAdvantages([1, 0, 0.5, 0.75])[2]);
  });
  it('the module reads answers from the completion tokens of a language batch', () => {
    const est = copoAdvantage.create(copoAdvantage.schema.parse({ k: 5, b: 1 }));
    const tok = (i: number) => (answers[i] === 'a' ? [7, 2] : [8, 2]);
    const rs = [rewards.slice(0, 4), rewards.slice(4, 8), rewards.slice(8, 12), rewards.slice(12)];
    const batch = groupsBatch(rs, (g, i) => ({ length: 2, tokens: tok(g * 4 + i), exampleId: `q${g}` }));
    close(perSequence(batch, est.compute(batch).advantages).slice(8), [0.3598, 0.3598, -0.5062, -0.5062, 0.4562, 0.4562, 0.4562, -0.1041]);
    const m = est.metrics();
    expect(m['copo/local_weight']).toBeGreaterThanOrEqual(0);
    expect(m['copo/local_weight']).toBeLessThanOrEqual(1);
    expect(m['copo/answer_entropy']).toBeGreaterThan(0);
  });
});
