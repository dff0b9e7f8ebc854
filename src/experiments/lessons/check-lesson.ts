import type { MetricRow } from '../../engine/metrics/keys';
import { parseRunConfig, formatConfigErrors } from '../../engine/config/schema';
import type { Lesson } from './lesson';

export interface LessonCheckResult {
  lesson: string;
  claim: string;
  metric: string;
  seeds: number[];
  /** value[label][seed index]: the reduced metric of each run on each seed. */
  values: Record<string, number[]>;
  /** For each "a > b" pair, on how many seeds it held. */
  pairs: { higher: string; lower: string; held: number; of: number }[];
  /** Every pair held on every seed. */
  held: boolean;
  mechanism: boolean;
}

/** Mean of the last k present values of one metric. */
export function reduceCurve(rows: MetricRow[], metric: string, lastK: number): number {
  const xs = rows.map((r) => (r as Record<string, number | undefined>)[metric]).filter((v): v is number => v !== undefined && Number.isFinite(v));
  const tail = xs.slice(-lastK);
  return tail.length ? tail.reduce((a, b) => a + b, 0) / tail.length : NaN;
}

/**
 * Runs every run of a lesson on each seed with `runRows` (the CLI runs them in Node) and measures
 * the claim's direction.
 */
export async function checkLesson(
  lesson: Lesson,
  seeds: number[],
  runRows: (config: ReturnType<typeof parseOrThrow>) => Promise<MetricRow[]>,
  opts: { updates?: number; onRun?: (label: string, seed: number, value: number) => void } = {},
): Promise<LessonCheckResult> {
  const values: Record<string, number[]> = {};
  for (const run of lesson.runs) {
    values[run.label] = [];
    for (const seed of seeds) {
      const raw = structuredClone(run.config);
      raw.seed = seed;
      if (opts.updates) raw.schedule = { ...raw.schedule, updates: opts.updates };
      // Held-out evaluation costs as much as training here; skip it unless the claim is about it.
      if (!lesson.claim.metric.startsWith('eval/')) raw.schedule = { ...raw.schedule, evalEvery: 0 };
      const rows = await runRows(parseOrThrow(raw));
      const v = reduceCurve(rows, lesson.claim.metric, lesson.claim.lastK);
      values[run.label].push(v);
      opts.onRun?.(run.label, seed, v);
    }
  }
  const pairs = lesson.claim.higher.map(([a, b]) => ({
    higher: a,
    lower: b,
    held: seeds.filter((_, i) => values[a][i] > values[b][i]).length,
    of: seeds.length,
  }));
  return {
    lesson: lesson.id,
    claim: lesson.claim.text,
    metric: lesson.claim.metric,
    seeds,
    values,
    pairs,
    held: pairs.every((p) => p.held === p.of),
    mechanism: lesson.mechanism,
  };
}

function parseOrThrow(raw: unknown) {
  const r = parseRunConfig(raw);
  if (!r.ok) throw new Error(formatConfigErrors(r.errors));
  return r.config;
}
