import type { RunConfigInput } from '../../../engine/config/schema';
import { PAPERS } from '../../../engine/registry/papers';
import { VARIANT_PAPERS } from '../../../engine/stages/advantage/variants/papers';
import { SURROGATE_PAPERS } from '../../../engine/stages/surrogate/variants/papers';
import { WEIGHT_PAPERS } from '../../../engine/stages/weight/modules/papers';
import type { Lesson } from '../lesson';
import { lm } from '../lm-run';

/** `lm()`'s Adam stage with more reuse of each batch, so that ratios drift far enough for a clip to bind. */
function adam(lr: number, epochs: number, minibatches: number): NonNullable<RunConfigInput['stages']['update']> {
  return { id: 'adam', params: { lr, epochs, minibatches, normAdvantages: 'none', maxGradNorm: 1 } };
}

const MISTAKES_LR = 3e-5;
/** PSR and NSR drop the other samples from the batch, which breaks whole groups: the plain forward handles that. */
const mistakesRun = (stages: Partial<RunConfigInput['stages']>): RunConfigInput => ({
  ...lm('reverse', stages, { prefixMode: 'plain', lr: MISTAKES_LR }),
  schedule: { updates: 20, evalEvery: 10, evalPrompts: 32, evalSamples: 8, evalK: 8 },
});

const learningFromMistakes: Lesson = {
  id: 'learning-from-mistakes',
  title: 'Learning from mistakes',
  idea:
    'RLVR splits into two halves: PSR raises the likelihood of correct samples, NSR lowers that of wrong ones and lets the freed mass flow back along the model’s own prior. The paper finds NSR alone keeps pass@k at large k where PSR narrows the policy, and W-REINFORCE keeps both with the positive term down-weighted by λ = 0.1.',
  formula:
    'A_i^{PSR} = +1 \\text{ on successes only},\\quad A_i^{NSR} = -1 \\text{ on failures only},\\quad A_i^{W} = \\begin{cases} \\lambda & R_i = 1 \\\\ -1 & R_i = 0 \\end{cases}',
  paper: VARIANT_PAPERS.psrNsr,
  watch:
    'eval/pass@k and eval/pass@1 (k = 8 of 8 samples on 32 held-out prompts); policy/entropy: PSR sharpens, NSR and W-REINFORCE stay near the base entropy. The lr is 3e-5: at the lab’s usual 1e-3 NSR and W-REINFORCE push every wrong answer down so hard that entropy blows up and pass@k falls to 0, and at 1e-4 pass@k already drops.',
  runs: [
    {
      label: 'PSR',
      config: mistakesRun({ select: [{ id: 'psr-nsr-subset', params: { mode: 'psr' } }], advantage: { id: 'w-reinforce', params: { mode: 'psr' } } }),
    },
    {
      label: 'NSR',
      config: mistakesRun({ select: [{ id: 'psr-nsr-subset', params: { mode: 'nsr' } }], advantage: { id: 'w-reinforce', params: { mode: 'nsr' } } }),
    },
    { label: 'W-REINFORCE', config: mistakesRun({ advantage: { id: 'w-reinforce', params: { mode: 'w-reinforce', lambda: 0.1 } } }) },
  ],
  claim: {
    text: 'NSR and W-REINFORCE keep a higher held-out pass@k than PSR (the paper’s claim)',
    metric: 'eval/pass@k',
    lastK: 2,
    higher: [
      ['NSR', 'PSR'],
      ['W-REINFORCE', 'PSR'],
    ],
  },
  mechanism: false,
  seeds: [1, 2],
  note:
    'Not the paper’s ordering at k = 8 on this small model (seeds 1, 2; mean of the evaluations at updates 10 and 20): pass@k PSR 0.875 / 0.906, NSR 0.656 / 0.750, W-REINFORCE 0.656 / 0.750, from a base of 0.625 / 0.750. NSR does keep pass@k at the base level while PSR raises it further; pass@1 PSR 0.197 / 0.209, NSR 0.123 / 0.145, W-REINFORCE 0.123 / 0.148 (base 0.121 / 0.133). At lr 1e-4 NSR already loses pass@k (0.48 on seed 1) and at 1e-3 it collapses to 0.',
};

