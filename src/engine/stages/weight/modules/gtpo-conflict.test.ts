import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { grpoAdvantages } from '../../advantage/grpo.module';
import { aggregationWeights } from '../../aggregate/aggregation';
import { ppoClip } from '../../surrogate/ppo-clip.module';
import { gtpoConflict, gtpoConflicts } from './gtpo-conflict.module';
import { gtpoEntropyFilter } from './gtpo-entropy-filter.module';
import { CTX, fixtureBatch, perStep } from './fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const close = (got: ArrayLike<number>, want: number[], digits = 4) =>
  want.forEach((w, i) => expect(got[i], `index ${i}`).toBeCloseTo(w, digits));

// §13 group (token strings → ids): <a> = 1, 3 = 3, 5 = 5, </a> = 2, x = 9.
// o1(+) = [<a>, 3, </a>], o2(−) = [<a>, 5, </a>], o3(+) = [<a>, 3, </a>], o4(−) = [x, 5, </a>];
// R = [1, 0, 1, 0] → GRPO A = ±0.8660; H̄ = [0.3, 0.5, 0.9, 0.2].
const group = fixtureBatch([
  { actions: [1, 3, 2], entropy: [0.3, 0.3, 0.3], group: 0 },
  { actions: [1, 5, 2], entropy: [0.5, 0.5, 0.5], group: 0 },
  { actions: [1, 3, 2], entropy: [0.9, 0.9, 0.9], group: 0 },
  { actions: [9, 5, 2], entropy: [0.2, 0.2, 0.2], group: 0 },
]);
const adv = perStep(group, [...grpoAdvantages([1, 0, 1, 0], [0, 0, 0, 0], 'group')]);

describe('GTPO conflict tokens (algorithms-llm.md §13, Appendix C)', () => {
  it('finds the shared leading <a> and trailing </a>: λ = [2,1,2], [0,1,0], [2,1,2], [1,1,0]; n_conf = [2,2,2,1]', () => {
    const { lambda, nConflict } = gtpoConflicts(group, adv, 2);
    expect([...lambda]).toEqual([2, 1, 2, 0, 1, 0, 2, 1, 2, 1, 1, 0]);
    expect([...nConflict]).toEqual([2, 2, 2, 1]);
  });

  it('divides by max(1, n_conf) by default, and not when divide_by_conflicts is off', () => {
    const on = gtpoConflict.create(gtpoConflict.schema.parse({})).weights(group, adv, CTX);
    close(on, [1, 0.5, 1, 0, 0.5, 0, 1, 0.5, 1, 1, 1, 0]);
    const off = gtpoConflict.create(gtpoConflict.schema.parse({ divideByConflicts: false })).weights(group, adv, CTX);
    expect([...off]).toEqual([2, 1, 2, 0, 1, 0, 2, 1, 2, 1, 1, 0]);
  });

  it('only the shared run counts: a shared token after a mismatch is no conflict', () => {
    // + [1, 3, 4, 2] vs − [1, 5, 4, 6]: the forward run is [1] (3 ≠ 5 ends it), the backward run is
    // empty (2 ≠ 6), so the 4 both share at position 2 is not a conflict.
    const b = fixtureBatch([
      { actions: [1, 3, 4, 2], entropy: [0, 0, 0, 0], group: 0 },
      { actions: [1, 5, 4, 6], entropy: [0, 0, 0, 0], group: 0 },
    ]);
    const { lambda, nConflict } = gtpoConflicts(b, perStep(b, [1, -1]), 2);
    expect([...lambda]).toEqual([2, 1, 1, 1, 0, 1, 1, 1]);
    expect([...nConflict]).toEqual([1, 1]);
  });

  it('backward runs align completions of different lengths at their ends', () => {
    // + [7, 4, 2] vs − [4, 2]: from the end, 2 and 4 are shared → a trailing run of two.
    const b = fixtureBatch([
      { actions: [7, 4, 2], entropy: [0, 0, 0], group: 0 },
      { actions: [4, 2], entropy: [0, 0], group: 0 },
    ]);
    const { lambda, nConflict } = gtpoConflicts(b, perStep(b, [1, -1]), 2);
    expect([...lambda]).toEqual([1, 2, 2, 0, 0]);
    expect([...nConflict]).toEqual([2, 2]);
  });

  it('a group without both signs has no conflicts', () => {
    const b = fixtureBatch([
      { actions: [1, 2], entropy: [0, 0], group: 0 },
      { actions: [1, 2], entropy: [0, 0], group: 0 },
    ]);
    expect([...gtpoConflict.create(gtpoConflict.schema.parse({})).weights(b, perStep(b, [0.7, 0]), CTX)]).toEqual([1, 1, 1, 1]);
  });

  it('with the entropy filter gives the §13 loss L = 0.0117', () => {
    // The trainer's policy loss is Σ_t aggW_t · w_t · l_t. GTPO's L is a per-completion token mean
    // (seq-mean-token-mean weights 1/(4·3)), with l = −r·A and r = 1 (one on-policy pass, where
    // PPO's clip is inactive: l = −A). The weights multiply: conflict λ/max(1, n_conf) times the
    // filter's (A − κH̄)/A (0 for o3, H̄ = 0.9 > 0.7), so w·A = A'·λ/n_conf as in
    // L_i = −(1/|o_i|) Σ_t A'_i λ_{i,t} / max(1, n_conf,i) = [−0.6967, 0.1527, 0, 0.5907].
    const conflict = gtpoConflict.create(gtpoConflict.schema.parse({})).weights(group, adv, CTX);
    const filter = gtpoEntropyFilter.create(gtpoEntropyFilter.schema.parse({})).weights(group, adv, CTX);
    const w = conflict.map((x, i) => x * filter[i]);
    const aggW = aggregationWeights('seq-mean-token-mean', group.seqId, 3);
    const surrogate = ppoClip({ clipRatioLow: 0.2, clipRatioHigh: 0.2, clipRatioC: null, clipSchedule: 'constant' });
    const perStepLoss = tf.tidy(() => {
      const ones = tf.ones([group.n]) as tf.Tensor1D;
      const x = { logp: ones, ratio: ones, adv: tf.tensor1d(adv), logpOld: ones, entropy: ones, seqIds: group.seqId, seqCount: 4, progress: 0 };
      return surrogate.loss(x).arraySync();
    });
    const perSeq = [0, 1, 2, 3].map((s) => [0, 1, 2].reduce((a, k) => a + 4 * aggW[3 * s + k] * w[3 * s + k] * perStepLoss[3 * s + k], 0));
    close(perSeq, [-0.6967, 0.1527, 0, 0.5907]);
    const L = perStepLoss.reduce((a, l, i) => a + aggW[i] * w[i] * l, 0);
    expect(L).toBeCloseTo(0.0117, 4);
  });
});
