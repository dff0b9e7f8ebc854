import type { Lesson } from '../lesson';
import { lm } from '../lm-run';
import { GUIDED_PAPERS } from '../../../engine/stages/sample/guided/papers';

/**
 * At lm()'s default lr 1e-3, GRPO on countdown loses its pass@1 within 10 updates (measured 0.102 →
 * 0.000, entropy rising), which would hide every comparison below; at 3e-4 it improves (→ 0.148).
 */
const LR = 3e-4;

/**
 * HPT's recipe: no ratio clipping and a constant length normaliser; demonstrations are groups of
 * one (plain forward). Without a clip, a second pass over the batch drifts far from π_old: with
 * lm()'s 2 epochs HPT's pass@1 fell to 0.125 and 0.008 (seeds 1, 2), so it takes one pass.
 */
const hptStages = (gate: number) => ({
  sample: { id: 'hpt', params: { prompts: 8, groupSize: 8, gate } },
  surrogate: { id: 'vanilla-pg' },
  aggregate: { id: 'seq-mean-token-sum-norm' },
  update: { id: 'adam', params: { lr: LR, epochs: 1, minibatches: 2, normAdvantages: 'none' as const, maxGradNorm: 1 } },
});

const igpo: Lesson = {
  id: 'igpo',
  title: 'Hints for hopeless groups',
  idea:
    'When all G answers to a prompt are wrong, GRPO’s advantages for it are zero and the prompt is wasted. IGPO redraws such a group with the first part of the reference answer forced as a hint and swaps the correct hinted answers in, so the group has reward variance and a gradient again.',
  formula: '\\text{if } R_{1..G} = 0:\\; o_{1..k} \\leftarrow \\{\\tilde o \\sim \\pi_\\theta(\\cdot \\mid q, y^*_{<\\lceil \\eta |y^*| \\rceil}) : R(\\tilde o) = 1\\},\\; k \\le n_{max}',
  paper: GUIDED_PAPERS.igpo,
  watch: 'adv/nonzero_frac and group/zero_adv_frac on countdown (base pass@1 ≈ 0.08); igpo/rescued_frac and igpo/hint_tokens show the rescue; eval/pass@1 is measured without hints.',
  runs: [
    { label: 'GRPO', config: lm('countdown', {}, { lr: LR }) },
    {
      label: 'IGPO',
      config: lm('countdown', { sample: { id: 'igpo-hints', params: { prompts: 8, groupSize: 8 } }, weight: [{ id: 'igpo-hint-entropy' }] }, { lr: LR }),
    },
  ],
  claim: { text: 'IGPO trains on a larger share of steps with a non-zero advantage than GRPO', metric: 'adv/nonzero_frac', lastK: 20, higher: [['IGPO', 'GRPO']] },
  mechanism: true,
  seeds: [1, 2],
  note:
    'Measured over 20 updates: adv/nonzero_frac 0.735 vs 0.262 (seed 1) and 0.771 vs 0.385 (seed 2); IGPO rescued 57–62% of the all-wrong groups with a mean η of 0.43. The gain in gradient does not show in held-out pass@1 (no hints) at this scale: 0.141 vs 0.148 (seed 1), 0.086 vs 0.086 (seed 2).',
};

const hpt: Lesson = {
  id: 'hpt',
  title: 'SFT where RL has nothing to learn from',
  idea:
    'SFT on a demonstration is policy gradient on that demonstration with advantage 1 (the unified estimator). HPT uses it per prompt: a prompt whose rollouts are all wrong trains on its demonstration instead, the others stay GRPO groups.',
  formula: '\\mathcal{L} = \\sum_q \\mathbb{1}[P_q > \\gamma]\\,\\mathcal{L}_{RL}(o_{q,1..G}) + \\mathbb{1}[P_q \\le \\gamma]\\,c_{SFT}\\,\\mathcal{L}_{SFT}(y^*_q)',
  paper: GUIDED_PAPERS.hpt,
  watch: 'eval/pass@1; hpt/sft_frac (share of prompts routed to SFT) should fall as the policy improves; reward/mean counts demonstrations, hpt/rollout_reward_mean does not.',
  runs: [
    { label: 'GRPO', config: lm('countdown', {}, { lr: LR }) },
    { label: 'HPT', config: lm('countdown', hptStages(0), { prefixMode: 'plain', lr: LR }) },
  ],
  claim: { text: 'HPT reaches a higher held-out pass@1 than GRPO after 20 updates', metric: 'eval/pass@1', lastK: 1, higher: [['HPT', 'GRPO']] },
  mechanism: false,
  seeds: [1],
  note:
    'The paper’s gain does not show at 20 updates here: pass@1 0.141 (HPT) vs 0.148 (GRPO) on seed 1, 0.070 vs 0.086 on seed 2, both up from the base (0.102, 0.031). hpt/sft_frac falls from about 0.7 to 0.45 as more prompts get a correct rollout.',
};

const otr: Lesson = {
  id: 'otr',
  title: 'One-token rollouts on demonstrations',
  idea:
    'OTR turns each position of a demonstration into a one-step RL problem: sample K next tokens from the policy, reward the one the demonstration took, penalise the others. It uses the same data as SFT but an on-policy signal.',
  formula: '\\mathcal{L}_t = -\\frac{1}{K}\\sum_k \\rho(a_k) \\log \\pi_\\theta(a_k \\mid x, y^*_{<t}),\\; \\rho(a) = 1 \\text{ if } a = y^*_t \\text{ else } -\\beta',
  paper: GUIDED_PAPERS.otr,
  watch: 'eval/pass@1 of OTR against SFT on the same demonstrations (HPT with every prompt routed to SFT) and against GRPO; otr/hit_frac rises as the policy learns the demonstrations.',
  runs: [
    { label: 'GRPO', config: lm('countdown', {}, { lr: LR }) },
    { label: 'SFT', config: lm('countdown', hptStages(8), { prefixMode: 'plain', lr: LR }) },
    { label: 'OTR', config: lm('countdown', { sample: { id: 'otr', params: { prompts: 8, candidates: 8 } }, surrogate: { id: 'vanilla-pg' } }, { lr: LR }) },
  ],
  claim: { text: 'OTR reaches a higher held-out pass@1 than SFT on the same demonstrations', metric: 'eval/pass@1', lastK: 1, higher: [['OTR', 'SFT']] },
  mechanism: false,
  seeds: [1],
  note:
    'After 20 updates pass@1 is 0.203 (OTR), 0.156 (SFT), 0.148 (GRPO) on seed 1 and 0.078, 0.055, 0.086 on seed 2: OTR is above SFT on both seeds, as the paper reports, but with 16 held-out prompts × 8 samples the gaps are about one to one and a half standard errors. OTR’s rewards (+1 / −β) are the lab’s reconstruction of the paper.',
};

/** Lessons of the guided family, in the order the gallery lists them. */
export const LESSONS: Lesson[] = [igpo, hpt, otr];