const clipHigher: Lesson = {
  id: 'clip-higher',
  title: 'Clip higher',
  idea:
    'A symmetric clip caps how far a low-probability token with a positive advantage can rise in one update (at ε = 0.2 a token at 0.01 can reach only 0.012, one at 0.9 anything up to 1); DAPO raises only the ceiling (ε_high = 0.28) so that rare good tokens can grow and entropy does not collapse. GPPO keeps PPO’s clipped value but lets clipped tokens still send a bounded gradient.',
  formula:
    '\\ell_t = -\\min\\big(r_t A_t,\\ \\mathrm{clip}(r_t, 1-\\epsilon_{low}, 1+\\epsilon_{high})\\,A_t\\big),\\quad \\epsilon_{low} = 0.2,\\ \\epsilon_{high} \\in \\{0.2, 0.28\\}',
  paper: PAPERS.dapo,
  watch:
    'policy/entropy, and clip/frac_high (share of tokens stopped at the ceiling): the wider ceiling clips fewer tokens. Each batch is reused for 4 epochs so that ratios move far enough for the clip to bind at all. GPPO (β1 = β2 = 1) keeps pushing down negative tokens the clip would stop.',
  runs: [
    { label: 'symmetric 0.2', config: lm('reverse', { update: adam(1e-3, 4, 2) }) },
    {
      label: 'DAPO 0.2/0.28',
      config: lm('reverse', { surrogate: { id: 'ppo-clip', params: { clipRatioLow: 0.2, clipRatioHigh: 0.28 } }, update: adam(1e-3, 4, 2) }),
    },
    { label: 'GPPO', config: lm('reverse', { surrogate: { id: 'gppo', params: { clipRatioLow: 0.2, clipRatioHigh: 0.28 } }, update: adam(1e-3, 4, 2) }) },
  ],
  claim: {
    text: 'With the higher ceiling, entropy stays higher than with the symmetric clip',
    metric: 'policy/entropy',
    lastK: 5,
    higher: [['DAPO 0.2/0.28', 'symmetric 0.2']],
  },
  mechanism: false,
  seeds: [1, 2],
  note:
    'Entropy does not rise with the higher ceiling at this scale (last 5 updates, seeds 1, 2): symmetric 0.613 / 0.549, DAPO 0.527 / 0.580, so the claim holds on 1 of 2 seeds. The ceiling does bind less often: clip/frac_high 0.015 / 0.013 symmetric vs 0.006 / 0.007 DAPO; most clipping here is at the floor (clip/frac_low ≈ 0.07). GPPO with β1 = β2 = 1 keeps the gradient of negative tokens below the floor, and at lr 1e-3 with 4 epochs that drives entropy to 2.20 / 2.50 and the reward to 0.',
};

const SHORT_LR = 3e-4;
const shorterAnswers: Lesson = {
  id: 'shorter-answers',
  title: 'Shorter answers without punishing correct ones',
  idea:
    'A length penalty added to the reward inside GRPO can give a correct but long answer a negative advantage, so the model learns to stop early whatever it writes. DRPO keeps correct and incorrect samples apart: correct ones are raised against a log-sum-exp of the incorrect ones, and the length preference only reweights correct samples among themselves, so no correct answer is ever pushed down.',
  formula:
    'J_q = \\sum_{i \\in +} \\tilde\\omega_i \\big(s_i - \\tau \\log \\textstyle\\sum_{j \\in -} e^{s_j/\\tau}\\big),\\ \\tilde\\omega_i \\propto e^{(1-\\ell_i)/\\lambda}\\quad\\text{vs}\\quad R_i \\leftarrow R_i + \\min\\!\\Big(0, \\frac{(L_{max}-L_{cache}) - |o_i|}{L_{cache}}\\Big)',
  paper: VARIANT_PAPERS.drpo,
  watch:
    'completion/length_mean against reward/mean on countdown: canonical answers have 3, 5 or 7 tokens and the budget is 8 with <eos>, so with L_cache = 4 even a correct 5-token answer loses half its reward. eval/pass@1 when you run with evaluation. lr 3e-4: countdown collapses under GRPO at the lab’s usual 1e-3.',
  runs: [
    { label: 'GRPO', config: lm('countdown', {}, { lr: SHORT_LR }) },
    { label: 'GRPO + overlong', config: lm('countdown', { shape: [{ id: 'overlong-penalty', params: { lCache: 4, penaltyFactor: 1 } }] }, { lr: SHORT_LR }) },
    {
      label: 'DRPO',
      config: lm('countdown', { advantage: { id: 'drpo' }, surrogate: { id: 'vanilla-pg' }, aggregate: { id: 'seq-mean-token-sum' } }, { lr: SHORT_LR }),
    },
  ],
  claim: {
    text: 'The length penalty in GRPO’s reward shortens answers more than DRPO’s weighting of correct answers does',
    metric: 'completion/length_mean',
    lastK: 5,
    higher: [
      ['DRPO', 'GRPO + overlong'],
      ['GRPO', 'GRPO + overlong'],
    ],
  },
  mechanism: true,
  seeds: [1, 2],
  note:
    'Holds on seeds 1, 2 (last 5 updates): length GRPO + overlong 2.86 / 3.68, DRPO 4.52 / 4.39, GRPO 4.13 / 4.52 tokens (and on seeds 3, 4: 2.56 / 3.67 vs DRPO 6.18 / 4.28, GRPO 4.29 / 4.41). The penalty’s shorter answers cost accuracy: held-out pass@1 at updates 10–20 was 0.051 / 0.012 for GRPO + overlong, 0.129 / 0.055 for DRPO and 0.148 / 0.074 for GRPO (16 prompts × 8 samples). DRPO’s own length preference does not make answers shorter than GRPO’s within 20 updates here.',
};

