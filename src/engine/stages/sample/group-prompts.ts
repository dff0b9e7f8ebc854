import { z } from 'zod';
import { defineModule } from '../../registry/module';
import type { Batch, Sequence } from '../../core/batch';
import { sampleWithKvCache } from '../../policy/transformer/kv-sampler';
import { EOS, PAD } from '../../tasks/language/vocab';
import { languageContext, type Sampler } from './sampler';

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
  paper: {
    short: 'GRPO',
    title: 'DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models',
    authors: 'Shao et al.',
    year: 2024,
    url: 'https://arxiv.org/abs/2402.03300',
  },
  schema: z.object({
    prompts: z.number().int().min(1).max(256).default(16).describe('Q: prompts per update'),
    groupSize: z.number().int().min(1).max(64).default(8).describe('G: completions per prompt (TRL num_generations)'),
    ...SamplingSchema,
  }),
  create: (p): Sampler => ({
    grouped: true,
    async collect(ctx): Promise<Batch> {
      const { task, policy, rng } = languageContext(ctx);
      const examples = Array.from({ length: p.prompts }, () => task.sample(rng));
      const prompts = examples.flatMap((ex) => Array.from({ length: p.groupSize }, () => ex.prompt));
      const S = task.maxCompletionLength;
      const out = await sampleWithKvCache(policy.model, prompts, S, p, rng, { eos: EOS, pad: PAD });
      const n = out.lengths.reduce((a, b) => a + b, 0);
      const actions = new Int32Array(n);
      const logpOld = new Float32Array(n);
      const entropy = new Float32Array(n);
      const rewards = new Float32Array(n);
      const seqId = new Int32Array(n);
      const seqs: Sequence[] = [];
      let at = 0;
      for (let r = 0; r < out.rows; r++) {
        const len = out.lengths[r];
        const ex = examples[Math.floor(r / p.groupSize)];
        const completion = Array.from(out.tokens.subarray(r * S, r * S + len));
        const reward = task.reward(ex, completion);
        actions.set(out.tokens.subarray(r * S, r * S + len), at);
        logpOld.set(out.logp.subarray(r * S, r * S + len), at);
        entropy.set(out.entropy.subarray(r * S, r * S + len), at);
        seqId.fill(r, at, at + len);
        rewards[at + len - 1] = reward; // outcome reward on the last token
        const ended = completion[len - 1] === EOS;
        seqs.push({ start: at, length: len, group: Math.floor(r / p.groupSize), reward, terminated: ended, truncated: !ended, bootstrapValue: 0 });
        at += len;
      }
      return {
        n,
        obsDim: 0,
        nActions: policy.model.vocabSize,
        obs: new Float32Array(0),
        actions,
        logpOld,
        entropy,
        rewards,
        values: null,
        seqId,
        seqs,
        finishedEpisodes: seqs.map((s) => ({ ret: s.reward, len: s.length })),
        envSteps: n,
        lm: { prompts, completions: out.tokens, steps: S, exampleIds: examples.flatMap((ex) => Array(p.groupSize).fill(ex.id)) },
      };
    },
  }),
});
