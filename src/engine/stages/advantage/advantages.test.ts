import { describe, expect, it } from 'vitest';
import type { Batch, Sequence } from '../../core/batch';
import { grpoAdvantages } from './grpo.module';
import { rlooAdvantages } from './rloo.module';
import { gae, rewardToGo } from './returns';
import { rewardToGoAdvantage } from './reward-to-go.module';
import { reinforcePlusPlus, reinforcePlusPlusBaseline } from './reinforce-pp.module';

const close = (got: ArrayLike<number>, want: number[], digits = 4) =>
  want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, digits));

/** A batch of one sequence with the given per-step rewards and values. */
function oneSequence(rewards: number[], values: number[] | null, tail: Partial<Sequence>): Batch {
  const n = rewards.length;
  return {
    n,
    obsDim: 1,
    nActions: 2,
    obs: new Float32Array(n),
    actions: new Int32Array(n),
    logpOld: new Float32Array(n),
    entropy: new Float32Array(n),
    rewards: Float32Array.from(rewards),
    values: values ? Float32Array.from(values) : null,
    seqId: new Int32Array(n),
    seqs: [{ start: 0, length: n, group: -1, reward: rewards.reduce((a, b) => a + b, 0), terminated: false, truncated: false, bootstrapValue: 0, ...tail }],
    finishedEpisodes: [],
    envSteps: n,
  };
}

describe('GRPO / Dr. GRPO / RLOO advantages (algorithms-llm.md §1, Appendix C)', () => {
  const g4 = [0, 0, 0, 0];
  it('GRPO: R = [1,0,0,1] → ±0.8660', () => close(grpoAdvantages([1, 0, 0, 1], g4, 'group'), [0.866, -0.866, -0.866, 0.866]));
  it('GRPO: R = [1,0,0,0] → [1.5, −0.5 ×3]', () => close(grpoAdvantages([1, 0, 0, 0], g4, 'group'), [1.5, -0.5, -0.5, -0.5]));
  it('GRPO: a uniform group gives exactly zero', () => expect([...grpoAdvantages([1, 1, 1, 1], g4, 'group')]).toEqual([0, 0, 0, 0]));
  it('Dr. GRPO (no std): R = [1,0,0,1] → ±0.5', () => close(grpoAdvantages([1, 0, 0, 1], g4, 'none'), [0.5, -0.5, -0.5, 0.5]));
  it('GRPO normalises each group on its own', () =>
    close(grpoAdvantages([1, 0, 0, 1, 1, 0, 0, 0], [0, 0, 0, 0, 1, 1, 1, 1], 'group'), [0.866, -0.866, -0.866, 0.866, 1.5, -0.5, -0.5, -0.5]));
  it('GRPO batch scaling divides by the whole batch std', () => {
    // batch [1,0,0,1,1,0,0,0]: mean 0.375, Σ(R−mean)² = 1.875, std = √(1.875/7) = 0.51755;
    // group 1: ±0.5/0.51755 = ±0.9661; group 2 (mean 0.25): 0.75/0.51755 = 1.4491, −0.25/0.51755 = −0.4830
    close(grpoAdvantages([1, 0, 0, 1, 1, 0, 0, 0], [0, 0, 0, 0, 1, 1, 1, 1], 'batch'), [0.9661, -0.9661, -0.9661, 0.9661, 1.4491, -0.483]);
  });
  it('a group of one uses mean 0 and std 1 (verl)', () => close(grpoAdvantages([0.7], [0], 'group'), [0.7]));
  it('RLOO: R = [1,0,0,1] → ±0.6667', () => close(rlooAdvantages([1, 0, 0, 1], g4), [0.6667, -0.6667, -0.6667, 0.6667]));
  it('RLOO: R = [1,0,0,0] → [1, −1/3 ×3]', () => close(rlooAdvantages([1, 0, 0, 0], g4), [1, -0.3333, -0.3333, -0.3333]));
});

describe('returns and GAE (algorithms-control.md C.2, D.1)', () => {
  it('reward-to-go of [1,1,1] with γ = 0.99 is [2.9701, 1.99, 1]', () => {
    close(rewardToGo(oneSequence([1, 1, 1], null, { terminated: true }), 0.99, false), [2.9701, 1.99, 1.0]);
  });

  it('reward-to-go minus the batch mean is [0.9834, 0.0033, −0.9867]', () => {
    const est = rewardToGoAdvantage.create(rewardToGoAdvantage.schema.parse({ gamma: 0.99, baseline: 'batch-mean' }));
    close(est.compute(oneSequence([1, 1, 1], null, { terminated: true })).advantages, [0.9834, 0.0033, -0.9867]);
  });

  it('GAE: rewards [1,1,1], V = [0.5,0.6,0.7], V(s3) = 0.8, γ .99, λ .95', () => {
    const batch = oneSequence([1, 1, 1], [0.5, 0.6, 0.7], { bootstrapValue: 0.8 });
    const { advantages, returns } = gae(batch, batch.values!, 0.99, 0.95, false);
    close(advantages, [3.0879, 2.12, 1.092]);
    close(returns, [3.5879, 2.72, 1.792]);
  });

  it('GAE does not bootstrap a terminated episode, and a truncation only when asked', () => {
    const term = oneSequence([1], [0.5], { terminated: true, bootstrapValue: 9 });
    expect(gae(term, term.values!, 0.99, 0.95, false).advantages[0]).toBeCloseTo(0.5, 6);
    const trunc = oneSequence([1], [0.5], { truncated: true, bootstrapValue: 2 });
    expect(gae(trunc, trunc.values!, 0.5, 0.95, false).advantages[0]).toBeCloseTo(0.5, 6);
    expect(gae(trunc, trunc.values!, 0.5, 0.95, true).advantages[0]).toBeCloseTo(1.5, 6);
  });
});

describe('REINFORCE++ (algorithms-llm.md §1.5, Appendix C)', () => {
  /** Sequences with given rewards, lengths and groups, steps packed in order. */
  function seqBatch(rewards: number[], lengths: number[], groups: number[]): Batch {
    const n = lengths.reduce((a, b) => a + b, 0);
    let at = 0;
    const seqs = rewards.map((r, i) => {
      const s = { start: at, length: lengths[i], group: groups[i], reward: r, terminated: true, truncated: false, bootstrapValue: 0 };
      at += lengths[i];
      return s;
    });
    const seqId = new Int32Array(n);
    seqs.forEach((s, i) => seqId.fill(i, s.start, s.start + s.length));
    return { n, obsDim: 0, nActions: 2, obs: new Float32Array(0), actions: new Int32Array(n), logpOld: new Float32Array(n), entropy: new Float32Array(n), rewards: new Float32Array(n), values: null, seqId, seqs, finishedEpisodes: [], envSteps: n };
  }

  it('β 0.01, KL [0.1,0.2] R 1 and KL [0,0.3] R 0 → [0.8652, 0.8669, −0.8660, −0.8660]', () => {
    const b = seqBatch([1, 0], [2, 2], [0, 1]);
    close(reinforcePlusPlus(b, [0.1, 0.2, 0.0, 0.3], 0.01, 1), [0.8652, 0.8669, -0.866, -0.866]);
  });

  it('baseline variant: R [1,0,0,1], lengths [2,3,1,2] → ±0.9354 on every token', () => {
    const b = seqBatch([1, 0, 0, 1], [2, 3, 1, 2], [0, 0, 0, 0]);
    close(reinforcePlusPlusBaseline(b), [0.9354, 0.9354, -0.9354, -0.9354, -0.9354, -0.9354, 0.9354, 0.9354]);
  });
});
