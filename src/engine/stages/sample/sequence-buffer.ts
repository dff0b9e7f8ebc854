import type { Batch, Sequence } from '../../core/batch';

/** Steps of one sequence while it is being sampled; assembled into a Batch at the end. */
export class SequenceBuffer {
  obs: number[] = [];
  actions: number[] = [];
  logp: number[] = [];
  entropy: number[] = [];
  rewards: number[] = [];
  values: number[] = [];
  terminated = false;
  truncated = false;
  bootstrapValue = 0;

  constructor(readonly group: number) {}

  get length(): number {
    return this.actions.length;
  }
}

export function assembleBatch(
  buffers: SequenceBuffer[],
  obsDim: number,
  nActions: number,
  hasValues: boolean,
  finishedEpisodes: { ret: number; len: number }[],
  envSteps: number,
): Batch {
  const kept = buffers.filter((b) => b.length > 0);
  const n = kept.reduce((s, b) => s + b.length, 0);
  const obs = new Float32Array(n * obsDim);
  const actions = new Int32Array(n);
  const logpOld = new Float32Array(n);
  const entropy = new Float32Array(n);
  const rewards = new Float32Array(n);
  const values = hasValues ? new Float32Array(n) : null;
  const seqId = new Int32Array(n);
  const seqs: Sequence[] = [];
  let at = 0;
  kept.forEach((b, s) => {
    obs.set(b.obs, at * obsDim);
    actions.set(b.actions, at);
    logpOld.set(b.logp, at);
    entropy.set(b.entropy, at);
    rewards.set(b.rewards, at);
    if (values) values.set(b.values, at);
    seqId.fill(s, at, at + b.length);
    seqs.push({
      start: at,
      length: b.length,
      group: b.group,
      reward: b.rewards.reduce((x, y) => x + y, 0),
      terminated: b.terminated,
      truncated: b.truncated,
      bootstrapValue: b.bootstrapValue,
    });
    at += b.length;
  });
  return { n, obsDim, nActions, obs, actions, logpOld, entropy, rewards, values, seqId, seqs, finishedEpisodes, envSteps };
}
