import type { MetricKey } from '../../engine/metrics/keys';
import { formatNumber } from '../format';
import { useLabStore } from '../store/lab-store';

const ROWS: { key: MetricKey; label: string }[] = [
  { key: 'step', label: 'update' },
  { key: 'env_steps', label: 'env steps' },
  { key: 'tokens', label: 'tokens' },
  { key: 'wall_s', label: 'wall time (s)' },
  { key: 'episode/return_mean', label: 'return (last 20)' },
  { key: 'episode/length_mean', label: 'episode length' },
  { key: 'reward/mean', label: 'batch reward' },
  { key: 'eval/pass@1', label: 'held-out pass@1' },
  { key: 'eval/pass@k', label: 'held-out pass@k' },
  { key: 'policy/entropy', label: 'entropy' },
  { key: 'kl/old', label: 'KL old→new' },
  { key: 'kl/ref', label: 'KL to reference' },
  { key: 'ratio/max', label: 'max ratio' },
  { key: 'value/explained_variance', label: 'explained variance' },
  { key: 'lr', label: 'learning rate' },
  { key: 'speed/env_steps_per_s', label: 'env steps / s' },
  { key: 'speed/tokens_per_s', label: 'tokens / s' },
];

/** The selected run's latest value of each headline metric. */
export function LatestMetrics({ runId }: { runId: string }) {
  // `rows` changes with every refresh, so the table re-reads the buffer then.
  const rows = useLabStore((s) => s.runs[runId]?.rows ?? 0);
  const buf = useLabStore((s) => s.metrics[runId]);
  if (!buf || rows === 0) return null;
  const shown = ROWS.map((r) => ({ ...r, value: buf.latest(r.key) })).filter((r) => r.value !== undefined);
  return (
    <table className="latest-metrics" data-testid="latest-metrics">
      <caption>Latest metrics</caption>
      <tbody>
        {shown.map((r) => (
          <tr key={r.key} title={r.key}>
            <th scope="row">{r.label}</th>
            <td>{formatNumber(r.value as number)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
