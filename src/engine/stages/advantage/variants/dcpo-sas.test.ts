import { describe, expect, it } from 'vitest';
import { dcpoSasAdvantage, dcpoSmoothAdvantages } from './dcpo-sas.module';
import { close, groupsBatch, perSequence } from './test-batch';

describe('DCPO smooth advantage standardisation (algorithms-llm.md §6, Appendix C)', () => {
  it('visits [1,0,0,0] then [1,1,1,1] → second visit A = 0.3638 ×4 (GRPO: 0)', () => {
    const v1 = dcpoSmoothAdvantages([1, 0, 0, 0], undefined);
    close(v1.advantages, [1.5, -0.5, -0.5, -0.5]);
    expect(v1.next).toEqual({ mean: 0.25, std: 0.5, visits: 1 });
    // μ_tot = 0.625, σ²_tot = (0.25 + 0 + ½·0.75²)/2 = 0.265625 → σ_tot 0.5154; A_tot = 0.375/0.5154 = 0.7276;
    // SA_new = ½·0 + ½·0.7276 = SA_tot = 0.3638
    const v2 = dcpoSmoothAdvantages([1, 1, 1, 1], v1.next);
    close(v2.advantages, [0.3638, 0.3638, 0.3638, 0.3638]);
    expect(v2.next.mean).toBeCloseTo(0.625, 12);
    expect(v2.next.std).toBeCloseTo(0.5154, 4);
    // third visit [0,0,0,0]: μ_tot = 1.25/3 = 0.41667, σ²_tot = (2·0.265625 + ⅔·0.625²)/3 = 0.26389 → 0.5137;
    // A_tot = −0.8111; SA_new = ⅓·(−0.8111) = −0.2704 beats SA_tot = −0.5407
    const v3 = dcpoSmoothAdvantages([0, 0, 0, 0], v2.next);
    close(v3.advantages, [-0.2704, -0.2704, -0.2704, -0.2704]);
    // fourth visit [1,0,1,0]: μ_tot 0.4375, σ_tot 0.5316. R = 1: A_new 0.8660, A_tot 1.0582 →
    // SA_new 0.9141 < SA_tot 1.0101; R = 0: A_new −0.8660, A_tot −0.8231 → SA_tot −0.8338 is smaller
    const v4 = dcpoSmoothAdvantages([1, 0, 1, 0], v3.next);
    close(v4.advantages, [0.9141, -0.8338, 0.9141, -0.8338]);
  });

  it('the module remembers each prompt across updates (language: example ids)', () => {
    const est = dcpoSasAdvantage.create(dcpoSasAdvantage.schema.parse({}));
    const first = groupsBatch([[1, 0, 0, 0], [1, 1, 1, 1]], (g) => ({ exampleId: g === 0 ? 'x' : 'y' }));
    close(perSequence(first, est.compute(first).advantages), [1.5, -0.5, -0.5, -0.5, 0, 0, 0, 0]);
    const second = groupsBatch([[1, 1, 1, 1]], () => ({ exampleId: 'x' }));
    close(perSequence(second, est.compute(second).advantages), [0.3638, 0.3638, 0.3638, 0.3638]);
    expect(est.saveState().x.visits).toBe(2);
    expect(est.saveState().y.visits).toBe(1);
  });

  it('control start states snapped to a grid share statistics', () => {
    const est = dcpoSasAdvantage.create(dcpoSasAdvantage.schema.parse({ startStateGrid: 0.05 }));
    const a = groupsBatch([[1, 0, 0, 0]], () => ({ startObs: [0.011, -0.02] }));
    est.compute(a);
    const b = groupsBatch([[1, 1, 1, 1]], () => ({ startObs: [0.032, -0.04] }));
    close(perSequence(b, est.compute(b).advantages), [0.3638, 0.3638, 0.3638, 0.3638]);
    expect(Object.keys(est.saveState())).toEqual(['obs:0,-1']);
  });
});
