import { useLabStore } from '../store/lab-store';
import { BanditBars } from './BanditBars';
import { CartPoleCanvas } from './CartPoleCanvas';

/** The right panel: what the selected run's current policy does in its environment. */
export function EnvView() {
  const run = useLabStore((s) => (s.selectedRunId ? s.runs[s.selectedRunId] : undefined));
  const sample = run?.sample;
  const means = run?.config.task.params.means;

  return (
    <div className="env-view" data-testid="env-view">
      <h2>Environment</h2>
      {!run && <p className="muted">The selected run's latest episode is replayed here.</p>}
      {run && (
        <div className="env-run">
          <span className="swatch" style={{ background: run.colour }} />
          <span className="run-label" title={run.label}>
            {run.label}
          </span>
        </div>
      )}
      {run && !sample && <p className="muted">waiting for the first episode…</p>}
      {run && sample && sample.task === 'cartpole' && (
        <>
          <CartPoleCanvas key={run.id} sample={sample} colour={run.colour} />
          <p className="env-caption">
            Episode return <strong data-testid="episode-return">{Math.round(sample.return)}</strong> with the policy
            of update {sample.step}; replayed at real time (τ = 0.02 s).
          </p>
        </>
      )}
      {run && sample && sample.task === 'bandit' && (
        <BanditBars sample={sample} colour={run.colour} means={Array.isArray(means) ? (means as number[]) : []} />
      )}
      {run && sample && sample.task !== 'cartpole' && sample.task !== 'bandit' && (
        <p className="muted">No view for task “{sample.task}” yet (return {formatReturn(sample.return)}).</p>
      )}
      {run?.error && (
        <p className="run-error">
          {run.error.stage} failed at update {run.error.step}: {run.error.message}
        </p>
      )}
    </div>
  );
}

function formatReturn(r: number): string {
  return Number.isFinite(r) ? r.toFixed(1) : String(r);
}
