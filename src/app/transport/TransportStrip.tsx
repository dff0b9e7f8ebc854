import { useShallow } from 'zustand/react/shallow';
import { formatConfigErrors } from '../../engine/config/schema';
import { useDraftStore } from '../editor/draft-store';
import { runManager } from '../runs/run-manager';
import { selectRunList, useLabStore, type Speed } from '../store/lab-store';

const SPEEDS: { value: string; speed: Speed; label: string }[] = [
  { value: '1', speed: 1, label: '1 update/s' },
  { value: '5', speed: 5, label: '5 updates/s' },
  { value: '20', speed: 20, label: '20 updates/s' },
  { value: 'max', speed: null, label: 'max speed' },
];

/** Start, pause, resume, step, reset and speed, for every run at once. */
export function TransportStrip() {
  const result = useDraftStore((s) => s.result);
  const presetId = useDraftStore((s) => s.presetId);
  const runs = useLabStore(useShallow(selectRunList));
  const speed = useLabStore((s) => s.speed);
  const errorCount = result.ok ? 0 : result.errors.length;
  const anyRunning = runs.some((r) => r.status === 'running' || r.status === 'starting');
  const anyPaused = runs.some((r) => r.status === 'paused');
  const anyActive = anyRunning || anyPaused;

  return (
    <div className="transport" role="toolbar" aria-label="Transport">
      <button
        type="button"
        className="primary start"
        data-testid="start-button"
        disabled={!result.ok}
        title={result.ok ? 'Start a new run with the config on the left' : 'Fix the config errors first'}
        onClick={() => {
          if (result.ok) runManager.start(result.config, presetId);
        }}
      >
        ▶ Start run
      </button>
      <button type="button" data-testid="pause-button" disabled={!anyRunning} onClick={() => runManager.pause()}>
        ❚❚ Pause
      </button>
      <button type="button" data-testid="resume-button" disabled={!anyPaused} onClick={() => runManager.resume()}>
        ▶ Resume
      </button>
      <button
        type="button"
        data-testid="step-button"
        disabled={!anyActive}
        title="One more update on each run, then pause"
        onClick={() => runManager.step()}
      >
        ⇥ Step
      </button>
      <button
        type="button"
        data-testid="reset-button"
        disabled={runs.length === 0}
        title="Stop and remove every run"
        onClick={() => runManager.reset()}
      >
        ⟲ Reset
      </button>
      <label className="speed">
        Speed
        <select
          data-testid="speed-select"
          value={SPEEDS.find((s) => s.speed === speed)?.value ?? 'max'}
          onChange={(e) => runManager.setSpeed(SPEEDS.find((s) => s.value === e.target.value)?.speed ?? null)}
        >
          {SPEEDS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <span
        className={`config-state${errorCount ? ' bad' : ''}`}
        data-testid="config-state"
        title={result.ok ? undefined : formatConfigErrors(result.errors)}
      >
        {errorCount ? `${errorCount} config error${errorCount > 1 ? 's' : ''}: fix the fields in red` : 'config valid'}
      </span>
    </div>
  );
}
