import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { successThresholdParam } from '../../advantage/variants/outcome';
import { assembleLanguageBatch, drawGroups, groupPromptsSampler, type DrawnGroup } from '../group-prompts';
import { languageContext, type Sampler } from '../sampler';
import { hintForcing, referenceTrace, sortedEtas } from './hint-prefix';
import { isAllWrong, rescueGroup } from './igpo-rescue';
import { GUIDED_PAPERS } from './papers';

// Dynamic sampling would drop the all-wrong groups IGPO exists to rescue, so it is not offered.
const schema = groupPromptsSampler.schema.omit({ dynamicSampling: true, maxRounds: true }).extend({
  etaLow: z.number().min(0).max(1).default(0.2).describe('η_low: smallest share of the reference answer revealed as a hint (IGPO inpaint_chunk_ratio_low 0.2)'),
  etaHigh: z.number().min(0).max(1).default(0.6).describe('η_high: largest share revealed (IGPO inpaint_chunk_high_initial_ratio 0.6)'),
  maxReplacements: z.number().int().min(0).max(64).default(4).describe('n_max: most originals of a group replaced by correct hinted responses (IGPO max_replacement 4 with G = 8; at n_max ≥ G a rescued group can turn all correct, zero advantage again)'),
  maxResamples: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(0)
    .describe('Extra hinted draws for groups where no hinted response was correct (trainer_igpo.py hard-codes 0)'),
  successThreshold: successThresholdParam,
});

export type IgpoHintsParams = z.output<typeof schema>;

/** What the last batch's rescue did, for the run's charts. */
interface IgpoStats {
  groups: number;
  allWrong: number;
  rescued: number;
  etas: number[];
  hintTokens: number;
}

/**
 * IGPO on an autoregressive policy (algorithms-llm.md §20): GRPO groups; each all-wrong group gets
 * G hinted responses whose first ⌈η·|y*|⌉ tokens are forced from the reference answer, and the
 * correct ones replace up to n_max of its originals, so the group has reward variance again.
 */
export function makeIgpoSampler(p: IgpoHintsParams): Sampler & { metrics(): Record<string, number> } {
  let stats: IgpoStats = { groups: 0, allWrong: 0, rescued: 0, etas: [], hintTokens: 0 };
  return {
    grouped: true,
    async collect(ctx) {
      const { task, policy, rng } = languageContext(ctx);
      const S = task.maxCompletionLength;
      const G = p.groupSize;
      const examples = Array.from({ length: p.prompts }, () => task.sample(rng));
      const drawn = await drawGroups(task, policy, examples, new Array<number>(p.prompts).fill(G), p, rng);
      let sampledTokens = drawn.sampledTokens;
      const groups: DrawnGroup[] = drawn.groups.slice();
      let pending = groups.flatMap((g, i) => (isAllWrong(g, p.successThreshold) ? [i] : []));
      const traces = new Map(pending.map((i) => [i, referenceTrace(task, groups[i].example, rng)]));
      const next: IgpoStats = { groups: groups.length, allWrong: pending.length, rescued: 0, etas: [], hintTokens: 0 };
      for (let attempt = 0; attempt <= p.maxResamples && pending.length > 0; attempt++) {
        const etas = pending.map(() => sortedEtas(rng, G, p.etaLow, p.etaHigh));
        const forced = hintForcing(pending.map((i) => traces.get(i)!), etas, S);
        const hinted = await drawGroups(task, policy, pending.map((i) => groups[i].example), pending.map(() => G), p, rng, { forced });
        sampledTokens += hinted.sampledTokens;
        pending = pending.filter((gi, k) => {
          const r = rescueGroup(groups[gi], hinted.groups[k], etas[k], p.maxReplacements, p.successThreshold, rng);
          if (!r) return true;
          groups[gi] = r.group;
          next.rescued += 1;
          next.etas.push(...r.etas);
          next.hintTokens += r.hintTokens;
          return false;
        });
      }
      stats = next;
      return assembleLanguageBatch(groups, S, policy.model.vocabSize, sampledTokens, 1);
    },
    metrics() {
      const out: Record<string, number> = {
        'igpo/all_wrong_frac': stats.groups ? stats.allWrong / stats.groups : 0,
        'igpo/hint_tokens': stats.hintTokens,
      };
      // Only defined when there was something to rescue / something swapped in.
      if (stats.allWrong > 0) out['igpo/rescued_frac'] = stats.rescued / stats.allWrong;
      if (stats.etas.length > 0) out['igpo/mean_eta'] = stats.etas.reduce((a, b) => a + b, 0) / stats.etas.length;
      return out;
    },
  };
}

export const igpoHintsSampler = defineModule({
  id: 'igpo-hints',
  stage: 'sample',
  label: 'IGPO hinted regeneration',
  explain:
    "Approximation of IGPO's inpainting: an all-wrong group is redrawn with the first ⌈η·|y*|⌉ tokens of the reference answer forced as a hint (the AR prefix analogue), and correct hinted responses replace up to n_max of its originals.",
  formula:
    '\\text{if } R_{1..G} = 0:\\; \\tilde o_j \\sim \\pi_{\\theta}(\\cdot \\mid q, y^*_{<\\lceil \\eta_j |y^*| \\rceil}),\\; \\eta_j \\sim U[\\eta_{low}, \\eta_{high}] \\text{ (sorted)},\\; o_{1..k} \\leftarrow \\{\\tilde o_j : R(\\tilde o_j) = 1\\},\\; k \\le n_{max}',
  paper: GUIDED_PAPERS.igpo,
  schema,
  create: (p: IgpoHintsParams): Sampler => makeIgpoSampler(p),
});
