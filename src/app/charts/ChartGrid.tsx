import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findLesson } from '../../experiments/lessons/lessons';
import { useLessonStore } from '../lessons/lesson-store';
import { useLabStore } from '../store/lab-store';
import { isActive, type RunView } from '../store/run-types';
import { CHARTS, chartFor, type ChartSpec } from './chart-specs';
import { MetricChart, type ChartRun } from './MetricChart';
import { MAX_POINTS, TRAINING_POINTS } from './downsample';

/**
 * What the charts draw of the runs, flat (mode, then id, label, colour, rows per run): with
 * useShallow it changes only when a chart's picture does, not when a run's sample, status or
 * step does.
 */
function chartFields(s: { order: string[]; runs: Record<string, RunView> }): (string | number)[] {
  const training = s.order.some((id) => {
    const st = s.runs[id]?.status;
    return st !== undefined && st !== 'paused' && isActive(st);
  });
  const out: (string | number)[] = [training ? 'training' : 'still'];
  for (const id of s.order) {
    const r = s.runs[id];
    if (r) out.push(r.id, r.label, r.colour, r.rows);
  }
  return out;
}

/**
 * The centre panel: one chart per group of metrics, runs overlaid. While a lesson is open, the
 * chart of its claim comes first and is marked (added for the lesson if the grid has none).
 */
export function ChartGrid() {
  const fields = useLabStore(useShallow(chartFields));
  const metrics = useLabStore((s) => s.metrics);
  const { runs, maxPoints, live } = useMemo(() => {
    const list: ChartRun[] = [];
    for (let i = 1; i + 3 < fields.length; i += 4) {
      list.push({ id: String(fields[i]), label: String(fields[i + 1]), colour: String(fields[i + 2]), rows: Number(fields[i + 3]) });
    }
    // Fewer points per line while runs train (cheaper redraws); full resolution once none does.
    return { runs: list, maxPoints: fields[0] === 'training' ? TRAINING_POINTS : MAX_POINTS, live: fields[0] === 'training' };
  }, [fields]);
  // The charts redraw in a deferred (interruptible, time-sliced) render rather than in the task
  // that brought the data, so React's part of a redraw is not one long task.
  const drawnRuns = useDeferredValue(runs);
  const drawnPoints = useDeferredValue(maxPoints);
  const drawnLive = useDeferredValue(live);
  const lessonId = useLessonStore((s) => s.lessonId);
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  const claim = lesson ? chartFor(lesson.claim.metric) : undefined;

  const shown = (c: ChartSpec) => !c.onlyWhen || drawnRuns.some((r) => metrics[r.id]?.has(c.onlyWhen as string));
  const specs = claim ? [claim.spec, ...CHARTS.filter((c) => c !== claim.spec)] : CHARTS;
  return (
    <div className="chart-grid">
      {specs.filter(shown).map((spec) => (
        <MetricChart
          key={spec.id}
          spec={spec}
          runs={drawnRuns}
          metrics={metrics}
          maxPoints={drawnPoints}
          live={drawnLive}
          claim={lesson && spec === claim?.spec ? lesson.claim.text : undefined}
        />
      ))}
    </div>
  );
}
