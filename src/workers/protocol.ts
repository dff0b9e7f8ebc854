import type { BackendInfo } from '../engine/backend/backend';
import type { RolloutGroupSample } from '../engine/trainer/inspect-group';

export type { RolloutGroupSample, InspectedCompletion, InspectedToken } from '../engine/trainer/inspect-group';

/**
 * The worker protocol: two discriminated unions, commands in and events out, every message
 * tagged with its run id (one worker per run).
 */
export type Command =
  | { type: 'start'; runId: string; config: unknown }
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'step'; runId: string; n: number }
  | { type: 'stop'; runId: string }
  /** Updates per second; null runs flat out. */
  | { type: 'speed'; runId: string; updatesPerSecond: number | null };

export type RunStatus = 'starting' | 'running' | 'paused' | 'done' | 'stopped' | 'failed';

export type RunEvent =
  | {
      type: 'status';
      runId: string;
      status: RunStatus;
      step: number;
      totalUpdates: number;
      backend?: BackendInfo;
    }
  /** Columnar batch of metric rows: columns[k][i] is keys[k] of the i-th row (NaN = absent). */
  | { type: 'metrics'; runId: string; keys: string[]; columns: number[][] }
  | { type: 'samples'; runId: string; sample: EpisodeSample }
  /** Language runs: one prompt's group of completions, token by token, for the rollout inspector. */
  | { type: 'rollouts'; runId: string; sample: RolloutGroupSample }
  | { type: 'error'; runId: string; stage: string; step: number; message: string };

/** One episode of the current policy, for the environment view. */
export interface EpisodeSample {
  task: string;
  step: number;
  /** Flattened env states, stateDim numbers per time step (the start state first). */
  states: number[];
  stateDim: number;
  actions: number[];
  /** Action probabilities at the start state (what the bandit view draws). */
  startProbs: number[];
  return: number;
}
