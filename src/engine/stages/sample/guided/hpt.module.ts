import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { successThresholdParam } from '../../advantage/variants/outcome';
import { assembleLanguageBatch, drawGroups, groupPromptsSampler } from '../group-prompts';
import { languageContext, type Sampler } from '../sampler';
import { drawDemonstrations } from './demonstration-rows';
import { hptGroups, routesToSft } from './hpt-routing';
import { GUIDED_PAPERS } from './papers';

// Dynamic sampling would drop the all-wrong groups that HPT routes to SFT, so it is not offered.
const schema = groupPromptsSampler.schema.omit({ dynamicSampling: true, maxRounds: true }).extend({
  gate: z
    .number()
    .int()
    .min(0)
    .max(64)
    .default(0)
    .describe('γ: a prompt with at most γ correct rollouts is trained on its demonstration instead (HPT switch_gate 0)'),
  sftAdvantage: z
    .number()
    .min(0)
    .max(10)
    .default(1)
    .describe('c_SFT: the fixed advantage of a demonstration, i.e. the SFT weight (HPT 1.0; 0.3 for Qwen2.5-Math-1.5B)'),
  successThreshold: successThresholdParam,
});

export type HptParams = z.output<typeof schema>;

/**
 * HPT's per-prompt switch (algorithms-llm.md §22): after G rollouts per prompt, prompts the
 * policy cannot solve (P ≤ γ) swap their rollouts for one demonstration sequence with A = c_SFT,
 * the UPGE view of SFT (REINFORCE on y* with ratio 1); the others stay GRPO groups.
 * HPT's code takes the SFT loss as its own token mean; here the demonstration shares the batch's
 * aggregation (Σ_t / L_max under the constant normaliser), which scales it by |y*| / L_max.
 */
export function makeHptSampler(p: HptParams): Sampler & { metrics(): Record<string, number> } {
  let stats = { prompts: 0, sft: 0, rolloutReward: 0 };
  return {
    grouped: true,
    async collect(ctx) {
      const { task, policy, rng } = languageContext(ctx);
      const examples = Array.from({ length: p.prompts }, () => task.sample(rng));
      const drawn = await drawGroups(task, policy, examples, new Array<number>(p.prompts).fill(p.groupSize), p, rng);
      const sft = drawn.groups.map((g) => routesToSft(g.rewards, p.gate, p.successThreshold));
      const nSft = sft.filter(Boolean).length;
      const demos = await drawDemonstrations(task, policy, examples.filter((_, i) => sft[i]), p, rng, p.sftAdvantage);
      const all = drawn.groups.flatMap((g) => g.rewards);
      stats = { prompts: examples.length, sft: nSft, rolloutReward: all.reduce((a, b) => a + b, 0) / Math.max(all.length, 1) };
      const groups = hptGroups(drawn.groups, sft, demos.rows, demos.rewards);
      return assembleLanguageBatch(groups, task.maxCompletionLength, policy.model.vocabSize, drawn.sampledTokens + demos.tokens, 1);
    },
    metrics: () => ({
      'hpt/sft_frac': stats.prompts ? stats.sft / stats.prompts : 0,
      // reward/mean counts the demonstrations (reward 1); this is the rollouts' own success.
      'hpt/rollout_reward_mean': stats.rolloutReward,
    }),
  };
}

export const hptSampler = defineModule({
  id: 'hpt',
  stage: 'sample',
  label: 'HPT: SFT or RL per prompt',
  explain:
    'Prompts with at most γ correct rollouts train on their demonstration (one forced sequence with A = c_SFT) instead of their rollouts; HPT pairs this with vanilla-pg (no clip) and seq-mean-token-sum-norm (a batch mixing demonstrations and groups scores with the plain forward).',
  formula:
    '\\mathcal{L} = \\sum_q \\big[\\mathbb{1}[P_q > \\gamma]\\,\\mathcal{L}_{RL}(o_{q,1..G}) + \\mathbb{1}[P_q \\le \\gamma]\\, c_{SFT}\\,\\mathcal{L}_{SFT}(y^*_q)\\big],\\; \\nabla \\mathcal{L}_{SFT} = -\\sum_t \\nabla \\log \\pi_\\theta(y^*_t \\mid q, y^*_{<t})',
  paper: GUIDED_PAPERS.hpt,
  schema,
  create: (p: HptParams): Sampler => makeHptSampler(p),
});
