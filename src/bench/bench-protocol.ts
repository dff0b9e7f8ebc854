import type { BackendInfo } from '../engine/backend/backend';
import type { RunConfigInput } from '../engine/config/schema';
import type { Job, JobResult } from './jobs';

export type WorkerAnswer = { ok: true; result: JobResult } | { ok: false; error: string };

/** A training run in the lab's own run worker (src/workers/run.worker.ts), driven by its protocol. */
export interface TrainRequest {
  config: RunConfigInput;
  /** Stop once episode/return_mean reaches this (the run counts as solved). */
  threshold?: number;
  /** Give up after this many milliseconds of wall-clock time. */
  maxMs: number;
}

/** The metric rows the bench keeps (a subset of every row's keys). */
export interface TrainRow {
  step: number;
  wall_s: number;
  env_steps: number;
  return_mean: number;
}

export interface TrainResult {
  status: string;
  error?: string;
  backend?: BackendInfo;
  rows: TrainRow[];
  /** The first row whose return reached the threshold. */
  solved: TrainRow | null;
  /** Page-side wall-clock from posting 'start' to the end. */
  ms: number;
}

/** What bench.html puts on window for playwright to call. */
export interface BenchApi {
  ready: true;
  job(job: Job): Promise<WorkerAnswer>;
  train(req: TrainRequest): Promise<TrainResult>;
}
