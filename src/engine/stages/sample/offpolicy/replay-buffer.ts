import type { Batch } from '../../../core/batch';
import type { Rng } from '../../../core/rng';
import { subsetBatch } from '../../../core/subset-batch';
import { batchGroups } from '../../advantage/variants/outcome';

/** Groups replayed for one update: one batch per source version, and each sequence's staleness. */
export interface Replayed {
  batches: Batch[];
  /** Policy versions between the sampler of each replayed sequence and now (1..K). */
  staleness: number[];
}

/**
 * ReMix's buffer: the fresh part of the batches sampled by the last K policy versions, each step
 * kept with its behaviour log-prob (logpOld of the policy that drew it). Groups are replayed
 * whole, so a replayed group's advantages are computed from its own G rewards.
 */
export class ReplayBuffer {
  private entries: { version: number; batch: Batch; groups: number[][] }[] = [];

  constructor(readonly versions: number) {}

  /** Whole groups available for replay. */
  get groups(): number {
    return this.entries.reduce((n, e) => n + e.groups.length, 0);
  }

  /** Stores the batch version `version` sampled, and forgets versions older than the last K. */
  push(version: number, batch: Batch): void {
    this.entries.push({ version, batch, groups: batchGroups(batch) });
    this.entries = this.entries.filter((e) => e.version > version - this.versions);
  }

  clear(): void {
    this.entries = [];
  }

  /**
   * `count` distinct groups drawn uniformly from the buffer for the update of version `now`.
   * Replayed copies carry no sampling cost: envSteps 0, no generation rounds, no finished episodes.
   */
  draw(count: number, now: number, rng: Rng): Replayed {
    const pool = this.entries.flatMap((e, ei) => e.groups.map((seqs) => ({ ei, seqs })));
    const picked = Array.from(rng.permutation(pool.length).subarray(0, Math.min(count, pool.length)), (i) => pool[i]);
    const batches: Batch[] = [];
    const staleness: number[] = [];
    this.entries.forEach((e, ei) => {
      const seqs = picked.filter((p) => p.ei === ei).flatMap((p) => p.seqs);
      if (seqs.length === 0) return;
      const copy = subsetBatch(e.batch, seqs);
      copy.envSteps = 0;
      copy.finishedEpisodes = [];
      delete copy.genRounds;
      batches.push(copy);
      for (let i = 0; i < seqs.length; i++) staleness.push(now - e.version);
    });
    return { batches, staleness };
  }
}

/** How many of Q groups are fresh and how many replayed: p·Q replayed when the buffer holds enough, at least one fresh. */
export function mixCounts(prompts: number, replayFrac: number, available: number): { fresh: number; replay: number } {
  const replay = Math.max(0, Math.min(Math.round(replayFrac * prompts), available, prompts - 1));
  return { fresh: prompts - replay, replay };
}
