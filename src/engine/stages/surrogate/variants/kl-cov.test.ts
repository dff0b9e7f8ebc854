import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { klCov, klCovSelect, klCovSurrogate } from './kl-cov.module';
import { close, lossAndGrad } from './test-inputs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// algorithms-llm.md §9 worked example: current probabilities and advantages.
const p = [0.9, 0.2, 0.6, 0.05, 0.7, 0.3];
const adv = [1, 1, 1, -1, -1, -1];

describe('KL-Cov (algorithms-llm.md §9, Appendix C)', () => {
  it('with n = 1 the top-covariance token is token 4 (Cov 1.8654); n = ⌊0.5·6⌋ = 3 adds tokens 1 and 3', () => {
    const logp = p.map(Math.log);
    expect(klCovSelect(logp, adv, 2e-3).penalised).toEqual([3]);
    expect(klCovSelect(logp, adv, 0.5).penalised).toEqual([3, 0, 2]);
    expect(klCovSelect(logp, adv, 2e-3).cov[3]).toBeCloseTo(1.8654, 4);
  });

  it('penalises only token 4 with β|log r| and clips no ratio at all', () => {
    // Ratios chosen so that PPO would clip token 1 (r = 3, A = +1); logp (hence Cov) stays as above.
    const r = [3, 1, 1, 1.5, 1, 1];
    const logpOld = p.map((q, i) => Math.log(q) - Math.log(r[i]));
    const { perStep, grad, low } = lossAndGrad(klCov({ klCovRatio: 2e-3, ppoKlCoef: 1 }), { r, a: adv, logpOld });
    // token 4: −A·r + |log 1.5| = 1.5 + 0.405465; its gradient −A·r + β·sign(log r) = 1.5 + 1.
    close(perStep, [-3, -1, -1, 1.905465, 1, 1], 5);
    close(grad, [-3, -1, -1, 2.5, 1, 1], 5);
    expect(low).toBeNull();
  });

  it('default k is the scaled lab value, with the paper value in the describe text', () => {
    expect(klCovSurrogate.schema.parse({})).toEqual({ klCovRatio: 0.02, ppoKlCoef: 1 });
    expect(klCovSurrogate.schema.shape.klCovRatio.description).toMatch(/2e-3/);
  });
});
