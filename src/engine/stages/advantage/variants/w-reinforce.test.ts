import { describe, expect, it } from 'vitest';
import { psrNsrAdvantages, wReinforceAdvantage } from './w-reinforce.module';
import { close, groupsBatch, perSequence } from './test-batch';

describe('W-REINFORCE / PSR / NSR (algorithms-llm.md §3, Appendix C)', () => {
  it('W-REINFORCE, λ = 0.1: [1,0,0,1] → [0.1, −1, −1, 0.1]', () => close(psrNsrAdvantages([1, 0, 0, 1], 'w-reinforce', 0.1, 1), [0.1, -1, -1, 0.1]));
  it('PSR: the two successes get +1, the failures nothing', () => expect([...psrNsrAdvantages([1, 0, 0, 1], 'psr', 0.1, 1)]).toEqual([1, 0, 0, 1]));
  it('NSR: the two failures get −1, the successes nothing', () => expect([...psrNsrAdvantages([1, 0, 0, 1], 'nsr', 0.1, 1)]).toEqual([0, -1, -1, 0]));
  it('CartPole with the success predicate R ≥ 475 (A.1)', () =>
    close(psrNsrAdvantages([500, 20, 475, 474], 'w-reinforce', 0.1, 475), [0.1, -1, 0.1, -1]));
  it('the module needs no groups and broadcasts A to every step', () => {
    const est = wReinforceAdvantage.create(wReinforceAdvantage.schema.parse({ lambda: 0.1 }));
    expect(est.needsGroups).toBe(false);
    const batch = groupsBatch([[1, 0, 0, 1]], () => ({ length: 2 }));
    const { advantages } = est.compute(batch);
    close(perSequence(batch, advantages), [0.1, -1, -1, 0.1]);
    close(advantages, [0.1, 0.1, -1, -1, -1, -1, 0.1, 0.1]);
  });
});
