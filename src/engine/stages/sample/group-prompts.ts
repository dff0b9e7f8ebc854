import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule } from '../../registry/module';
import type { Batch, Sequence } from '../../core/batch';
import { sampleWithKvCache, type KvSampleOptions } from '../../policy/transformer/kv-sampler';
import type { SamplingParams } from '../../policy/transformer/sampling-filters';
import { EOS, PAD, encode } from '../../tasks/language/vocab';
import { languageContext, type Sampler } from './sampler';
import type { LanguageExample, LanguageTaskSpec } from '../../tasks/language/language-task';
import type { LanguagePolicy } from '../../policy/language-policy';
import type { Rng } from '../../core/rng';

export const SamplingSchema = {
  temperature: z.number().gt(0).max(10).default(1).describe('Softmax temperature (TRL temperature)'),
  topK: z.number().int().min(0).max(1000).default(0).describe('Keep the k most likely tokens (0 = off; TRL top_k)'),
  topP: z.number().gt(0).max(1).default(1).describe('Nucleus: keep the smallest set reaching mass p (1 = off; TRL top_p)'),
  minP: z.number().min(0).max(1).default(0).describe('Keep tokens with p ≥ min_p · p_max (0 = off; TRL min_p)'),
};

/**
 * GRPO's sampling on a language task: Q prompts, G completions each, drawn with a KV cache that
 * stays on the device until the whole batch is drawn.
 */
export const groupPromptsSampler = defineModule({
  id: 'group-prompts',
  stage: 'sample',
  label: 'Groups of completions',
  explain: 'Each update draws Q prompts and samples G completions of each (temperature, top-k, top-p, min-p).',
  formula: '\\{o_1..o_G\\} \\sim \\pi_{\\theta_{old}}(\\cdot\\mid q)',
  paper: PAPERS.grpo,
  schema: z.object({
    prompts: z.number().int().min(1).max(256).default(16).describe('Q: prompts per update'),
    groupSize: z.number().int().min(1).max(64).default(8).describe('G: completions per prompt (TRL num_generations)'),
    ...SamplingSchema,
    dynamicSampling: z
      .boolean()
      .default(false)
      .describe('DAPO: drop groups whose rewards are all equal and draw more prompts until Q groups remain'),
    maxRounds: z.number().int().min(1).max(50).default(10).describe('Dynamic sampling: most rounds of Q prompts per update (verl max_num_gen_batches)'),
  }),
  create: (p): Sampler => makeGroupPromptsSampler(p),
});

export type GroupPromptsParams = z.output<typeof groupPromptsSampler.schema>;

/**
 * Chooses the prompts of each round and how many completions each gets, and sees every drawn
 * group's rewards: the hook for prioritised and budgeted sampling (SPO, VAS, Knapsack, curricula).
 * Without one, a round is Q fresh prompts from the task with G completions each.
 */
export interface PromptPicker {
  pick(task: LanguageTaskSpec, rng: Rng, prompts: number, groupSize: number): { examples: LanguageExample[]; groupSizes: number[] };
  observe?(groups: { example: LanguageExample; rewards: number[] }[]): void;
  /** Numbers for the run's charts, read after every update. */
  metrics?(): Record<string, number>;
}

/** GRPO's group sampler, with an optional picker; DAPO's dynamic sampling applies either way. */
export function makeGroupPromptsSampler(p: GroupPromptsParams, picker?: PromptPicker): Sampler & { metrics?: () => Record<string, number> } {
  return {
    grouped: true,
    kind: 'language',
    ...(picker?.metrics ? { metrics: () => picker.metrics!() } : {}),
    async collect(ctx): Promise<Batch> {
      const { task, policy, rng } = languageContext(ctx);
      const { groups, sampledTokens, rounds } = await collectRounds(p, async () => {
        const { examples, groupSizes } = picker
          ? picker.pick(task, rng, p.prompts, p.groupSize)
          : { examples: Array.from({ length: p.prompts }, () => task.sample(rng)), groupSizes: new Array<number>(p.prompts).fill(p.groupSize) };
        const drawn = await drawGroups(task, policy, examples, groupSizes, p, rng);
        picker?.observe?.(drawn.groups);
        return drawn;
      });
      return assembleLanguageBatch(groups, task.maxCompletionLength, policy.model.vocabSize, sampledTokens, rounds);
    },
  };
}

/**
 * Rounds of Q groups from `drawRound`: one round, or with DAPO's dynamic sampling as many as it
 * takes (up to maxRounds) for Q groups whose rewards are not all equal. Returns the first Q kept.
 */
export async function collectRounds<G extends { rewards: number[] }>(
  p: Pick<GroupPromptsParams, 'prompts' | 'dynamicSampling' | 'maxRounds'>,
  drawRound: () => Promise<{ groups: G[]; sampledTokens: number }>,
): Promise<{ groups: G[]; sampledTokens: number; rounds: number }> {
  const kept: G[] = [];
  let sampledTokens = 0;
  let rounds = 0;
  while (rounds < (p.dynamicSampling ? p.maxRounds : 1)) {
    rounds += 1;
    const drawn = await drawRound();
    sampledTokens += drawn.sampledTokens;
    for (const g of drawn.groups) {
      if (p.dynamicSampling && Math.max(...g.rewards) === Math.min(...g.rewards)) continue;
      kept.push(g);
    }
    if (kept.length >= p.prompts) break;
  }
  return { groups: kept.slice(0, p.prompts), sampledTokens, rounds };
}

