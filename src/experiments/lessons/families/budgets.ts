import type { Lesson } from '../lesson';
import { lm } from '../lm-run';
import { BUDGET_PAPERS } from '../../../engine/stages/sample/budgets/papers';

const UPDATES = 20;
/** lm()'s 1e-3 sends some pool runs into collapse within a few updates here (countdown, seed 2): 3e-4 for every run below but one. */
const LR = 3e-4;

/** The budgets samplers draw from a fixed pool so that prompts come back: 32 prompts, Q = 8, a pass every 4 updates. */
const vasRun = (mixture: number) =>
  lm(
    'countdown',
    { sample: { id: 'vas', params: { prompts: 8, groupSize: 8, poolSize: 32, updateEvery: 4, scoringRollouts: 8, mixture } } },
    { lr: LR },
  );

const vas: Lesson = {
  id: 'vas',
  title: 'Drawing the prompts that still vary',
  idea:
    'A prompt whose G answers all get the same reward gives GRPO no gradient, and its expected improvement is bounded below by its reward variance. MMR1’s variance-aware sampling scores the training prompts every few updates by p(1 − p) and draws half of each batch in proportion to it.',
  formula: 'P(\\text{slot} = x) = \\lambda \\frac{w_x}{\\sum_y w_y} + \\frac{1-\\lambda}{N},\\; w_x = p_x(1 - p_x)',
  paper: BUDGET_PAPERS.mmr1,
  watch:
    'group/zero_adv_frac on countdown (base pass@1 ≈ 0.08): lowest with VAS; vas/batch_ovs, the mean p(1 − p) of the drawn prompts, is higher than the uniform draw’s; tokens include the scoring passes (32 prompts × 8 every 4 updates).',
  runs: [
    { label: 'GRPO', config: lm('countdown', {}, { lr: LR }) },
    { label: 'uniform pool (λ = 0)', config: vasRun(0) },
    { label: 'GRPO + VAS', config: vasRun(0.5) },
  ],
  claim: {
    text: 'With VAS fewer groups have all-zero advantages than with GRPO’s fresh prompts or a uniform draw from the same scored pool',
    metric: 'group/zero_adv_frac',
    lastK: UPDATES,
    higher: [
      ['GRPO', 'GRPO + VAS'],
      ['uniform pool (λ = 0)', 'GRPO + VAS'],
    ],
  },
  mechanism: true,
  seeds: [1, 2],
  note: 'Part of the drop comes from the pool itself: its prompts come back and are trained on, so a uniform draw from the same 32 prompts already lowers group/zero_adv_frac from 0.74 / 0.61 (GRPO, seeds 1 / 2) to 0.47 / 0.53; VAS takes it to 0.26 / 0.33. Both pool runs pay for their scoring passes: about twice GRPO’s tokens (11.3k–12.0k vs 5.7k–5.8k).',
};

/**
 * Knapsack at GRPO's budget (Q·G = 64 rollouts per update). Mixed group sizes need the plain
 * forward, so every run here uses it (the loss is the same as with the shared prefix).
 */
const knapsackRun = (budgetLow: number, budgetHigh: number) =>
  lm(
    'countdown',
    { sample: { id: 'knapsack', params: { prompts: 8, groupSize: 8, poolSize: 32, budgetLow, budgetHigh } } },
    { prefixMode: 'plain', lr: LR },
  );

