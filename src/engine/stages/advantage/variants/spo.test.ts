import { describe, expect, it } from 'vitest';
import { globalNormalise, spoAdvantage, spoOfflineInit, spoRho, spoTrackerUpdate } from './spo.module';
import { close, makeBatch, perSequence } from './test-batch';

describe('SPO (algorithms-llm.md §5, Appendix C)', () => {
  it('α = β = 4, R = 1, D = 0.03 → ρ 0.875, α′ 4.5, β′ 3.5', () => {
    // 2^(−0.03/0.06) = 0.7071, clipped up to ρ_min = 0.875
    const rho = spoRho(0.03, 0.06, 0.875, 0.96);
    expect(rho).toBe(0.875);
    const t = spoTrackerUpdate({ alpha: 4, beta: 4 }, rho, [1]);
    expect(t.alpha).toBeCloseTo(4.5, 12);
    expect(t.beta).toBeCloseTo(3.5, 12);
    expect(t.alpha / (t.alpha + t.beta)).toBeCloseTo(0.5625, 12);
  });
  it('ρ: a first visit (D = 0) forgets least, ρ_max; a mid-range D is not clipped', () => {
    expect(spoRho(0, 0.06, 0.875, 0.96)).toBe(0.96);
    expect(spoRho(0.006, 0.06, 0.5, 0.99)).toBeCloseTo(2 ** -0.1, 12);
  });
  it('offline init with 6/8 successes: α₀ 5.778, β₀ 2.222; none: 0.5 / 0.5', () => {
    const t = spoOfflineInit(8, 6, 0.875);
    expect(t.alpha).toBeCloseTo(5.778, 3);
    expect(t.beta).toBeCloseTo(2.222, 3);
    expect(spoOfflineInit(0, 0, 0.875)).toEqual({ alpha: 0.5, beta: 0.5 });
  });
  it('global normalisation: [0.5, −0.3, 0.9, −0.2] → [0.4793, −0.9151, 1.1765, −0.7408]', () =>
    close(globalNormalise(Float64Array.from([0.5, -0.3, 0.9, -0.2]), 1e-8), [0.4793, -0.9151, 1.1765, -0.7408]));

  it('the module keeps one tracker per prompt across updates', () => {
    const est = spoAdvantage.create(spoAdvantage.schema.parse({ priorAlpha: 4, priorBeta: 4, rho: 0.875, normalise: false }));
    expect(est.needsGroups).toBe(false);
    // update 1: prompt a succeeds, prompt b fails; both start at p̂ = 0.5
    const b1 = makeBatch([{ reward: 1, group: 0, exampleId: 'a' }, { reward: 0, group: 1, exampleId: 'b' }]);
    close(perSequence(b1, est.compute(b1).advantages), [0.5, -0.5]);
    expect(est.saveState()).toEqual({ a: [4.5, 3.5], b: [3.5, 4.5] });
    // update 2: a's baseline is now 4.5/8 = 0.5625, b's 0.4375
    const b2 = makeBatch([{ reward: 0, group: 0, exampleId: 'a' }, { reward: 1, group: 1, exampleId: 'b' }]);
    close(perSequence(b2, est.compute(b2).advantages), [-0.5625, 0.5625]);
  });

  it('saved state restores into a fresh tracker; control start states key the tracker', () => {
    const params = spoAdvantage.schema.parse({ priorAlpha: 4, priorBeta: 4, normalise: false, successThreshold: 475 });
    const a = spoAdvantage.create(params);
    const batch = makeBatch([{ reward: 500, group: 0, startObs: [0.01] }, { reward: 30, group: 1, startObs: [0.02] }]);
    a.compute(batch);
    const b = spoAdvantage.create(params);
    b.loadState(structuredClone(a.saveState()));
    close(perSequence(batch, b.compute(batch).advantages), [1 - 0.5625, -0.4375]);
  });

  it('with normalisation the batch advantages have mean 0 and std 1', () => {
    const est = spoAdvantage.create(spoAdvantage.schema.parse({}));
    const batch = makeBatch([1, 0, 0, 1, 1].map((reward, i) => ({ reward, group: i, exampleId: `p${i % 3}` })));
    const adv = perSequence(batch, est.compute(batch).advantages);
    const mean = adv.reduce((x, y) => x + y, 0) / adv.length;
    const sd = Math.sqrt(adv.reduce((x, y) => x + (y - mean) ** 2, 0) / (adv.length - 1));
    expect(mean).toBeCloseTo(0, 6);
    expect(sd).toBeCloseTo(1, 5);
  });
});
