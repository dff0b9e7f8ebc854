import type { RunConfigInput } from '../../engine/config/schema';
import type { MetricKey } from '../../engine/metrics/keys';
import type { PaperRef } from '../../engine/registry/module';

/**
 * A lesson: two or more runs opened side by side on the same seeds, the idea they show, and a
 * claim that `npm run lab -- check <id>` measures on fixed seeds.
 */
export interface Lesson {
  id: string;
  title: string;
  /** The idea, in two sentences. */
  idea: string;
  formula: string;
  paper: PaperRef;
  /** What to watch, on which chart. */
  watch: string;
  runs: { label: string; config: RunConfigInput }[];
  claim: LessonClaim;
  /**
   * A mechanism must hold on its default seeds (the check fails otherwise); other lessons
   * report honestly what this scale shows.
   */
  mechanism: boolean;
  /** Seeds the check uses by default. */
  seeds: number[];
  /** What this lab measured, in words, where it differs from the paper's claim. */
  note?: string;
}

export interface LessonClaim {
  text: string;
  /** A standard key, or a module metric such as "bapo/clip_high". */
  metric: MetricKey | (string & {});
  /** How a run's curve becomes one number: the mean over its last k values that are present. */
  lastK: number;
  /** Pairs of run labels: the first's number should be higher than the second's. */
  higher: [string, string][];
}