const knapsack: Lesson = {
  id: 'knapsack',
  title: 'Spending rollouts where they teach',
  idea:
    'GRPO gives every prompt G rollouts, though a prompt that is always solved or never solved yields no gradient however many it gets. Knapsack RL treats rollouts as a budget and solves a knapsack each round: prompts likely to give a mixed group get more, the rest the minimum, at the same total.',
  formula:
    '\\max_{N_i} \\sum_i \\big(1 - p_i^{N_i} - (1-p_i)^{N_i}\\big)\\,p_i(1-p_i)^2 \\;\\text{s.t.}\\; \\sum_i N_i = Q\\,G',
  paper: BUDGET_PAPERS.knapsack,
  watch:
    'adv/nonzero_frac (share of trained tokens with a gradient) on countdown; knapsack/max_n (the largest group, up to 32) and knapsack/effective_frac; knapsack/budget_used stays at 1 (the same 64 rollouts per update). group/zero_adv_frac hardly moves: a dead prompt’s 2-rollout group still counts as a group.',
  runs: [
    { label: 'GRPO', config: lm('countdown', {}, { prefixMode: 'plain', lr: LR }) },
    { label: 'uniform pool (N = 8)', config: knapsackRun(8, 8) },
    { label: 'Knapsack', config: knapsackRun(2, 32) },
  ],
  claim: {
    text: 'At the same 64 rollouts per update, Knapsack trains on a larger share of tokens with a non-zero advantage than uniform groups',
    metric: 'adv/nonzero_frac',
    lastK: UPDATES,
    higher: [
      ['Knapsack', 'GRPO'],
      ['Knapsack', 'uniform pool (N = 8)'],
    ],
  },
  mechanism: true,
  seeds: [1, 2],
  note: 'The pool alone (prompts come back) raises adv/nonzero_frac from 0.26 / 0.38 (GRPO, seeds 1 / 2) to 0.57 / 0.54; Knapsack takes it to 0.80 / 0.77 at the same 64 rollouts per update. group/zero_adv_frac is about the same for the two pool runs (0.44 vs 0.43, 0.51 vs 0.46).',
};

/** SPO's sampler and advantage: 64 prompts from a pool of 128, one answer each, trackers from 8 offline answers per prompt. */
const spoRun = (lr: number) =>
  lm(
    'reverse',
    {
      sample: { id: 'spo-sampling', params: { prompts: 64, groupSize: 1, poolSize: 128, offlineSamples: 8 } },
      advantage: { id: 'spo' },
    },
    { lr },
  );

const spo: Lesson = {
  id: 'spo',
  title: 'One answer per prompt, a tracker for the baseline',
  idea:
    'SPO drops the group: each prompt gets one answer, and a per-prompt Beta tracker of the success rate, kept across updates, supplies the baseline. Prompts are drawn in proportion to √(p̂(1 − p̂)) + ε, so the batch leans toward prompts the policy is unsure about.',
  formula: 'A_i = R_i - \\hat p(x_i),\\; P(x) \\propto \\sqrt{\\hat p(x)(1 - \\hat p(x))} + 0.05,\\; \\alpha \\leftarrow \\rho\\alpha + R,\\; \\beta \\leftarrow \\rho\\beta + 1 - R',
  paper: BUDGET_PAPERS.spo,
  watch:
    'eval/pass@1 at updates 10 and 20 (held-out prompts); policy/entropy and reward/mean of the lr 1e-3 SPO run; spo/batch_p_hat against spo/pool_p_hat; tokens include SPO’s offline init (128 prompts × 8 answers).',
  runs: [
    { label: 'GRPO (8 × 8)', config: lm('reverse', {}, { lr: LR }) },
    { label: 'SPO (64 × 1)', config: spoRun(LR) },
    { label: 'SPO, lr 1e-3', config: spoRun(1e-3) },
  ],
  claim: {
    text: 'At 64 sampled completions per update and lr 3e-4, SPO ends with a higher held-out pass@1 than GRPO',
    metric: 'eval/pass@1',
    lastK: 1,
    higher: [['SPO (64 × 1)', 'GRPO (8 × 8)']],
  },
  mechanism: false,
  seeds: [1, 2],
  note: 'After 20 updates pass@1 is 0.41 / 0.34 with SPO and 0.38 / 0.30 with GRPO (seeds 1 / 2, 16 held-out prompts × 8): a small edge, within the noise of this evaluation, and SPO also spent 1024 completions on its offline init (13.5k tokens vs 7.5k). At lm()’s lr 1e-3 SPO collapses to pass@1 0 on both seeds (entropy 1.5 → 2.4) while GRPO at 1e-3 reaches 0.58 / 0.53. The likely loop: once most answers fail, normalising R − p̂ over the batch gives the failures on the lowest-p̂ prompts positive advantages; with fresh prompts (every p̂ = 0.5) the same advantage at 1e-3 does not collapse (pass@1 0.22 at update 20, seed 1).',
};

/** Lessons of the budgets family, in the order the gallery lists them. */
export const LESSONS: Lesson[] = [vas, knapsack, spo];
