import { formatNumber } from '../format';
import type { EpisodeSample } from '../store/run-types';

/** The policy's probability of pulling each arm, beside each arm's mean reward. */
export function BanditBars({ sample, means, colour }: { sample: EpisodeSample; means: number[]; colour: string }) {
  const best = means.length ? means.indexOf(Math.max(...means)) : -1;
  return (
    <div className="bandit-bars" data-testid="bandit-bars">
      {sample.startProbs.map((p, arm) => (
        <div className={`bandit-arm${arm === best ? ' best' : ''}`} key={arm}>
          <span className="arm-name">
            arm {arm + 1}
            {means[arm] !== undefined && <span className="muted"> μ {formatNumber(means[arm])}</span>}
          </span>
          <span className="bar-track">
            <span className="bar" style={{ width: `${(100 * p).toFixed(1)}%`, background: colour }} />
          </span>
          <span className="prob">{(100 * p).toFixed(0)}%</span>
        </div>
      ))}
      <p className="muted small">π(arm) at update {sample.step}; the best arm is in bold.</p>
    </div>
  );
}
