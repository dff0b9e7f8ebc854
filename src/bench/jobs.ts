/**
 * One benchmark job: a measurement on one backend. Jobs are plain data so that they cross the
 * worker boundary; `runJob` runs one in this realm (Node, or the bench worker).
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, probeWebGpu, type BackendInfo, type BackendName } from '../engine/backend/backend';
import type { RunConfigInput } from '../engine/config/schema';
import type { CheckpointSource } from '../engine/policy/checkpoint';
import {
  kvCacheSpeedup,
  lmGrpo,
  matmulGflops,
  prefixGrouperSpeedup,
  tensorsDrift,
  type KvCacheResult,
  type LmGrpoResult,
  type MatmulResult,
  type PrefixGrouperResult,
  type TensorsDriftResult,
} from './measures';

export type Job =
  | { kind: 'matmul'; backend: BackendName; size: number; warmup: number; minReps: number; maxReps: number; minMs: number; inner: number }
  | { kind: 'lm-grpo'; backend: BackendName; config: RunConfigInput; warmup: number; updates: number }
  | { kind: 'kv-cache'; backend: BackendName; rows: number; promptLength: number; newTokens: number; reps: number }
  | { kind: 'prefix-grouper'; backend: BackendName; prompts: number; groupSize: number; promptLength: number; completionLength: number; reps: number }
  | { kind: 'tensors-drift'; backend: BackendName; config: RunConfigInput; early: number; late: number };

export type JobOutput =
  | { kind: 'matmul'; result: MatmulResult }
  | { kind: 'lm-grpo'; result: LmGrpoResult }
  | { kind: 'kv-cache'; result: KvCacheResult }
  | { kind: 'prefix-grouper'; result: PrefixGrouperResult }
  | { kind: 'tensors-drift'; result: TensorsDriftResult };

export interface JobResult {
  output: JobOutput;
  backend: BackendInfo;
  ms: number;
}

export async function runJob(job: Job, checkpoints: CheckpointSource): Promise<JobResult> {
  const t0 = performance.now();
  const backend = await initBackend(job.backend);
  if (backend.name === 'webgpu' && !backend.adapter) backend.adapter = (await probeWebGpu()).adapter;
  if (backend.name === 'webgl') backend.adapter = webglRenderer();
  const output = await dispatch(job, checkpoints);
  if (output.result.backend !== tf.getBackend()) throw new Error(`backend changed during the job (${tf.getBackend()})`);
  return { output, backend, ms: performance.now() - t0 };
}

async function dispatch(job: Job, checkpoints: CheckpointSource): Promise<JobOutput> {
  switch (job.kind) {
    case 'matmul':
      return { kind: job.kind, result: await matmulGflops(job.size, job) };
    case 'lm-grpo':
      return { kind: job.kind, result: await lmGrpo({ ...job.config, backend: job.backend }, checkpoints, job.warmup, job.updates) };
    case 'kv-cache':
      return { kind: job.kind, result: await kvCacheSpeedup(job) };
    case 'prefix-grouper':
      return { kind: job.kind, result: await prefixGrouperSpeedup(job) };
    case 'tensors-drift':
      return { kind: job.kind, result: await tensorsDrift({ ...job.config, backend: job.backend }, job.early, job.late) };
  }
}

/** The WebGL renderer string (SwiftShader here), where the webgl backend exposes its context. */
function webglRenderer(): string | undefined {
  const gl = (tf.backend() as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
  if (!gl) return undefined;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}
