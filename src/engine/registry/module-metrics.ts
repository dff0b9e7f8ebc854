/**
 * A stage instance may report numbers of its own after each update (BAPO's bounds, the adaptive
 * entropy coefficient, ...). Keys follow the `group/name` form and land in the run's metric rows.
 */
export interface ReportsMetrics {
  metrics(): Record<string, number>;
}

export function moduleMetrics(instances: unknown[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const inst of instances) {
    const m = (inst as Partial<ReportsMetrics> | null)?.metrics;
    if (typeof m === 'function') Object.assign(out, m.call(inst));
  }
  return out;
}
