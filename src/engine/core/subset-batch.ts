import type { Batch, Sequence } from './batch';

/** A batch holding only the given sequences (in the given order), steps re-packed. */
export function subsetBatch(batch: Batch, seqIndices: number[]): Batch {
  const d = batch.obsDim;
  const n = seqIndices.reduce((s, i) => s + batch.seqs[i].length, 0);
  const out: Batch = {
    ...batch,
    n,
    obs: new Float32Array(n * d),
    actions: new Int32Array(n),
    logpOld: new Float32Array(n),
    entropy: new Float32Array(n),
    rewards: new Float32Array(n),
    values: batch.values ? new Float32Array(n) : null,
    seqId: new Int32Array(n),
    seqs: [],
    lossMask: batch.lossMask ? new Float32Array(n) : undefined,
    forced: batch.forced ? new Uint8Array(n) : undefined,
    refLogp: batch.refLogp ? new Float32Array(n) : undefined,
  };
  if (!out.refLogp) delete out.refLogp;
  if (!out.lossMask) delete out.lossMask;
  if (!out.forced) delete out.forced;
  if (batch.lm) {
    const lm = batch.lm;
    const completions = new Int32Array(seqIndices.length * lm.steps);
    seqIndices.forEach((si, k) => completions.set(lm.completions.subarray(si * lm.steps, (si + 1) * lm.steps), k * lm.steps));
    out.lm = {
      prompts: seqIndices.map((si) => lm.prompts[si]),
      completions,
      steps: lm.steps,
      exampleIds: seqIndices.map((si) => lm.exampleIds[si]),
      ...(lm.references ? { references: seqIndices.map((si) => lm.references![si]) } : {}),
    };
  }
  let at = 0;
  seqIndices.forEach((si, k) => {
    const s = batch.seqs[si];
    const [a, b] = [s.start, s.start + s.length];
    out.obs.set(batch.obs.subarray(a * d, b * d), at * d);
    out.actions.set(batch.actions.subarray(a, b), at);
    out.logpOld.set(batch.logpOld.subarray(a, b), at);
    out.entropy.set(batch.entropy.subarray(a, b), at);
    out.rewards.set(batch.rewards.subarray(a, b), at);
    if (out.values && batch.values) out.values.set(batch.values.subarray(a, b), at);
    if (out.lossMask && batch.lossMask) out.lossMask.set(batch.lossMask.subarray(a, b), at);
    if (out.forced && batch.forced) out.forced.set(batch.forced.subarray(a, b), at);
    if (out.refLogp && batch.refLogp) out.refLogp.set(batch.refLogp.subarray(a, b), at);
    out.seqId.fill(k, at, at + s.length);
    const seq: Sequence = { ...s, start: at };
    out.seqs.push(seq);
    at += s.length;
  });
  return out;
}
