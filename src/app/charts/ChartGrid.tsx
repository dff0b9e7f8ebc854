import { useShallow } from 'zustand/react/shallow';
import { selectRunList, useLabStore } from '../store/lab-store';
import { CHARTS } from './chart-specs';
import { MetricChart } from './MetricChart';

/** The centre panel: one chart per group of metrics, runs overlaid. */
export function ChartGrid() {
  const runs = useLabStore(useShallow(selectRunList));
  const metrics = useLabStore((s) => s.metrics);
  return (
    <div className="chart-grid">
      {CHARTS.filter((c) => !c.onlyWhen || runs.some((r) => metrics[r.id]?.has(c.onlyWhen as string))).map((spec) => (
        <MetricChart key={spec.id} spec={spec} runs={runs} metrics={metrics} />
      ))}
    </div>
  );
}