const bnpo: Lesson = {
  id: 'bnpo',
  title: 'BNPO: a Beta density as the normaliser',
  idea:
    'With binary rewards a prompt’s success rate p is Beta-distributed across prompts. BNPO divides R − p by a Beta density of p whose α, β are refitted to the batch every update, which the paper shows lowers the variance of the gradient compared with GRPO’s division by the group std.',
  formula:
    'A_i = \\frac{R_i - p_q}{f_{Beta}(p_q;\\alpha,\\beta)},\\quad \\alpha = \\max\\!\\big(1 + \\tfrac{\\bar p}{3}(\\tfrac{\\bar p(1-\\bar p)}{v} - 1), 1\\big),\\ \\beta = \\max\\!\\big(1 + \\tfrac{1-\\bar p}{3}(\\tfrac{\\bar p(1-\\bar p)}{v} - 1), 1\\big)',
  paper: VARIANT_PAPERS.bnpo,
  watch: 'grad/norm (before clipping) and adv/std; reward/mean for what the smaller updates cost.',
  runs: [
    { label: 'GRPO', config: lm('reverse', {}) },
    { label: 'BNPO', config: lm('reverse', { advantage: { id: 'bnpo' } }) },
  ],
  claim: { text: 'BNPO’s gradient norm is lower than GRPO’s', metric: 'grad/norm', lastK: 5, higher: [['GRPO', 'BNPO']] },
  mechanism: true,
  seeds: [1, 2],
  note:
    'Holds on seeds 1, 2 (last 5 updates): grad/norm GRPO 1.34 / 1.37, BNPO 0.37 / 0.56. Most of the gap is scale: BNPO’s advantages are smaller (adv/std 0.20 / 0.34 vs 0.93 / 0.91), which Adam largely normalises away, so this is not a measure of gradient variance. Also held on seeds 3, 4 (GRPO 0.92 / 1.90 vs BNPO 0.40 / 0.43). BNPO learned more slowly here: reward 0.15 / 0.44 vs GRPO’s 0.55 / 0.43.',
};

const d3s: Lesson = {
  id: 'd3s',
  title: 'D³S: learn from the samples and tokens that matter',
  idea:
    'Most rollouts and most tokens carry little signal. D³S keeps, in each group, the rollouts whose advantages vary most, and of the tokens those with the largest |A|·H, starting aggressive (half the rollouts, a fifth of the tokens) and relaxing to everything by mid-run.',
  formula:
    'S^\\star = \\arg\\max_{|S| = m} \\mathrm{Var}(\\{A_i\\}_{i \\in S}),\\quad \\text{keep token } t \\iff |A_t|\\,H_t \\in \\text{top } \\kappa(\\text{progress})',
  paper: WEIGHT_PAPERS.d3s,
  watch:
    'reward/mean over the whole run (learning speed); weight/mean rises from ≈ 0.2 to 1 as the curriculum relaxes; grad/norm in the first updates.',
  runs: [
    { label: 'GRPO', config: lm('reverse', {}) },
    { label: 'D³S', config: lm('reverse', { weight: [{ id: 'd3s-sample' }, { id: 'd3s-token' }] }) },
  ],
  claim: { text: 'D³S reaches a higher mean training reward over the run than GRPO', metric: 'reward/mean', lastK: 20, higher: [['D³S', 'GRPO']] },
  mechanism: false,
  seeds: [1, 2],
  note:
    'Holds on seeds 1, 2: mean reward over all 20 updates D³S 0.373 / 0.387 vs GRPO 0.347 / 0.235 (seeds 3, 4, measured before dropped samples left the token-mean denominator: 0.376 / 0.381 vs 0.057 / 0.307, GRPO diverging on seed 3 at this lr). The paper’s rise of the gradient norm early barely shows: over the first 3 updates grad/norm is 1.07 / 1.26 under D³S vs 1.14 / 1.24 under GRPO.',
};

