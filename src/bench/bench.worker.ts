/// <reference lib="webworker" />
// The bench page's worker: runs one benchmark job (src/bench/jobs.ts) with the lab's own engine
// and browser backends, then answers once. The page starts a fresh worker per job.
import '../workers/register-browser-backends';
import { browserCheckpoints } from '../workers/browser-checkpoints';
import { runJob, type Job } from './jobs';
import type { WorkerAnswer } from './bench-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (msg: MessageEvent<Job>) => {
  let answer: WorkerAnswer;
  try {
    answer = { ok: true, result: await runJob(msg.data, browserCheckpoints) };
  } catch (e) {
    answer = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(answer);
};
