import { formatCounter, formatNumber } from '../format';
import { runManager } from '../runs/run-manager';
import { useLabStore } from '../store/lab-store';
import { isActive, type RunView } from '../store/run-types';

/** One run: colour, label, status, progress, backend and why, throughput, error, controls. */
export function RunCard({ run, selected }: { run: RunView; selected: boolean }) {
  const envSpeed = useLabStore((s) => (run.rows ? s.metrics[run.id]?.latest('speed/env_steps_per_s') : undefined));
  const tokenSpeed = useLabStore((s) => (run.rows ? s.metrics[run.id]?.latest('speed/tokens_per_s') : undefined));
  const speed = envSpeed ?? tokenSpeed;
  const unit = envSpeed !== undefined ? 'steps/s' : 'tokens/s';
  const selectRun = useLabStore((s) => s.selectRun);
  const active = isActive(run.status);
  const backend = run.backend;

  return (
    <article
      className={`run-card status-${run.status}${selected ? ' selected' : ''}`}
      data-testid="run-card"
      data-run={run.id}
      data-status={run.status}
      data-backend={backend?.name ?? ''}
      data-step={run.step}
      onClick={() => selectRun(run.id)}
    >
      <div className="run-card-head">
        <span className="swatch" style={{ background: run.colour }} aria-hidden />
        <span className="run-label" title={run.label}>
          {run.label}
        </span>
        <span className={`status-badge ${run.status}`}>{run.status}</span>
      </div>
      <div className="run-card-body">
        <span className="counter" title="updates done / planned">
          {formatCounter(run.step)} <span className="muted">/ {run.totalUpdates}</span>
        </span>
        <span className="progress" aria-hidden>
          <span style={{ width: `${Math.min(100, (100 * run.step) / Math.max(1, run.totalUpdates))}%`, background: run.colour }} />
        </span>
        <span className="throughput">{speed !== undefined && Number.isFinite(speed) ? `${formatNumber(speed)} ${unit}` : ''}</span>
      </div>
      {run.error && (
        <div className="run-error" data-testid="run-error" role="alert">
          Failed in <strong>{run.error.stage}</strong> at update {run.error.step}: {run.error.message}
        </div>
      )}
      <div className="run-card-foot">
        <div className="backend" title={backend ? `${backend.reason}${backend.adapter ? ` — ${backend.adapter}` : ''}` : ''}>
          {backend ? (
            <>
              <strong>{backend.name}</strong> <span className="muted">{backend.reason}</span>
            </>
          ) : (
            <span className="muted">{run.status === 'failed' ? 'no backend' : 'backend: choosing…'}</span>
          )}
        </div>
        <div className="run-card-actions" onClick={(e) => e.stopPropagation()}>
          {run.status === 'running' || run.status === 'starting' ? (
            <button type="button" title="Pause this run" onClick={() => runManager.pause(run.id)} disabled={run.status === 'starting'}>
              ❚❚
            </button>
          ) : run.status === 'paused' ? (
            <button type="button" title="Resume this run" onClick={() => runManager.resume(run.id)}>
              ▶
            </button>
          ) : null}
          {active ? (
            <button type="button" data-testid="run-stop" title="Stop this run" onClick={() => runManager.stop(run.id)}>
              ■ Stop
            </button>
          ) : (
            <button type="button" data-testid="run-remove" title="Remove this run" onClick={() => runManager.remove(run.id)}>
              × Remove
            </button>
          )}
        </div>
      </div>
    </article>
  );
}
