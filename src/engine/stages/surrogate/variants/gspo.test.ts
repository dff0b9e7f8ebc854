import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gspo, gspoSurrogate, sequenceRatio } from './gspo.module';
import { close, inTidy, lossAndGrad, surrogateInputs } from './test-inputs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const wide = gspo({ clipRatioLow: 0.2, clipRatioHigh: 0.2 });
const paper = gspoSurrogate.create(gspoSurrogate.schema.parse({}));

describe('GSPO sequence-level ratio (grpo-libraries.md §1.4, T2)', () => {
  it('s_i = exp(mean_t log r): token ratios [1.5, 0.5] → 0.866025; [1.1, 1.2, 1.0] → 1.32^(1/3) = 1.096961', () => {
    // Steps of the two sequences interleaved: grouping follows seqIds, not position.
    const s = inTidy(() => {
      const r = [1.5, 1.1, 0.5, 1.2, 1.0];
      const logp = tf.tensor1d(r.map(Math.log));
      return Array.from(sequenceRatio(surrogateInputs(logp, tf.zerosLike(logp), tf.onesLike(logp), [0, 1, 0, 1, 1])).dataSync());
    });
    close(s, [0.866025, 1.096961, 0.866025, 1.096961, 1.096961], 5);
  });

  // Gradients are of the seq-mean-token-mean aggregate (weights 1/(B·|o_i|)), GSPO's own aggregation.
  it('A = +1 with ε 0.2: l = −0.866025 per token; gradient −A·s/|o| = −0.433013 to each token', () => {
    const { perStep, grad } = lossAndGrad(wide, { r: [1.5, 0.5], a: [1, 1], weights: [0.5, 0.5] });
    close(perStep, [-0.866025, -0.866025], 5);
    close(grad, [-0.433013, -0.433013], 5);
  });

  it('A = −1 with ε 0.2: l = 0.866025 (token-level PPO would give [1.5, 0.8])', () => {
    const { perStep, grad } = lossAndGrad(wide, { r: [1.5, 0.5], a: [-1, -1], weights: [0.5, 0.5] });
    close(perStep, [0.866025, 0.866025], 5);
    close(grad, [0.433013, 0.433013], 5);
  });

  it("with the GSPO authors' ε (3e-4, 4e-4), A = −1 gives 0.9997, clipped: no gradient, flagged low", () => {
    const { perStep, grad, low, high } = lossAndGrad(paper, { r: [1.5, 0.5], a: [-1, -1] });
    close(perStep, [0.9997, 0.9997], 6);
    close(grad, [0, 0], 6);
    expect(low).toEqual([1, 1]);
    expect(high).toEqual([0, 0]);
  });

  it('clips each sequence on its own: a 3-token sequence at s = 1.096961 (A = +1) above 1.0004 is cut, the other is not', () => {
    const { perStep, grad, high } = lossAndGrad(paper, { r: [1.5, 1.1, 0.5, 1.2, 1.0], a: [1, 1, 1, 1, 1], seqIds: [0, 1, 0, 1, 1], weights: [1 / 4, 1 / 6, 1 / 4, 1 / 6, 1 / 6] });
    close(perStep, [-0.866025, -1.0004, -0.866025, -1.0004, -1.0004], 5);
    close(grad, [-0.216506, 0, -0.216506, 0, 0], 5); // B = 2: −A·s/(B·|o|)
    expect(high).toEqual([0, 1, 0, 1, 1]);
  });
});
