import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../core/rng';
import { concatBatches } from '../../../core/concat-batches';
import { ppoClip } from '../../surrogate/ppo-clip.module';
import { lossAndGrad } from '../../surrogate/variants/test-inputs';
import { ReplayBuffer, mixCounts } from './replay-buffer';
import { reincarnationStep } from './reincarnation';
import { remixSampler } from './remix.module';
import { groupsBatch } from './fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('ReMix mix of fresh and replayed groups (algorithms-llm.md §24)', () => {
  it('Q = 8, p = 0.5: 8 fresh while the buffer is empty, then 4 + 4; never fewer than one fresh', () => {
    expect(mixCounts(8, 0.5, 0)).toEqual({ fresh: 8, replay: 0 });
    expect(mixCounts(8, 0.5, 3)).toEqual({ fresh: 5, replay: 3 });
    expect(mixCounts(8, 0.5, 20)).toEqual({ fresh: 4, replay: 4 });
    expect(mixCounts(8, 0.9, 20)).toEqual({ fresh: 1, replay: 7 });
    expect(mixCounts(1, 0.5, 20)).toEqual({ fresh: 1, replay: 0 });
    expect(mixCounts(8, 0, 20)).toEqual({ fresh: 8, replay: 0 });
  });

  it('the buffer keeps the last K versions and replays whole groups with their behaviour log-probs', () => {
    const buf = new ReplayBuffer(2);
    buf.push(0, groupsBatch(3, 4, -0.5));
    buf.push(1, groupsBatch(3, 4, -1.2));
    buf.push(2, groupsBatch(3, 4, -2.0));
    expect(buf.groups).toBe(6); // version 0 forgotten
    const r = buf.draw(4, 3, new Rng(7));
    const seqs = r.batches.flatMap((b) => b.seqs);
    expect(seqs.length).toBe(16); // 4 groups × G = 4
    expect(r.staleness.length).toBe(16);
    expect(r.staleness.every((s) => s === 1 || s === 2)).toBe(true);
    for (const b of r.batches) {
      expect(b.envSteps).toBe(0);
      const groupSizes = new Map<number, number>();
      b.seqs.forEach((s) => groupSizes.set(s.group, (groupSizes.get(s.group) ?? 0) + 1));
      expect([...groupSizes.values()].every((n) => n === 4)).toBe(true);
      expect([...b.logpOld].every((lp) => Math.abs(lp + 1.2) < 1e-6 || Math.abs(lp + 2.0) < 1e-6)).toBe(true);
    }
    const mixed = concatBatches([groupsBatch(4, 4, -0.3), ...r.batches]);
    expect(new Set(mixed.seqs.map((s) => s.group)).size).toBe(8);
    expect(mixed.envSteps).toBe(4 * 4 * 2);
    buf.clear();
    expect(buf.groups).toBe(0);
  });

  it('replayed token: logμ = −1.2, logp = −1.0 → r = e^0.2 = 1.2214; with ε = 0.2 clipped for A > 0, passes for A < 0', () => {
    const replayed = new ReplayBuffer(2);
    replayed.push(0, groupsBatch(1, 1, -1.2));
    const batch = concatBatches(replayed.draw(1, 1, new Rng(1)).batches);
    const logpOld = batch.logpOld[0];
    const ppo = ppoClip({ clipRatioLow: 0.2, clipRatioHigh: 0.2, clipRatioC: null, clipSchedule: 'constant' });
    const r = Math.exp(-1.0 - logpOld);
    expect(r).toBeCloseTo(1.2214, 4);
    const pos = lossAndGrad(ppo, { r: [r], a: [1], logpOld: [logpOld] });
    expect(pos.perStep[0]).toBeCloseTo(-1.2, 4); // −A·(1 + ε)
    expect(pos.grad[0]).toBeCloseTo(0, 6); // clipped: no gradient
    expect(pos.high).toEqual([1]);
    const neg = lossAndGrad(ppo, { r: [r], a: [-1], logpOld: [logpOld] });
    expect(neg.perStep[0]).toBeCloseTo(1.2214, 4); // −A·r
    expect(neg.grad[0]).toBeCloseTo(1.2214, 4); // ∂(−A·r)/∂logp = −A·r
    expect(neg.low).toEqual([0]);
  });

  it('reincarnation after round(T_r·N) updates: T_r = 0.5 of 20 → 10; never when empty', () => {
    expect(reincarnationStep(0.5, 20)).toBe(10);
    expect(reincarnationStep(0.5, 5)).toBe(3);
    expect(reincarnationStep(null, 20)).toBeNull();
  });

  it('schema defaults are the lab defaults of §24: K = 2, p = 0.5, T_r = 0.5', () => {
    const p = remixSampler.schema.parse({});
    expect([p.bufferVersions, p.replayFrac, p.reincarnateAt, p.groupSize]).toEqual([2, 0.5, 0.5, 8]);
  });
});