/** One sampled (or forced) completion of a group. */
export interface DrawnRow {
  tokens: Int32Array;
  logp: Float32Array;
  entropy: Float32Array;
  length: number;
  /** 1 per step where the token was forced (hint, demonstration, tool output). */
  forced?: Uint8Array;
  /** Per-step loss mask (0 = no gradient). */
  lossMask?: Float32Array;
  /** An advantage fixed by the sampler for every step of this row (see Sequence.advantage). */
  advantage?: number;
}

export interface DrawnGroup {
  example: LanguageExample;
  rewards: number[];
  rows: DrawnRow[];
  /** Prompt tokens when they differ from the example's (auxiliary prompts, one-token rollouts). */
  prompt?: number[];
}

/**
 * groupSizes[q] completions of examples[q] in one KV-cached pass; `forced` (rows × S, −1 free)
 * fixes tokens of some rows, row order being example by example.
 */
export async function drawGroups(
  task: LanguageTaskSpec,
  policy: LanguagePolicy,
  examples: LanguageExample[],
  groupSizes: number[],
  sampling: SamplingParams,
  rng: Rng,
  opts: KvSampleOptions = {},
): Promise<{ groups: DrawnGroup[]; sampledTokens: number }> {
  const S = task.maxCompletionLength;
  const prompts = examples.flatMap((ex, q) => Array.from({ length: groupSizes[q] }, () => ex.prompt));
  if (prompts.length === 0) return { groups: [], sampledTokens: 0 };
  const out = await sampleWithKvCache(policy.model, prompts, S, sampling, rng, { eos: EOS, pad: PAD }, opts);
  let row = 0;
  let sampledTokens = 0;
  const groups = examples.map((ex, q) => {
    const rows: DrawnRow[] = [];
    for (let g = 0; g < groupSizes[q]; g++, row++) {
      const r = row;
      const length = out.lengths[r];
      sampledTokens += length;
      const forcedRow = opts.forced?.subarray(r * S, (r + 1) * S);
      rows.push({
        tokens: out.tokens.subarray(r * S, (r + 1) * S),
        logp: out.logp.subarray(r * S, (r + 1) * S),
        entropy: out.entropy.subarray(r * S, (r + 1) * S),
        length,
        ...(forcedRow ? { forced: Uint8Array.from(forcedRow, (t) => (t >= 0 ? 1 : 0)) } : {}),
      });
    }
    const rewards = rows.map((r) => task.reward(ex, Array.from(r.tokens.subarray(0, r.length))));
    return { example: ex, rewards, rows };
  });
  return { groups, sampledTokens };
}

/** Packs drawn groups into a Batch: outcome reward on each sequence's last step. */
export function assembleLanguageBatch(groups: DrawnGroup[], S: number, vocab: number, sampledTokens: number, rounds: number): Batch {
  const rows = groups.flatMap((g, gi) => g.rows.map((row, i) => ({ ...row, group: gi, reward: g.rewards[i], example: g.example, prompt: g.prompt ?? g.example.prompt })));
  const n = rows.reduce((a, r) => a + r.length, 0);
  const actions = new Int32Array(n);
  const logpOld = new Float32Array(n);
  const entropy = new Float32Array(n);
  const rewards = new Float32Array(n);
  const seqId = new Int32Array(n);
  const completions = new Int32Array(rows.length * S);
  const anyForced = rows.some((r) => r.forced);
  const anyMask = rows.some((r) => r.lossMask);
  const forced = anyForced ? new Uint8Array(n) : undefined;
  const lossMask = anyMask ? new Float32Array(n).fill(1) : undefined;
  const seqs: Sequence[] = [];
  let at = 0;
  rows.forEach((row, r) => {
    const len = row.length;
    actions.set(row.tokens.subarray(0, len), at);
    logpOld.set(row.logp.subarray(0, len), at);
    entropy.set(row.entropy.subarray(0, len), at);
    completions.set(row.tokens.subarray(0, S), r * S);
    seqId.fill(r, at, at + len);
    if (forced && row.forced) forced.set(row.forced.subarray(0, len), at);
    if (lossMask && row.lossMask) lossMask.set(row.lossMask.subarray(0, len), at);
    rewards[at + len - 1] = row.reward; // outcome reward on the last token
    const ended = row.tokens[len - 1] === EOS;
    const seq: Sequence = { start: at, length: len, group: row.group, reward: row.reward, terminated: ended, truncated: !ended, bootstrapValue: 0 };
    if (row.advantage !== undefined) seq.advantage = row.advantage;
    seqs.push(seq);
    at += len;
  });
  const batch: Batch = {
    n,
    obsDim: 0,
    nActions: vocab,
    obs: new Float32Array(0),
    actions,
    logpOld,
    entropy,
    rewards,
    values: null,
    seqId,
    seqs,
    finishedEpisodes: seqs.map((s) => ({ ret: s.reward, len: s.length })),
    envSteps: sampledTokens,
    genRounds: rounds,
    lm: {
      prompts: rows.map((r) => r.prompt),
      completions,
      steps: S,
      exampleIds: rows.map((r) => r.example.id),
      references: rows.map((r) => encode(r.example.answerText)),
    },
  };
  if (forced) batch.forced = forced;
  if (lossMask) batch.lossMask = lossMask;
  return batch;
}
