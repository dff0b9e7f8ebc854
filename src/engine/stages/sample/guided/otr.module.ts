import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { sampleWithKvCache } from '../../../policy/transformer/kv-sampler';
import { EOS, PAD } from '../../../tasks/language/vocab';
import { SamplingSchema, assembleLanguageBatch } from '../group-prompts';
import { languageContext, type Sampler } from '../sampler';
import { otrGroups, otrHitFrac, otrPositions } from './otr-positions';
import { GUIDED_PAPERS } from './papers';

const schema = z.object({
  prompts: z.number().int().min(1).max(256).default(8).describe('Q: demonstrations per update (lab choice; the paper trains on an SFT dataset)'),
  candidates: z.number().int().min(1).max(64).default(8).describe('K: candidate next tokens sampled at every position (lab default 8; not stated in what was read)'),
  beta: z.number().min(0).max(10).default(0.1).describe('β: reward −β of a candidate that misses y*_t (lab default 0.1; [inferred])'),
  includeTruth: z
    .boolean()
    .default(false)
    .describe('Always include the ground truth: the first candidate at each position is y*_t itself, which makes the term SFT plus a negative one (lab option)'),
  ...SamplingSchema,
});

export type OtrParams = z.output<typeof schema>;

/**
 * One-Token Rollout (algorithms-llm.md §23): every position t of Q demonstrations becomes a group
 * of K one-token rollouts from s_t = (x, y*_<t), each with the fixed advantage ρ = +1 on y*_t and
 * −β elsewhere, so a plain policy-gradient step on them is
 * ∇J_t = (1/K) Σ_k ρ(a_k) ∇log π(a_k|s_t).
 */
export function makeOtrSampler(p: OtrParams): Sampler & { metrics(): Record<string, number> } {
  let hitFrac = 0;
  return {
    grouped: true,
    async collect(ctx) {
      const { task, policy, rng } = languageContext(ctx);
      const examples = Array.from({ length: p.prompts }, () => task.sample(rng));
      const positions = otrPositions(examples, examples.map((ex) => task.demonstration(ex, rng, 0)));
      const K = p.candidates;
      const prompts = positions.flatMap((pos) => Array.from({ length: K }, () => pos.prompt));
      let forced: Int32Array | undefined;
      if (p.includeTruth) {
        forced = new Int32Array(prompts.length).fill(-1);
        positions.forEach((pos, i) => (forced![i * K] = pos.truth));
      }
      const sampled = await sampleWithKvCache(policy.model, prompts, 1, p, rng, { eos: EOS, pad: PAD }, forced ? { forced } : {});
      const groups = otrGroups(positions, sampled, K, p.beta, forced);
      hitFrac = otrHitFrac(groups);
      // Completions are one token long: the batch's completion width is 1.
      return assembleLanguageBatch(groups, 1, policy.model.vocabSize, prompts.length, 1);
    },
    metrics: () => ({ 'otr/hit_frac': hitFrac }),
  };
}

export const otrSampler = defineModule({
  id: 'otr',
  stage: 'sample',
  label: 'OTR one-token rollouts',
  explain:
    'Approximation of OTR: at every position of a demonstration, K next tokens are sampled from the policy; a match with the demonstration earns +1, a miss −β, each a one-step REINFORCE sample (use vanilla-pg, token-mean).',
  formula:
    'a_{1..K} \\sim \\pi_\\theta(\\cdot \\mid x, y^*_{<t}),\\; \\rho(a) = \\begin{cases} 1 & a = y^*_t \\\\ -\\beta & \\text{otherwise} \\end{cases},\\; \\mathcal{L}_t = -\\frac{1}{K}\\sum_k \\rho(a_k) \\log \\pi_\\theta(a_k \\mid x, y^*_{<t})',
  paper: GUIDED_PAPERS.otr,
  schema,
  create: (p: OtrParams): Sampler => makeOtrSampler(p),
});
