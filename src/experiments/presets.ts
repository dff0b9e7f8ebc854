import type { RunConfigInput } from '../engine/config/schema';

export interface Preset {
  id: string;
  title: string;
  /** What the preset shows, in a sentence or two. */
  description: string;
  config: RunConfigInput;
}

/** PPO with the SB3 Zoo's tuned CartPole-v1 settings (hyperparams/ppo.yml): 500 at 100k steps. */
const cartpolePpoZoo: Preset = {
  id: 'cartpole-ppo',
  title: 'PPO on CartPole (SB3 Zoo settings)',
  description:
    '8 envs × 32 steps, 20 epochs of one 256-step minibatch, γ 0.98, λ 0.8, lr and clip annealed linearly from 1e-3 and 0.2. The Zoo reaches 500 within 100k steps.',
  config: {
    name: 'PPO (Zoo)',
    seed: 1,
    task: { id: 'cartpole' },
    policy: { hidden: [64, 64], activation: 'tanh' },
    stages: {
      sample: { id: 'vector-rollout', params: { numEnvs: 8, numSteps: 32 } },
      advantage: { id: 'gae', params: { gamma: 0.98, lambda: 0.8, bootstrapTruncated: true } },
      surrogate: { id: 'ppo-clip', params: { clipRatioLow: 0.2, clipRatioHigh: 0.2, clipSchedule: 'linear' } },
      aggregate: { id: 'token-mean' },
      regularise: [],
      update: {
        id: 'adam',
        params: { lr: 1e-3, lrSchedule: 'linear', epochs: 20, minibatches: 1, maxGradNorm: 0.5, normAdvantages: 'minibatch', vfCoef: 0.5, clipVloss: false },
      },
    },
    schedule: { updates: 586 }, // 586 × 256 ≈ 150k env steps
  },
};

/** CleanRL ppo.py defaults, 500k steps (its README: 490 ± 6 on CartPole-v1). */
const cartpolePpoCleanrl: Preset = {
  id: 'cartpole-ppo-cleanrl',
  title: 'PPO on CartPole (CleanRL defaults)',
  description:
    'CleanRL ppo.py as published: 4 envs × 128 steps, 4 epochs × 4 minibatches, lr 2.5e-4 annealed, entropy 0.01, value clipping. A long run: 976 updates, 500k steps.',
  config: {
    name: 'PPO (CleanRL)',
    seed: 1,
    task: { id: 'cartpole' },
    stages: {
      sample: { id: 'vector-rollout', params: { numEnvs: 4, numSteps: 128 } },
      advantage: { id: 'gae', params: { gamma: 0.99, lambda: 0.95 } },
      surrogate: { id: 'ppo-clip', params: { clipRatioLow: 0.2, clipRatioHigh: 0.2 } },
      regularise: [{ id: 'entropy-bonus', params: { coef: 0.01 } }],
      update: { id: 'adam', params: { lr: 2.5e-4, lrSchedule: 'linear', epochs: 4, minibatches: 4, clipVloss: true } },
    },
    schedule: { updates: 976 },
  },
};

const cartpoleReinforce: Preset = {
  id: 'cartpole-reinforce',
  title: 'REINFORCE on CartPole',
  description:
    'Reward-to-go with a batch-mean baseline, normalised, 16 whole episodes per update, one gradient step each.',
  config: {
    name: 'REINFORCE',
    seed: 1,
    task: { id: 'cartpole' },
    stages: {
      sample: { id: 'episodes', params: { episodes: 16, parallel: 16 } },
      advantage: { id: 'reward-to-go', params: { gamma: 0.99, baseline: 'batch-mean', normalize: true } },
      surrogate: { id: 'vanilla-pg' },
      aggregate: { id: 'token-mean' },
      update: { id: 'adam', params: { lr: 3e-3, epochs: 1, minibatches: 1, normAdvantages: 'none', maxGradNorm: 0.5 } },
    },
    schedule: { updates: 150 },
  },
};

const cartpoleActorCritic: Preset = {
  id: 'cartpole-a2c',
  title: 'Actor-critic with GAE on CartPole',
  description: 'A learned critic gives GAE advantages; one gradient step per rollout (A2C-style), 8 envs × 16 steps.',
  config: {
    name: 'A2C (GAE)',
    seed: 1,
    task: { id: 'cartpole' },
    stages: {
      sample: { id: 'vector-rollout', params: { numEnvs: 8, numSteps: 16 } },
      advantage: { id: 'gae', params: { gamma: 0.99, lambda: 0.95 } },
      surrogate: { id: 'vanilla-pg' },
      regularise: [{ id: 'entropy-bonus', params: { coef: 0.0 } }],
      update: { id: 'adam', params: { lr: 1e-3, epochs: 1, minibatches: 1, normAdvantages: 'none', clipVloss: false } },
    },
    schedule: { updates: 800 },
  },
};

const cartpoleGrpo: Preset = {
  id: 'cartpole-grpo',
  title: 'GRPO on CartPole',
  description:
    'No critic: 4 start states × G = 8 episodes each; every episode is scored against its own group (mean/std of returns); PPO clip; k3 KL to the initial policy.',
  config: {
    name: 'GRPO',
    seed: 1,
    task: { id: 'cartpole' },
    stages: {
      sample: { id: 'group-episodes', params: { groups: 4, groupSize: 8 } },
      advantage: { id: 'grpo', params: { scaleRewards: 'group' } },
      surrogate: { id: 'ppo-clip', params: { clipRatioLow: 0.2, clipRatioHigh: 0.2 } },
      aggregate: { id: 'token-mean' },
      regularise: [{ id: 'kl-ref', params: { beta: 0.0, estimator: 'k3' } }],
      update: { id: 'adam', params: { lr: 3e-3, epochs: 4, minibatches: 4, normAdvantages: 'none', maxGradNorm: 0.5 } },
    },
    schedule: { updates: 150 },
  },
};

