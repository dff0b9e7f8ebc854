import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule } from '../../registry/module';
import type { Batch, Sequence } from '../../core/batch';
import { sampleWithKvCache } from '../../policy/transformer/kv-sampler';
import { EOS, PAD } from '../../tasks/language/vocab';
import { languageContext, type Sampler } from './sampler';
import type { LanguageExample } from '../../tasks/language/language-task';

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
  create: (p): Sampler => ({
    grouped: true,
    async collect(ctx): Promise<Batch> {
      const { task, policy, rng } = languageContext(ctx);
      const S = task.maxCompletionLength;
      const G = p.groupSize;
      const kept: DrawnGroup[] = [];
      let sampledTokens = 0;
      let rounds = 0;
      // DAPO dynamic sampling: keep drawing rounds of Q prompts until Q groups carry signal.
      while (rounds < (p.dynamicSampling ? p.maxRounds : 1)) {
        rounds += 1;
        const examples = Array.from({ length: p.prompts }, () => task.sample(rng));
        const prompts = examples.flatMap((ex) => Array.from({ length: G }, () => ex.prompt));
        const out = await sampleWithKvCache(policy.model, prompts, S, p, rng, { eos: EOS, pad: PAD });
        sampledTokens += out.lengths.reduce((a, b) => a + b, 0);
        examples.forEach((ex, q) => {
          const rows = Array.from({ length: G }, (_, g) => q * G + g);
          const rewards = rows.map((r) => task.reward(ex, Array.from(out.tokens.subarray(r * S, r * S + out.lengths[r]))));
          if (p.dynamicSampling && Math.max(...rewards) === Math.min(...rewards)) return;
          kept.push({ example: ex, rewards, rows: rows.map((r) => ({ tokens: out.tokens.subarray(r * S, (r + 1) * S), logp: out.logp.subarray(r * S, (r + 1) * S), entropy: out.entropy.subarray(r * S, (r + 1) * S), length: out.lengths[r] })) });
        });
        if (kept.length >= p.prompts) break;
      }
      return assembleLanguageBatch(kept.slice(0, p.prompts), S, policy.model.vocabSize, sampledTokens, rounds);
    },
  }),
});

interface DrawnGroup {
  example: LanguageExample;
  rewards: number[];
  rows: { tokens: Int32Array; logp: Float32Array; entropy: Float32Array; length: number }[];
}

function assembleLanguageBatch(groups: DrawnGroup[], S: number, vocab: number, sampledTokens: number, rounds: number): Batch {
  const rows = groups.flatMap((g, gi) => g.rows.map((row, i) => ({ ...row, group: gi, reward: g.rewards[i], example: g.example })));
  const n = rows.reduce((a, r) => a + r.length, 0);
  const actions = new Int32Array(n);
  const logpOld = new Float32Array(n);
  const entropy = new Float32Array(n);
  const rewards = new Float32Array(n);
  const seqId = new Int32Array(n);
  const completions = new Int32Array(rows.length * S);
  const seqs: Sequence[] = [];
  let at = 0;
  rows.forEach((row, r) => {
    const len = row.length;
    actions.set(row.tokens.subarray(0, len), at);
    logpOld.set(row.logp.subarray(0, len), at);
    entropy.set(row.entropy.subarray(0, len), at);
    completions.set(row.tokens, r * S);
    seqId.fill(r, at, at + len);
    rewards[at + len - 1] = row.reward; // outcome reward on the last token
    const ended = row.tokens[len - 1] === EOS;
    seqs.push({ start: at, length: len, group: row.group, reward: row.reward, terminated: ended, truncated: !ended, bootstrapValue: 0 });
    at += len;
  });
  return {
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
    lm: { prompts: rows.map((r) => r.example.prompt), completions, steps: S, exampleIds: rows.map((r) => r.example.id) },
  };
}
