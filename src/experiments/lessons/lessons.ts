import type { Lesson } from './lesson';
import { lm } from './lm-run';
import { LESSONS as PAPER_LESSONS } from './families/papers';
import { LESSONS as BUDGET_LESSONS } from './families/budgets';
import { LESSONS as GUIDED_LESSONS } from './families/guided';
import { LESSONS as TOOL_LESSONS } from './families/tools';
import { LESSONS as OFFPOLICY_LESSONS } from './families/offpolicy';
import { LESSONS as CRITIC_LESSONS } from './families/critics';

const entropyCollapse: Lesson = {
  id: 'entropy-collapse',
  title: 'Entropy collapse',
  idea:
    'Policy gradient lowers entropy whenever the actions it already likes also have high advantage: the covariance of log-probability and advantage drives it. Clip-Cov and KL-Cov hold back exactly the few tokens with the largest covariance, so entropy falls more slowly.',
  formula: '\\Delta H \\approx -\\eta\\,\\mathrm{Cov}\\big(\\log\\pi(a|s),\\, A(s,a)\\big)',
  paper: { short: 'Clip-Cov / KL-Cov', title: 'The Entropy Mechanism of Reinforcement Learning for Reasoning Language Models', authors: 'Cui et al.', year: 2025, url: 'https://arxiv.org/abs/2505.22617' },
  watch: 'Policy entropy: GRPO’s falls fastest; cov/logp_adv stays positive while it falls.',
  runs: [
    { label: 'GRPO', config: lm('reverse', {}) },
    { label: 'Clip-Cov', config: lm('reverse', { surrogate: { id: 'clip-cov', params: { clipCovRatio: 0.05, clipRatioLow: 0.2, clipRatioHigh: 0.2 } } }) },
    { label: 'KL-Cov', config: lm('reverse', { surrogate: { id: 'kl-cov', params: { klCovRatio: 0.05 } } }) },
  ],
  claim: { text: 'After 20 updates GRPO’s entropy is below both Clip-Cov’s and KL-Cov’s', metric: 'policy/entropy', lastK: 3, higher: [['Clip-Cov', 'GRPO'], ['KL-Cov', 'GRPO']] },
  mechanism: true,
  seeds: [1],
};

const deadGroups: Lesson = {
  id: 'dead-groups',
  title: 'Dead groups',
  idea:
    'When every completion of a prompt gets the same reward, GRPO’s advantages for that group are all zero: the prompt teaches nothing. NGRPO adds a virtual perfect answer to each group, so even an all-wrong group gets a negative, non-zero advantage.',
  formula: 'A_i = \\frac{R_i - \\mathrm{mean}(R_{1..G}, R_{max})}{\\mathrm{std}(R_{1..G}, R_{max})}',
  paper: { short: 'NGRPO', title: 'NGRPO: Negative-enhanced Group Relative Policy Optimization', authors: 'Nan et al.', year: 2025, url: 'https://arxiv.org/abs/2509.18851' },
  watch: 'adv/nonzero_frac and group/zero_adv_frac on a hard task (countdown, base pass@1 ≈ 0.08).',
  runs: [
    { label: 'GRPO', config: lm('countdown', {}, { updates: 6 }) },
    { label: 'NGRPO', config: lm('countdown', { advantage: { id: 'ngrpo' } }, { updates: 6 }) },
    { label: 'DCPO (SAS)', config: lm('countdown', { advantage: { id: 'dcpo-sas' } }, { updates: 6 }) },
    {
      label: 'Knapsack',
      config: lm('countdown', { sample: { id: 'knapsack', params: { prompts: 8, groupSize: 8, poolSize: 16 } } }, { updates: 6, prefixMode: 'plain' }),
    },
  ],
  claim: { text: 'NGRPO trains on a larger share of samples with a non-zero advantage than GRPO', metric: 'adv/nonzero_frac', lastK: 6, higher: [['NGRPO', 'GRPO']] },
  mechanism: true,
  seeds: [1, 2],
  note: 'DCPO’s smooth standardisation only helps a prompt on its second visit; with random prompts it rarely comes back here, so DCPO matches GRPO at this scale.',
};

const entropyOnDemand: Lesson = {
  id: 'entropy-on-demand',
  title: 'Entropy on demand',
  idea:
    'AEPO steers entropy toward a target: below it, the policy imitates its own distribution at a higher temperature; above it, at a lower one. Three targets give three entropy levels from the same start.',
  formula: '\\mathcal{L}_{reg} = \\alpha\\,\\mathrm{CE}\\big(\\pi^{T}, \\pi_\\theta\\big),\\; T = T_{high} \\text{ if } H \\le H^{*} \\text{ else } T_{low}',
  paper: { short: 'AEPO', title: 'Arbitrary Entropy Policy Optimization', authors: 'Wang et al.', year: 2025, url: 'https://arxiv.org/abs/2510.08141' },
  watch: 'Policy entropy: the three runs separate in the order of their targets.',
  runs: [0.3, 0.8, 1.5].map((target) => ({
    label: `target ${target}`,
    config: lm('reverse', { regularise: [{ id: 'aepo-temperature', params: { entropyTarget: target, alpha: 1 } }] }),
  })),
  claim: { text: 'A higher target gives a higher entropy', metric: 'policy/entropy', lastK: 3, higher: [['target 1.5', 'target 0.8'], ['target 0.8', 'target 0.3']] },
  mechanism: true,
  seeds: [1],
};

const prefixGrouper: Lesson = {
  id: 'prefix-grouper',
  title: 'One pass for the prompt',
  idea:
    'G completions of one prompt share that prompt, so its keys and values can be computed once and attended to by every completion. The loss and gradients are the same as the plain forward’s; only the work shrinks.',
  formula: 'Q\\cdot P + Q\\cdot G\\cdot(S-1) \\text{ positions instead of } Q\\cdot G\\cdot(P+S-1)',
  paper: { short: 'Prefix Grouper', title: 'Prefix Grouper: Efficient GRPO Training through Shared-Prefix Forward', authors: 'Liu et al.', year: 2025, url: 'https://arxiv.org/abs/2506.05433' },
  watch: 'time/update_s: the shared-prefix run updates faster; every other curve lies on top of the plain run’s.',
  runs: [
    { label: 'plain', config: lm('count', {}, { updates: 6, prefixMode: 'plain', prompts: 16 }) },
    { label: 'shared prefix', config: lm('count', {}, { updates: 6, prefixMode: 'shared-prefix', prompts: 16 }) },
  ],
  claim: { text: 'The plain forward takes longer per update than the shared-prefix one (count: prompt 13 tokens, answer 2)', metric: 'time/update_s', lastK: 5, higher: [['plain', 'shared prefix']] },
  mechanism: true,
  seeds: [1],
};

export const LESSONS: Lesson[] = [
  entropyCollapse,
  deadGroups,
  entropyOnDemand,
  prefixGrouper,
  ...PAPER_LESSONS,
  ...BUDGET_LESSONS,
  ...GUIDED_LESSONS,
  ...TOOL_LESSONS,
  ...OFFPOLICY_LESSONS,
  ...CRITIC_LESSONS,
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

