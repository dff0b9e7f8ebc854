/**
 * The metric keys every run reports (DESIGN.md, "Metrics every run reports"). One name per
 * metric, the same in the UI, the CLI's JSON and CSV, and the tests.
 */
export const METRIC_KEYS = [
  'step',
  'wall_s',
  'env_steps',
  'reward/mean',
  'reward/std',
  'episode/return_mean',
  'episode/length_mean',
  'tokens',
  'eval/pass@1',
  'eval/pass@k',
  'eval/k',
  'completion/length_mean',
  'policy/entropy',
  'kl/ref',
  'kl/old',
  'clip/frac_low',
  'clip/frac_high',
  'ratio/mean',
  'ratio/max',
  'adv/mean',
  'adv/std',
  'adv/min',
  'adv/max',
  'group/zero_adv_frac',
  'adv/nonzero_frac',
  'select/keep_frac',
  'select/gen_rounds',
  'weight/mean',
  'cov/logp_adv',
  'grad/norm',
  'lr',
  'speed/env_steps_per_s',
  'speed/tokens_per_s',
  'time/update_s',
  'loss/policy',
  'loss/value',
  'loss/total',
  'value/explained_variance',
] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];
/** One row per update. A key a run cannot measure (no critic, no reference) is absent. */
export type MetricRow = Partial<Record<MetricKey, number>> & { step: number };