const banditReinforce: Preset = {
  id: 'bandit-reinforce',
  title: 'REINFORCE on a 5-armed bandit',
  description: 'The first lesson: one action per episode; the policy learns to prefer the arm that pays most.',
  config: {
    name: 'Bandit REINFORCE',
    seed: 1,
    task: { id: 'bandit', params: { means: [0.2, 0.5, 0.1, 0.8, 0.3], noise: 0.1 } },
    stages: {
      sample: { id: 'episodes', params: { episodes: 32, parallel: 32 } },
      advantage: { id: 'reward-to-go', params: { gamma: 1, baseline: 'batch-mean' } },
      surrogate: { id: 'vanilla-pg' },
      update: { id: 'adam', params: { lr: 0.002, epochs: 1, minibatches: 1, normAdvantages: 'none', maxGradNorm: 0 } },
    },
    schedule: { updates: 100 },
  },
};

/** Shared defaults of the language presets: Q 16 prompts × G 8 completions from the base checkpoint. */
function languagePreset(
  id: string,
  title: string,
  description: string,
  task: string,
  stages: Partial<RunConfigInput['stages']>,
  updates = 60,
): Preset {
  return {
    id,
    title,
    description,
    config: {
      name: title,
      seed: 1,
      task: { id: task },
      policy: { init: 'checkpoint', prefixMode: 'shared-prefix' },
      stages: {
        sample: { id: 'group-prompts', params: { prompts: 16, groupSize: 8, temperature: 1 } },
        advantage: { id: 'grpo', params: { scaleRewards: 'group' } },
        surrogate: { id: 'ppo-clip', params: { clipRatioLow: 0.2, clipRatioHigh: 0.2 } },
        aggregate: { id: 'token-mean' },
        regularise: [{ id: 'kl-ref', params: { beta: 0.04, estimator: 'k3' } }],
        update: { id: 'adam', params: { lr: 5e-4, epochs: 1, minibatches: 2, normAdvantages: 'none', maxGradNorm: 1 } },
        ...stages,
      },
      schedule: { updates, evalEvery: 10, evalPrompts: 32, evalSamples: 16, evalK: 16 },
    },
  };
}

const lmReverseGrpo = languagePreset(
  'lm-reverse-grpo',
  'GRPO on reverse',
  'A tiny transformer, pre-trained on noisy demonstrations, learns to reverse strings from a binary reward.',
  'reverse',
  {},
);
const lmAddGrpo = languagePreset('lm-add-grpo', 'GRPO on addition', 'Two-digit addition from a binary reward.', 'add', {});
const lmSortDapo = languagePreset(
  'lm-sort-dapo',
  'DAPO on sort',
  "DAPO's clip-higher (ε_high 0.28), dynamic sampling (groups whose completions all score the same are dropped and more prompts drawn), token-mean loss, no KL.",
  'sort',
  {
    sample: { id: 'group-prompts', params: { prompts: 16, groupSize: 8, temperature: 1, dynamicSampling: true, maxRounds: 10 } },
    surrogate: { id: 'ppo-clip', params: { clipRatioLow: 0.2, clipRatioHigh: 0.28 } },
    aggregate: { id: 'token-mean' },
    regularise: [],
  },
);
const lmParityDrGrpo = languagePreset(
  'lm-parity-drgrpo',
  'Dr. GRPO on parity',
  "Dr. GRPO: no division by the group's std, and a constant length normaliser instead of each completion's length.",
  'parity',
  {
    advantage: { id: 'grpo', params: { scaleRewards: 'none' } },
    aggregate: { id: 'seq-mean-token-sum-norm' },
    regularise: [],
  },
);
const lmCountGrpo = languagePreset('lm-count-grpo', 'GRPO on count', 'Count how often a letter occurs in a string.', 'count', {});
const lmPalindromeGrpo = languagePreset('lm-palindrome-grpo', 'GRPO on palindrome', 'Say whether a string reads the same backwards (1) or not (0).', 'palindrome', {});
const lmCountdownGrpo = languagePreset('lm-countdown-grpo', 'GRPO on countdown', 'Reach a target with + − × and the given numbers.', 'countdown', {});

const lmCalcTools = languagePreset(
  'lm-calc-tools',
  'GRPO with a calculator tool (SimpleTIR)',
  'Multi-turn: the model writes a call such as #23*41=, the calculator appends 943, the model answers >950. Tool output is masked from the loss, and so are trajectories with a void turn.',
  'calc',
  { sample: { id: 'tool-turns', params: { prompts: 16, groupSize: 8, temperature: 1, maskVoidTurns: true } } },
);

export const PRESETS: Preset[] = [
  cartpolePpoZoo,
  cartpoleReinforce,
  cartpoleGrpo,
  cartpoleActorCritic,
  cartpolePpoCleanrl,
  banditReinforce,
  lmReverseGrpo,
  lmAddGrpo,
  lmSortDapo,
  lmParityDrGrpo,
  lmCountdownGrpo,
  lmCountGrpo,
  lmPalindromeGrpo,
  lmCalcTools,
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
