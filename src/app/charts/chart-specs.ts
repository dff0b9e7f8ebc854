import type { MetricKey } from '../../engine/metrics/keys';

export interface SeriesSpec {
  key: MetricKey;
  /** Short name in the chart's style legend. */
  name: string;
  dashed?: boolean;
}

export interface ChartSpec {
  /** Used in data-testid="chart-<id>". */
  id: string;
  title: string;
  help: string;
  series: SeriesSpec[];
  /** A shaded [low, high] range drawn under the lines, per run. */
  band?: { low: MetricKey; high: MetricKey; name: string };
  /** Shown only once some run reports this key (language-task charts). */
  onlyWhen?: MetricKey;
  /** Y range; by default recharts' 'auto' on both ends. */
  yDomain?: [number | 'auto', number | 'auto' | ((dataMax: number) => number)];
}

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above v (a round axis top). */
function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= v - 1e-12) ?? 10) * p;
}

/** The centre panel's charts, in reading order. */
export const CHARTS: ChartSpec[] = [
  {
    id: 'episode/return_mean',
    title: 'Episode return',
    help: 'Mean return of the last 20 finished episodes',
    series: [{ key: 'episode/return_mean', name: 'return' }],
    onlyWhen: 'episode/return_mean',
  },
  {
    id: 'reward/mean',
    title: 'Batch reward',
    help: 'Mean reward per completion in the batch',
    series: [{ key: 'reward/mean', name: 'reward' }],
    onlyWhen: 'tokens',
  },
  {
    id: 'eval',
    title: 'Held-out pass rate',
    help: 'pass@1 and pass@k on held-out prompts (unbiased estimator)',
    series: [
      { key: 'eval/pass@1', name: 'pass@1' },
      { key: 'eval/pass@k', name: 'pass@k', dashed: true },
    ],
    onlyWhen: 'eval/pass@1',
    yDomain: [0, 1],
  },
  {
    id: 'policy/entropy',
    title: 'Policy entropy',
    help: 'Mean entropy of the action distribution over trained steps (nats)',
    series: [{ key: 'policy/entropy', name: 'entropy' }],
  },
  {
    id: 'adv',
    title: 'Advantage',
    help: 'Mean advantage (line) and its min–max range (band), before normalisation',
    series: [{ key: 'adv/mean', name: 'mean' }],
    band: { low: 'adv/min', high: 'adv/max', name: 'min–max' },
  },
  {
    id: 'clip',
    title: 'Clipped fraction',
    help: 'Share of steps whose ratio was clipped above (A>0) or below (A<0)',
    series: [
      { key: 'clip/frac_high', name: 'high' },
      { key: 'clip/frac_low', name: 'low', dashed: true },
    ],
    // A fraction: from 0, and a flat zero line (no clipping) stays at the bottom.
    yDomain: [0, (max) => niceCeil(Math.max(max, 0.05))],
  },
  {
    id: 'kl',
    title: 'KL divergence',
    help: 'k3 KL to the reference policy, and k1 KL from the policy that sampled the batch',
    series: [
      { key: 'kl/old', name: 'old' },
      { key: 'kl/ref', name: 'ref', dashed: true },
    ],
  },
  {
    id: 'grad/norm',
    title: 'Gradient norm',
    help: 'Global gradient norm before clipping',
    series: [{ key: 'grad/norm', name: 'grad norm' }],
  },
];

/**
 * Charts not in the grid for every run, added while a lesson whose claim is about their metric
 * is open.
 */
export const LESSON_CHARTS: Partial<Record<MetricKey, ChartSpec>> = {
  'adv/nonzero_frac': {
    id: 'adv/nonzero_frac',
    title: 'Share of samples with a non-zero advantage',
    help: 'Samples whose advantage is not zero; the others give no gradient',
    series: [{ key: 'adv/nonzero_frac', name: 'non-zero share' }],
    yDomain: [0, 1],
  },
  'time/update_s': {
    id: 'time/update_s',
    title: 'Seconds per update (update stage)',
    help: 'Wall time of the update stage: forward, backward and optimiser steps, without sampling or evaluation',
    series: [{ key: 'time/update_s', name: 'seconds' }],
    yDomain: [0, 'auto'],
  },
};

/** The grid's chart that draws `metric`, or one made for it (a lesson's claim is about it). */
export function chartFor(metric: string): { spec: ChartSpec; extra: boolean } {
  const drawn = CHARTS.find((c) => c.series.some((s) => s.key === metric) || c.band?.low === metric || c.band?.high === metric);
  if (drawn) return { spec: drawn, extra: false };
  const spec = LESSON_CHARTS[metric as MetricKey] ?? { id: metric, title: metric, help: metric, series: [{ key: metric as MetricKey, name: metric }] };
  return { spec, extra: true };
}
