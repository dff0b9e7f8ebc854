import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { drpoAdvantage, drpoAdvantages, drpoLengthWeights } from './drpo.module';
import { close, makeBatch, perSequence } from './test-batch';
import { aggregationWeights } from '../../aggregate/aggregation';

describe('DRPO (algorithms-llm.md §18, Appendix C)', () => {
  it('ℓ = [0.2, 0.5, 0.9], λ 0.1 → ω̃ = [0.9517, 0.0474, 0.0009]', () => {
    // ω = [e^8, e^5, e^1] = [2981.0, 148.4, 2.72]
    close(drpoLengthWeights([0.2, 0.5, 0.9], 0.1), [0.9517, 0.0474, 0.0009]);
  });
  it('λ = ∞ (DisCO) weighs correct samples equally', () => close(drpoLengthWeights([0.2, 0.5, 0.9], null), [1 / 3, 1 / 3, 1 / 3]));

  it('no correct sample is pushed down, and only mixed groups get a signal', () => {
    const rewards = [1, 1, 1, 0, 1, 1, 0, 0];
    const lengths = [2, 5, 9, 4, 3, 3, 3, 3];
    const scores = [-1, -1, -1, -2, -1, -1, -1, -1];
    const adv = drpoAdvantages(rewards, lengths, scores, [[0, 1, 2, 3], [4, 5], [6, 7]], 10, { lambda: 0.1, tau: 10, successThreshold: 1 });
    for (const i of [0, 1, 2]) expect(adv[i]).toBeGreaterThan(0);
    expect(adv[3]).toBeLessThan(0);
    expect([adv[4], adv[5], adv[6], adv[7]]).toEqual([0, 0, 0, 0]);
    // one mixed group of 8 sequences: scale 8; shortest correct: 8·0.9517/2
    close([adv[0], adv[3]], [(8 * 0.95165) / 2, -8 / 4], 3);
  });

  it('with vanilla-pg and seq-mean-token-sum its gradient is that of −(1/Q) Σ_q J_q', () => {
    // Two mixed groups: q0 = 2 correct + 2 wrong, q1 = 1 correct + 1 wrong; lengths 1..3.
    const specs = [
      { reward: 1, group: 0, length: 2, logp: -0.5 },
      { reward: 1, group: 0, length: 3, logp: -1.1 },
      { reward: 0, group: 0, length: 1, logp: -2.0 },
      { reward: 0, group: 0, length: 2, logp: -0.3 },
      { reward: 1, group: 1, length: 3, logp: -0.7 },
      { reward: 0, group: 1, length: 2, logp: -1.6 },
    ];
    const batch = makeBatch(specs);
    const params = drpoAdvantage.schema.parse({ lambda: 0.5, tau: 2, lMax: 4 });
    const adv = drpoAdvantage.create(params).compute(batch).advantages;
    const w = aggregationWeights('seq-mean-token-sum', batch.seqId, 4);
    const logp0 = tf.tensor1d(batch.logpOld);
    const ours = tf.grad((lp: tf.Tensor) => tf.sum(tf.mul(tf.tensor1d(w), tf.neg(tf.mul(tf.tensor1d(adv), lp)))))(logp0);
    // Reference: J_q written out from §18, differentiated by tf.
    const objective = (lp: tf.Tensor) => {
      const terms: tf.Tensor[] = [];
      for (const g of [0, 1]) {
        const idx = batch.seqs.map((s, i) => ({ s, i })).filter(({ s }) => s.group === g);
        const score = ({ s }: { s: (typeof batch.seqs)[number] }) => tf.mean(lp.slice(s.start, s.length));
        const neg = idx.filter(({ s }) => s.reward < 1).map(score);
        const lse = tf.mul(2, tf.logSumExp(tf.div(tf.stack(neg), 2)));
        const pos = idx.filter(({ s }) => s.reward >= 1);
        const om = drpoLengthWeights(pos.map(({ s }) => s.length / 4), 0.5);
        pos.forEach((p, k) => terms.push(tf.mul(om[k], tf.sub(score(p), lse))));
      }
      return tf.neg(tf.div(tf.addN(terms), 2));
    };
    const want = tf.grad(objective)(logp0);
    close(ours.dataSync(), Array.from(want.dataSync()), 5);
    tf.dispose([logp0, ours, want]);
  });

  it('the module takes L_max from the completion budget on language batches', () => {
    const est = drpoAdvantage.create(drpoAdvantage.schema.parse({ lambda: 0.1 }));
    // steps = 10 (longest sequence); ℓ = [0.2, 1.0] → ω̃ = softmax([8, 0]) = [0.99966, 0.00034]
    const batch = makeBatch([
      { reward: 1, group: 0, length: 2, exampleId: 'q' },
      { reward: 1, group: 0, length: 10, exampleId: 'q' },
      { reward: 0, group: 0, length: 4, exampleId: 'q' },
    ]);
    const adv = perSequence(batch, est.compute(batch).advantages);
    const e8 = Math.exp(8);
    close(adv, [(3 * e8) / (e8 + 1) / 2, (3 / (e8 + 1)) / 10, -3 / 4], 5);
  });
});