const gtpo: Lesson = {
  id: 'gtpo',
  title: 'GTPO: protect the tokens right and wrong answers share',
  idea:
    'Tokens that correct and wrong completions of a group share at the start or the end (format tokens, <eos>) get contradictory updates; GTPO gives them no negative update and a doubled positive one. It also drops completions whose mean entropy is too high and lowers the others’ advantage by κ·H̄, so negatives cannot flatten the distribution.',
  formula:
    '\\lambda_{i,t} = \\begin{cases} 2 & \\text{conflict}, A_i > 0 \\\\ 0 & \\text{conflict}, A_i < 0 \\\\ 1 & \\text{otherwise} \\end{cases},\\quad A_i \\leftarrow \\begin{cases} A_i - \\kappa \\bar H_i & \\bar H_i \\le H_{max} \\\\ 0 & \\text{otherwise} \\end{cases}',
  paper: WEIGHT_PAPERS.gtpo,
  watch:
    'reward/mean and policy/entropy; weight/mean shows how much of the batch keeps its gradient. H_max is 2 nats here: the paper’s 0.7 ≈ ln 2 suits large models, but this small model starts at ≈ 1.5 nats per token, and at 0.7 every completion is filtered out and nothing is learnt.',
  runs: [
    { label: 'GRPO', config: lm('reverse', {}) },
    { label: 'GTPO', config: lm('reverse', { weight: [{ id: 'gtpo-conflict' }, { id: 'gtpo-entropy-filter', params: { entropyMax: 2, kappa: 0.1 } }] }) },
  ],
  claim: { text: 'GTPO reaches a higher training reward than GRPO', metric: 'reward/mean', lastK: 5, higher: [['GTPO', 'GRPO']] },
  mechanism: false,
  seeds: [1, 2],
  note:
    'Holds on seeds 1, 2 (last 5 updates): reward GTPO 0.653 / 0.675 vs GRPO 0.547 / 0.425, with lower entropy (0.41 / 0.43 vs 0.58 / 0.71); weight/mean ≈ 0.4, as the conflict tokens of wrong answers get 0 and every completion’s weights are divided by its number of conflict tokens. With the paper’s H_max = 0.7 every completion is filtered out and the reward stays at the base level (0.15 / 0.13). Also held on seeds 3, 4 (0.653 / 0.678 vs 0.109 / 0.528); part of the gap is GRPO’s own instability at lr 1e-3 (seed 3).',
};

const empg: Lesson = {
  id: 'empg',
  title: 'EMPG: trust confident steps more',
  idea:
    'The gradient of a step is coupled to its entropy: confident steps get small updates, uncertain ones large. EMPG rescales each step’s advantage by a decreasing function of its entropy (mean 1 over the batch) and adds a small bonus for leading into a confident next step, which the paper reports improves success rates.',
  formula:
    'A^{mod}_{i,t} = g(H_{i,t})\\,A_i + \\zeta f(H_{i,t+1}),\\quad g(H) = \\frac{e^{-k \\hat H}}{\\mathrm{mean}_B\\, e^{-k \\hat H}},\\ f(H) = e^{-k_f \\hat H}',
  paper: WEIGHT_PAPERS.empg,
  watch: 'reward/mean; policy/entropy falls a little faster under EMPG (confident tokens weigh more); weight/mean stays near 1.',
  runs: [
    { label: 'GRPO', config: lm('reverse', {}) },
    { label: 'EMPG', config: lm('reverse', { weight: [{ id: 'empg' }] }) },
  ],
  claim: { text: 'EMPG reaches a higher training reward than GRPO', metric: 'reward/mean', lastK: 5, higher: [['EMPG', 'GRPO']] },
  mechanism: false,
  seeds: [1, 2],
  note:
    'Holds on seeds 1, 2 (last 5 updates): reward EMPG 0.575 / 0.563 vs GRPO 0.547 / 0.425; entropy 0.54 / 0.55 vs 0.58 / 0.71. Also held on seeds 3, 4 (0.513 / 0.541 vs 0.109 / 0.528), but the gap is small except where GRPO itself goes unstable at lr 1e-3 (seed 3): an outcome, not a mechanism.',
};

