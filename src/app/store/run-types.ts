import type { RunConfig } from '../../engine/config/schema';
import type { EpisodeSample, RolloutGroupSample, RunEvent, RunStatus } from '../../workers/protocol';

export type { RunStatus, EpisodeSample, RolloutGroupSample };

/** What the worker reports about the backend it runs on (name, requested, reason). */
export type BackendReport = NonNullable<Extract<RunEvent, { type: 'status' }>['backend']>;

export interface RunError {
  stage: string;
  step: number;
  message: string;
}

/** One run as the UI sees it. Its metrics live in a MetricBuffer beside it. */
export interface RunView {
  id: string;
  label: string;
  colour: string;
  config: RunConfig;
  status: RunStatus;
  step: number;
  totalUpdates: number;
  backend?: BackendReport;
  error?: RunError;
  sample?: EpisodeSample;
  /** Language runs: the latest group of completions, token by token (the rollout inspector). */
  rollouts?: RolloutGroupSample;
  /** Rows in the metric buffer when the views were last refreshed (changes trigger redraws). */
  rows: number;
}

export const ACTIVE_STATUSES: readonly RunStatus[] = ['starting', 'running', 'paused'];

export function isActive(status: RunStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}
