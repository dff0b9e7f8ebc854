import { RolloutInspector } from '../inspector/RolloutInspector';
import { useLabStore } from '../store/lab-store';
import { BanditBars } from './BanditBars';
import { CartPoleCanvas } from './CartPoleCanvas';
import { LatestMetrics } from './LatestMetrics';

/** The right panel: what the selected run's current policy does in its environment. */
export function EnvView() {
  const run = useLabStore((s) => (s.selectedRunId ? s.runs[s.selectedRunId] : undefined));
  const sample = run?.sample;
  const means = run?.config.task.params.means;
  const taskId = run?.config.task.id;
  const hasView = taskId === 'cartpole' || taskId === 'bandit';
  // Every task that is not a control task is a language task (and only those post rollouts).
  const isLanguage = !!run && (!hasView || run.rollouts !== undefined);

  return (
    <div className="env-view" data-testid="env-view">
      <h2>{isLanguage ? 'Rollouts' : 'Environment'}</h2>
      {!run && <p className="muted">The selected run's latest episode is replayed here.</p>}
      {run && (
        <div className="env-run">
          <span className="swatch" style={{ background: run.colour }} />
          <span className="run-label" title={run.label}>
            {run.label}
          </span>
        </div>
      )}
      {run && hasView && !isLanguage && !sample && <p className="muted">waiting for the first episode…</p>}
      {run && isLanguage && <RolloutInspector sample={run.rollouts} />}
      {run && sample && sample.task === 'cartpole' && (
        <>
          <CartPoleCanvas key={run.id} sample={sample} colour={run.colour} />
          <p className="env-caption">
            One episode of the current policy, replayed at real time (τ = 0.02 s); the next starts when it ends.
            Latest: return <strong data-testid="episode-return">{Math.round(sample.return)}</strong> at update{' '}
            {sample.step}.
          </p>
        </>
      )}
      {run && sample && sample.task === 'bandit' && (
        <BanditBars sample={sample} colour={run.colour} means={Array.isArray(means) ? (means as number[]) : []} />
      )}
      {run && <LatestMetrics runId={run.id} />}
      {run?.error && (
        <p className="run-error">
          {run.error.stage} failed at update {run.error.step}: {run.error.message}
        </p>
      )}
    </div>
  );
}