const bapo: Lesson = {
  id: 'bapo',
  title: 'BAPO: clip bounds that keep positives in the objective',
  idea:
    'In stale batches negative-advantage tokens dominate the objective, and a fixed clip blocks the entropy-raising updates of rare positive tokens. BAPO widens its clip bounds, per minibatch, until positive tokens carry at least a share ρ0 = 0.4 of the clipped objective, which the paper reports keeps entropy from collapsing.',
  formula:
    '\\text{grow } c_{high}, \\text{ then } c_{low}, \\text{ until } \\frac{\\sum_{A>0} A\\min(r, c_{high})}{\\sum_{A>0} A\\min(r, c_{high}) + \\sum_{A<0} |A|\\max(r, c_{low})} \\ge \\rho_0',
  paper: SURROGATE_PAPERS.bapo,
  watch: 'policy/entropy; bapo/clip_high, bapo/clip_low and bapo/positive_share (of the last minibatch of each update).',
  runs: [
    { label: 'GRPO', config: lm('reverse', {}) },
    { label: 'BAPO', config: lm('reverse', { surrogate: { id: 'bapo' } }) },
  ],
  claim: { text: 'BAPO keeps entropy higher than GRPO', metric: 'policy/entropy', lastK: 5, higher: [['BAPO', 'GRPO']] },
  mechanism: false,
  seeds: [1, 2],
  note:
    'Holds on 1 of 2 seeds (last 5 updates): entropy BAPO 0.684 / 0.685 vs GRPO 0.585 / 0.715. On these on-policy, group-normalised batches the positive share is already ≈ 0.52, above ρ0 = 0.4, so the search never moves the bounds from [0.6, 1.2] (bapo/clip_high = 1.2 throughout): BAPO acts here as a PPO clip with a lower floor, and the paper’s stale-data setting is not reproduced.',
};

const copo: Lesson = {
  id: 'copo',
  title: 'COPO: a signal for groups that agree',
  idea:
    'When all G answers to a prompt get the same reward, GRPO’s advantages are zero and the prompt teaches nothing. COPO adds a prompt-level advantage (the group’s success rate, normalised across the batch) and blends it with GRPO’s by a sigmoid of the group’s answer entropy, so consistent groups still send a gradient.',
  formula:
    'A_i = w_q A^{local}_i + (1 - w_q) A^{g}_q,\\quad w_q = \\sigma\\big(k(H_q - b)\\big),\\quad A^g_q = \\frac{R^g_q - \\mathrm{mean}_B R^g}{\\mathrm{std}_B R^g}',
  paper: VARIANT_PAPERS.copo,
  watch:
    'adv/nonzero_frac and group/zero_adv_frac on parity (one-bit answers, so groups often agree): as GRPO learns, more groups are all-correct and go silent; reward/mean for whether the extra signal helps.',
  runs: [
    { label: 'GRPO', config: lm('parity', {}) },
    { label: 'COPO', config: lm('parity', { advantage: { id: 'copo' } }) },
  ],
  claim: {
    text: 'COPO trains on a larger share of steps with a non-zero advantage than GRPO',
    metric: 'adv/nonzero_frac',
    lastK: 5,
    higher: [['COPO', 'GRPO']],
  },
  mechanism: true,
  seeds: [1, 2],
  note:
    'Holds on seeds 1, 2 (last 5 updates): adv/nonzero_frac COPO 1.00 / 1.00 vs GRPO 0.53 / 0.68 (GRPO’s group/zero_adv_frac 0.48 / 0.33). The extra signal does not raise the reward within 20 updates: 0.569 / 0.503 vs GRPO’s 0.569 / 0.500. Also held on seeds 3, 4 (1.00 vs 0.82 / 0.93).',
};

/** Lessons of the papers family, in the order the gallery lists them. */
export const LESSONS: Lesson[] = [learningFromMistakes, clipHigher, shorterAnswers, bnpo, d3s, gtpo, empg, bapo, copo];
