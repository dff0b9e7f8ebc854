import '../engine/backend/register-node';
import { initBackend, type BackendInfo } from '../engine/backend/backend';
import type { RunConfig } from '../engine/config/schema';
import { Trainer } from '../engine/trainer/trainer';
import type { MetricRow } from '../engine/metrics/keys';
import { nodeCheckpoints } from './node-checkpoints';

export interface HeadlessResult {
  config: RunConfig;
  backend: BackendInfo;
  rows: MetricRow[];
}

/**
 * Runs a validated config to the end in this process (Node): what the CLI, the learning tests and
 * the benchmarks use. `until` may stop the run early (e.g. once a return threshold is reached).
 */
export async function runHeadless(
  config: RunConfig,
  opts: { onRow?: (row: MetricRow) => void; until?: (row: MetricRow) => boolean } = {},
): Promise<HeadlessResult> {
  const backend = await initBackend(config.backend === 'auto' ? 'auto' : config.backend);
  const trainer = await Trainer.create(config, { checkpoints: nodeCheckpoints });
  const rows: MetricRow[] = [];
  try {
    while (!trainer.done) {
      const row = await trainer.step();
      rows.push(row);
      opts.onRow?.(row);
      if (opts.until?.(row)) break;
    }
  } finally {
    trainer.dispose();
  }
  return { config, backend, rows };
}
