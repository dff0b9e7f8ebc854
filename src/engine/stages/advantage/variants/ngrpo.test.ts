import { describe, expect, it } from 'vitest';
import { ngrpoAdvantage, ngrpoAdvantages } from './ngrpo.module';
import { close, groupsBatch, perSequence } from './test-batch';

const one = (rs: number[], maxReward = 1, k = 1) => ngrpoAdvantages(rs, [rs.map((_, i) => i)], maxReward, k);

describe('NGRPO calibrated advantage (algorithms-llm.md §2, Appendix C)', () => {
  it('[0,0,0,0] → −0.4472 ×4: an all-wrong group is pushed down (GRPO gives 0)', () => {
    // R̃ = [0,0,0,0,1]: mean 0.2, std √(0.8/4) = 0.4472; (0 − 0.2)/0.4472 = −0.4472
    close(one([0, 0, 0, 0]), [-0.4472, -0.4472, -0.4472, -0.4472]);
  });
  it('[1,0,0,1] → [0.7303, −1.0954, −1.0954, 0.7303]', () => close(one([1, 0, 0, 1]), [0.7303, -1.0954, -1.0954, 0.7303]));
  it('[1,0,0,0] → [1.0954, −0.7303 ×3]', () => close(one([1, 0, 0, 0]), [1.0954, -0.7303, -0.7303, -0.7303]));
  it('[1,1,1,0] → [0.4472 ×3, −1.7889]', () => close(one([1, 1, 1, 0]), [0.4472, 0.4472, 0.4472, -1.7889]));
  it('an all-correct group stays at zero', () => expect([...one([1, 1, 1, 1])]).toEqual([0, 0, 0, 0]));
  it('k = 2 virtual samples: [0,0,0,0] → −0.6455', () => {
    // R̃ = [0,0,0,0,1,1]: mean 1/3, var (4/9 + 2·4/9)/5 = 0.26667, std 0.5164; −(1/3)/0.5164 = −0.6455
    close(one([0, 0, 0, 0], 1, 2), [-0.6455, -0.6455, -0.6455, -0.6455]);
  });
  it('CartPole returns with max_reward 500 (A.1)', () => {
    // R̃ = [100,200,300,400,500]: mean 300, std √(100000/4) = 158.11 → [−1.2649, −0.6325, 0, 0.6325]
    close(one([100, 200, 300, 400], 500), [-1.2649, -0.6325, 0, 0.6325]);
  });
  it('the module calibrates each group of a batch on its own and broadcasts to every step', () => {
    const batch = groupsBatch([[0, 0, 0, 0], [1, 0, 0, 1]], () => ({ length: 3 }));
    const est = ngrpoAdvantage.create(ngrpoAdvantage.schema.parse({}));
    const { advantages } = est.compute(batch);
    close(perSequence(batch, advantages), [-0.4472, -0.4472, -0.4472, -0.4472, 0.7303, -1.0954, -1.0954, 0.7303]);
    expect(advantages[1]).toBe(advantages[0]);
    expect(advantages[2]).toBe(advantages[0]);
  });
});
