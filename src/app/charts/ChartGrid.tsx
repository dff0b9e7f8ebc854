import { useShallow } from 'zustand/react/shallow';
import { findLesson } from '../../experiments/lessons/lessons';
import { useLessonStore } from '../lessons/lesson-store';
import { selectRunList, useLabStore } from '../store/lab-store';
import { CHARTS, chartFor, type ChartSpec } from './chart-specs';
import { MetricChart } from './MetricChart';

/**
 * The centre panel: one chart per group of metrics, runs overlaid. While a lesson is open, the
 * chart of its claim comes first and is marked (added for the lesson if the grid has none).
 */
export function ChartGrid() {
  const runs = useLabStore(useShallow(selectRunList));
  const metrics = useLabStore((s) => s.metrics);
  const lessonId = useLessonStore((s) => s.lessonId);
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  const claim = lesson ? chartFor(lesson.claim.metric) : undefined;

  const shown = (c: ChartSpec) => !c.onlyWhen || runs.some((r) => metrics[r.id]?.has(c.onlyWhen as string));
  const specs = claim ? [claim.spec, ...CHARTS.filter((c) => c !== claim.spec)] : CHARTS;
  return (
    <div className="chart-grid">
      {specs.filter(shown).map((spec) => (
        <MetricChart
          key={spec.id}
          spec={spec}
          runs={runs}
          metrics={metrics}
          claim={lesson && spec === claim?.spec ? lesson.claim.text : undefined}
        />
      ))}
    </div>
  );
}
