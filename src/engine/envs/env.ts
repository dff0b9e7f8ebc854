import type { Rng } from '../core/rng';

/** A single-agent environment with discrete actions, Gymnasium-style. */
export interface Env {
  readonly obsDim: number;
  readonly nActions: number;
  /** Draws a start state from rng and returns it (a copy the caller may keep). */
  reset(rng: Rng): Float64Array;
  /** Puts the env in a given state (used to start a group of episodes from one state). */
  setState(state: Float64Array): void;
  getState(): Float64Array;
  /** Writes the float32 observation of the current state into out at offset. */
  observe(out: Float32Array, offset: number): void;
  /** Applies an action; returns the reward and whether the episode terminated. */
  step(action: number, rng: Rng): { reward: number; terminated: boolean };
}

export interface ControlTaskSpec {
  kind: 'control';
  id: string;
  obsDim: number;
  nActions: number;
  /** TimeLimit truncation, as Gymnasium's registration sets it. */
  maxSteps: number;
  /** Return the task counts as solved at (Gymnasium's reward_threshold). */
  rewardThreshold: number;
  actionLabels: string[];
  make(): Env;
}
