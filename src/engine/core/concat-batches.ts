import type { Batch, Sequence } from './batch';

/**
 * One batch holding every sequence of the given batches, in order (replayed with fresh data,
 * auxiliary groups with task groups). Group ids are renumbered so that groups of different
 * batches never merge; lossMask and forced are filled with 1 and 0 where a batch lacks them.
 */
export function concatBatches(batches: Batch[]): Batch {
  if (batches.length === 0) throw new Error('concatBatches: no batches');
  if (batches.length === 1) return batches[0];
  const first = batches[0];
  const d = first.obsDim;
  for (const b of batches) {
    if (b.obsDim !== d || b.nActions !== first.nActions) throw new Error('concatBatches: batches of different shapes');
    if (!!b.lm !== !!first.lm || (b.lm && b.lm.steps !== first.lm!.steps)) throw new Error('concatBatches: language and control batches, or different completion lengths');
    if (!!b.values !== !!first.values) throw new Error('concatBatches: only some batches have critic values');
  }
  const n = batches.reduce((a, b) => a + b.n, 0);
  const anyMask = batches.some((b) => b.lossMask);
  const anyForced = batches.some((b) => b.forced);
  const anyRef = batches.some((b) => b.refLogp);
  const out: Batch = {
    n,
    obsDim: d,
    nActions: first.nActions,
    obs: new Float32Array(n * d),
    actions: new Int32Array(n),
    logpOld: new Float32Array(n),
    entropy: new Float32Array(n),
    rewards: new Float32Array(n),
    values: first.values ? new Float32Array(n) : null,
    seqId: new Int32Array(n),
    seqs: [],
    finishedEpisodes: batches.flatMap((b) => b.finishedEpisodes),
    envSteps: batches.reduce((a, b) => a + b.envSteps, 0),
  };
  if (anyMask) out.lossMask = new Float32Array(n).fill(1);
  if (anyForced) out.forced = new Uint8Array(n);
  if (anyRef) out.refLogp = new Float32Array(n);
  const rounds = batches.map((b) => b.genRounds).filter((r): r is number => r !== undefined);
  if (rounds.length) out.genRounds = rounds.reduce((a, b) => a + b, 0);
  let at = 0;
  let seqBase = 0;
  let groupBase = 0;
  for (const b of batches) {
    out.obs.set(b.obs, at * d);
    out.actions.set(b.actions, at);
    out.logpOld.set(b.logpOld, at);
    out.entropy.set(b.entropy, at);
    out.rewards.set(b.rewards, at);
    if (out.values && b.values) out.values.set(b.values, at);
    if (out.lossMask && b.lossMask) out.lossMask.set(b.lossMask, at);
    if (out.forced && b.forced) out.forced.set(b.forced, at);
    if (out.refLogp && b.refLogp) out.refLogp.set(b.refLogp, at);
    for (let i = 0; i < b.n; i++) out.seqId[at + i] = b.seqId[i] + seqBase;
    let maxGroup = -1;
    for (const s of b.seqs) {
      const seq: Sequence = { ...s, start: s.start + at, group: s.group < 0 ? -1 : s.group + groupBase };
      out.seqs.push(seq);
      maxGroup = Math.max(maxGroup, s.group);
    }
    at += b.n;
    seqBase += b.seqs.length;
    groupBase += maxGroup + 1;
  }
  if (first.lm) {
    const steps = first.lm.steps;
    const completions = new Int32Array(out.seqs.length * steps);
    let row = 0;
    for (const b of batches) {
      completions.set(b.lm!.completions, row * steps);
      row += b.seqs.length;
    }
    const allRefs = batches.every((b) => b.lm!.references);
    out.lm = {
      prompts: batches.flatMap((b) => b.lm!.prompts),
      completions,
      steps,
      exampleIds: batches.flatMap((b) => b.lm!.exampleIds),
      ...(allRefs ? { references: batches.flatMap((b) => b.lm!.references!) } : {}),
    };
  }
  return out;
}
