import type { Batch, Sequence } from '../../../core/batch';

export interface SeqSpec {
  reward: number;
  group: number;
  /** Steps of the sequence (default 1). */
  length?: number;
  /** log π_old of every step of the sequence (default 0). */
  logp?: number;
  /** Language: the task example it answers. */
  exampleId?: string;
  /** Language: its completion tokens (default: one token per step, all 0). */
  tokens?: number[];
  /** Control: the observation at its first step (obsDim 1 when given). */
  startObs?: number[];
}

/** A hand-made batch for the unit tests of this family: sequences packed in order. */
export function makeBatch(specs: SeqSpec[]): Batch {
  const lengths = specs.map((s) => s.length ?? 1);
  const n = lengths.reduce((a, b) => a + b, 0);
  const obsDim = specs[0]?.startObs?.length ?? 0;
  const language = specs.some((s) => s.exampleId !== undefined || s.tokens !== undefined);
  const steps = Math.max(1, ...lengths);
  const seqs: Sequence[] = [];
  const logpOld = new Float32Array(n);
  const rewards = new Float32Array(n);
  const seqId = new Int32Array(n);
  const obs = new Float32Array(n * obsDim);
  const completions = new Int32Array(specs.length * steps);
  let at = 0;
  specs.forEach((s, i) => {
    const len = lengths[i];
    logpOld.fill(s.logp ?? 0, at, at + len);
    seqId.fill(i, at, at + len);
    rewards[at + len - 1] = s.reward;
    if (s.startObs) obs.set(s.startObs, at * obsDim);
    if (s.tokens) completions.set(s.tokens, i * steps);
    seqs.push({ start: at, length: len, group: s.group, reward: s.reward, terminated: true, truncated: false, bootstrapValue: 0 });
    at += len;
  });
  return {
    n,
    obsDim,
    nActions: 2,
    obs,
    actions: new Int32Array(n),
    logpOld,
    entropy: new Float32Array(n),
    rewards,
    values: null,
    seqId,
    seqs,
    finishedEpisodes: [],
    envSteps: n,
    ...(language
      ? { lm: { prompts: specs.map(() => [0]), completions, steps, exampleIds: specs.map((s) => s.exampleId ?? `g${s.group}`) } }
      : {}),
  };
}

/** One group per reward list, sequences of one step, in order. */
export function groupsBatch(groups: number[][], extra: (g: number, i: number) => Partial<SeqSpec> = () => ({})): Batch {
  return makeBatch(groups.flatMap((rs, g) => rs.map((reward, i) => ({ reward, group: g, ...extra(g, i) }))));
}

/** The advantage of the first step of each sequence. */
export function perSequence(batch: Batch, adv: Float32Array): number[] {
  return batch.seqs.map((s) => adv[s.start]);
}

export const close = (got: ArrayLike<number>, want: number[], digits = 4) => {
  if (got.length !== want.length) throw new Error(`length ${got.length} ≠ ${want.length}`);
  for (let i = 0; i < want.length; i++) {
    if (!(Math.abs(got[i] - want[i]) < 0.5 * 10 ** -digits)) throw new Error(`at ${i}: got ${got[i]}, want ${want[i]}`);
  }
};
