import type { Lesson } from '../lesson';
import { lm } from '../lm-run';
import { SPARK_PAPER } from '../../../engine/stages/sample/spark/papers';
import { TEXT2GRAD_PAPER } from '../../../engine/stages/shape/variants/text2grad/papers';

const text2grad: Lesson = {
  id: 'text2grad',
  title: 'Token rewards from a critic',
  idea:
    'An outcome reward only says that an answer is wrong, so GRPO pushes every token of it down together. Text2Grad turns a critique into per-token rewards (+1 on right spans, −1 on criticised ones), so the push lands on the tokens that were wrong; here a programmatic critic compares each letter with the reversed string.',
  formula: 'r_t = \\delta_t \\in \\{+1, 0, -1\\},\\quad A_t = \\textstyle\\sum_{k \\ge t} r_k \\;\\;(\\gamma = 1)\\quad \\text{vs}\\quad A_t = \\frac{R - \\mathrm{mean}(R)}{\\mathrm{std}(R)}',
  paper: TEXT2GRAD_PAPER,
  watch:
    'eval/pass@1 and reward/mean: the token-reward run climbs faster; text2grad/neg_token_frac, the share of criticised tokens, falls; in the rollout inspector its advantages change from token to token where GRPO’s are one number per completion.',
  runs: [
    { label: 'GRPO', config: lm('reverse', {}) },
    { label: 'Text2Grad', config: lm('reverse', { shape: [{ id: 'text2grad' }], advantage: { id: 'reward-to-go', params: { gamma: 1 } } }) },
  ],
  claim: {
    text: 'After 20 updates token-level rewards give a higher held-out pass@1 than the outcome reward',
    metric: 'eval/pass@1',
    lastK: 1,
    higher: [['Text2Grad', 'GRPO']],
  },
  mechanism: false,
  seeds: [1, 2],
  note:
    'Measured here (pass@1 after 20 updates, base 0.12–0.14): Text2Grad 0.80 / 0.80 / 0.83 against GRPO 0.58 / 0.53 / 0.23 on seeds 1 / 2 / 3. The critic is exact (it knows the canonical answer), unlike the paper’s learned span model, and its returns (up to 5) are larger than GRPO’s advantages, so this is an upper bound on what critique-derived token rewards can give, not the paper’s setting.',
};

const spark: Lesson = {
  id: 'spark',
  title: 'The policy as its own judge',
  idea:
    'RLVR throws away each rollout and its verdict after the update. SPARK reuses them: the same model is also asked “is this answer right?” about its own verified rollouts and rewarded when it agrees with the verifier, so one model learns to solve and to judge.',
  formula: 'x^{J} = (q,\\, o_j,\\, \\texttt{?}),\\quad R(v) = \\mathbb{1}[v = \\texttt{y} \\Leftrightarrow o_j \\text{ correct}],\\quad \\#J = \\mathrm{round}(\\varphi Q)',
  paper: SPARK_PAPER,
  watch:
    'spark/judge_valid (share of verdicts that are y or n) and spark/judge_acc: whether the judge learns its format at all; eval/pass@1 and spark/task_reward for the policy (reward/mean mixes in the verdicts’ rewards).',
  runs: [
    { label: 'GRPO', config: lm('reverse', {}) },
    { label: 'SPARK φ=0.25', config: lm('reverse', { sample: { id: 'spark', params: { prompts: 8, groupSize: 8, auxFraction: 0.25 } } }) },
    { label: 'SPARK φ=1', config: lm('reverse', { sample: { id: 'spark', params: { prompts: 8, groupSize: 8, auxFraction: 1 } } }) },
  ],
  claim: {
    text: 'Judging its own rollouts makes the policy better: SPARK’s held-out pass@1 after 20 updates is above GRPO’s',
    metric: 'eval/pass@1',
    lastK: 1,
    higher: [
      ['SPARK φ=0.25', 'GRPO'],
      ['SPARK φ=1', 'GRPO'],
    ],
  },
  mechanism: false,
  seeds: [1, 2],
  note:
    'The paper’s gain does not show here: pass@1 after 20 updates on seeds 1 / 2 is GRPO 0.58 / 0.53, SPARK φ=0.25 0.50 / 0.50, SPARK φ=1 0.52 / 0.52. The base checkpoint has never seen a judge prompt, so y/n verdicts start as accidents and the verdict competes with the task’s first letter for the same output: with φ = 0.25 the judge never learns its format (judge_acc over the last 5 updates 0.10 / 0.00), with φ = 1 it starts to on one seed (0.04 / 0.29; judge_valid 0.06 / 0.53). With φ = 1 and seq-mean-token-mean aggregation (seed 1) the loop ran backwards: the policy stopped solving (pass@1 0.0) and “always n” became a perfect judge (judge_acc 1.0).',
};

/** Lessons of the critics family, in the order the gallery lists them. */
export const LESSONS: Lesson[] = [text2grad, spark];
