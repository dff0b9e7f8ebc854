import { useShallow } from 'zustand/react/shallow';
import { selectRunList, useLabStore } from '../store/lab-store';
import { RunCard } from './RunCard';

/** The run cards, in start order; a click selects the run shown in the environment view. */
export function RunList() {
  const runs = useLabStore(useShallow(selectRunList));
  const selected = useLabStore((s) => s.selectedRunId);
  if (runs.length === 0) {
    return <div className="run-list empty">No runs yet: pick a preset on the left and press ▶ Start run. Start several to compare.</div>;
  }
  return (
    <div className="run-list">
      {runs.map((r) => (
        <RunCard key={r.id} run={r} selected={r.id === selected} />
      ))}
    </div>
  );
}
