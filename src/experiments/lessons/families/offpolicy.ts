import type { Lesson } from '../lesson';
import { lm } from '../lm-run';
import { OFFPOLICY_PAPERS } from '../../../engine/stages/sample/offpolicy/papers';

const UPDATES = 20;

/**
 * ReMix against GRPO at the same batch size (8 groups per update) and about the same number of
 * sampled groups: ReMix samples 8 on the first update, 4 fresh + 4 replayed until T_r (update 10),
 * then 8 fresh on-policy: 8 + 9·4 + 10·8 = 124 groups in 20 updates; GRPO samples 8 per update,
 * 120 in 15 updates.
 */
const GRPO_UPDATES = 15;

const remix: Lesson = {
  id: 'remix',
  title: 'Reusing last updates’ rollouts',
  idea:
    'ReMix trains on a mix of fresh groups and groups replayed from the last K policy versions, correcting with the ratio to the policy that drew each token and holding the policy near both the base and the previous policy. Half-way it reincarnates: the current model becomes the base, the buffer is dropped and training goes on-policy.',
  formula:
    'r_{i,t} = \\frac{\\pi_\\theta(o_{i,t}\\mid s_{i,t})}{\\mu(o_{i,t}\\mid s_{i,t})},\\; \\mathcal{L} \\mathrel{+}= \\beta\\big[\\lambda\\,\\mathrm{KL}(\\pi_\\theta\\|\\pi_{base}) + (1-\\lambda)\\,\\mathrm{KL}(\\pi_\\theta\\|\\pi_{k-1})\\big]',
  paper: OFFPOLICY_PAPERS.remix,
  watch:
    'tokens: the two runs sample about as many. remix/replay_frac is 0.5 until update 10, then 0; kl/old and ratio/max are larger while half the batch is replayed than after the reincarnation. eval/pass@1 at the end of each run.',
  runs: [
    { label: 'GRPO (15 updates)', config: lm('reverse', {}, { updates: GRPO_UPDATES }) },
    {
      label: 'ReMix',
      config: lm(
        'reverse',
        {
          sample: { id: 'remix', params: { prompts: 8, groupSize: 8, replayFrac: 0.5, bufferVersions: 2, reincarnateAt: 0.5 } },
          regularise: [{ id: 'kl-convex', params: { beta: 1e-3, lambda: 0.5, reincarnateAt: 0.5 } }],
        },
        { updates: UPDATES },
      ),
    },
  ],
  claim: {
    text: 'At about the same number of sampled completions, ReMix ends with a higher held-out pass@1 than GRPO',
    metric: 'eval/pass@1',
    lastK: 1,
    higher: [['ReMix', 'GRPO (15 updates)']],
  },
  mechanism: false,
  seeds: [1, 2, 3],
  note:
    'Measured here (seeds 1–3): ReMix ends at pass@1 0.500 / 0.516 / 0.477, GRPO after 15 updates of the same batch size at 0.508 / 0.344 / 0.086, with about the same sampled tokens (5835 vs 5621 on seed 1). It holds on seeds 2 and 3, not on seed 1; the gap comes mostly from GRPO runs that drift after their first updates (seed 3: 0.039 at update 10), not from a steady gain, and the paper’s 30–450× saving in rollouts is not something 20 updates can show.',
};

/** A-LoL and its reference-free ablation, each from one offline dataset of the base model's answers. */
const alolRun = (mode: 'seq' | 'ref-free') =>
  lm(
    'reverse',
    {
      sample: { id: 'alol-offline', params: { poolPrompts: 32, k: 8, batchSize: 16, priority: 'advantage' } },
      // The sampler fixes each response's advantage (A⁺ = R − V); the advantage stage's output is replaced.
      advantage: { id: 'reward-to-go' },
      surrogate: { id: 'alol', params: { mode, epsilon: 0.9 } },
      aggregate: { id: 'seq-mean-token-sum' },
    },
    { updates: UPDATES },
  );

const alol: Lesson = {
  id: 'alol',
  title: 'Learning from leftovers, offline',
  idea:
    'A-LoL samples the base model once, scores the answers, and keeps only those that beat the prompt’s value V(x): the “leftover lunch”. It then trains on that fixed set alone, weighting each answer’s likelihood by its advantage and a clipped importance ratio to the base model.',
  formula:
    '\\mathcal{L} = -\\mathbb{E}_{(x,y)\\sim D,\\,A>0}\\Big[A^{+}\\,\\mathrm{clip}\\Big(\\tfrac{\\pi_\\theta(y|x)}{\\pi_{ref}(y|x)}, 1-\\epsilon, 1+\\epsilon\\Big)\\log\\pi_\\theta(y|x)\\Big],\\; A^{+} = \\max(R - V(x), 0)',
  paper: OFFPOLICY_PAPERS.alol,
  watch:
    'tokens stays flat after the first update: A-LoL never samples again once the dataset is built (256 completions here against GRPO’s 1280). alol/leftover_frac is the share of the dataset with A > 0; alol/ratio_mean climbs from 1 to the clip 1.9 as π_θ leaves π_ref; reward/mean of the A-LoL runs is that of the dataset answers they train on (all correct), not of the policy; eval/pass@1 is.',
  runs: [
    { label: 'A-LoL', config: alolRun('seq') },
    { label: 'A-LoL ref-free', config: alolRun('ref-free') },
    { label: 'GRPO', config: lm('reverse', {}, { updates: UPDATES }) },
  ],
  claim: {
    text: 'Trained only on the base model’s own answers that beat V(x), A-LoL ends with a higher held-out pass@1 than GRPO and than its reference-free ablation',
    metric: 'eval/pass@1',
    lastK: 1,
    higher: [
      ['A-LoL', 'GRPO'],
      ['A-LoL', 'A-LoL ref-free'],
    ],
  },
  mechanism: false,
  seeds: [1],
  note:
    'Measured here (seeds 1–3, base pass@1 0.117 / 0.141 / 0.102): A-LoL 0.953 / 0.930 / 0.719, A-LoL ref-free 0.945 / 0.914 / 0.680, GRPO 0.578 / 0.531 / 0.234. With 0/1 rewards A > 0 only for correct answers (10–19% of the dataset), so A-LoL is here a weighted fine-tuning on the base model’s own correct answers; the clipped ratio adds 0.01–0.04 over the ref-free ablation, a small margin at this scale.',
};

/** Lessons of the offpolicy family, in the order the gallery lists them. */
export const LESSONS: Lesson[] = [remix, alol];
