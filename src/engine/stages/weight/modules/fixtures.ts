import type { Batch } from '../../../core/batch';

export interface FixtureSeq {
  /** Action (token id) of each step. */
  actions?: number[];
  /** Entropy of each step. */
  entropy: number[];
  group?: number;
  reward?: number;
}

/** A hand-written batch for the weight-stage tests: sequences packed in order. */
export function fixtureBatch(seqs: FixtureSeq[]): Batch {
  const n = seqs.reduce((a, s) => a + s.entropy.length, 0);
  const actions = new Int32Array(n);
  const entropy = new Float32Array(n);
  const seqId = new Int32Array(n);
  let at = 0;
  const out: Batch['seqs'] = seqs.map((s, i) => {
    const len = s.entropy.length;
    entropy.set(s.entropy, at);
    if (s.actions) actions.set(s.actions, at);
    seqId.fill(i, at, at + len);
    const seq = { start: at, length: len, group: s.group ?? -1, reward: s.reward ?? 0, terminated: true, truncated: false, bootstrapValue: 0 };
    at += len;
    return seq;
  });
  return {
    n,
    obsDim: 0,
    nActions: 16,
    obs: new Float32Array(0),
    actions,
    logpOld: new Float32Array(n),
    entropy,
    rewards: new Float32Array(n),
    values: null,
    seqId,
    seqs: out,
    finishedEpisodes: [],
    envSteps: n,
  };
}

/** One advantage per sequence, broadcast to its steps. */
export function perStep(batch: Batch, perSeq: number[]): Float32Array {
  const out = new Float32Array(batch.n);
  batch.seqs.forEach((s, i) => out.fill(perSeq[i], s.start, s.start + s.length));
  return out;
}

export const CTX = { progress: 0, random: () => 0.5 };
