import { METRIC_KEYS } from '../engine/metrics/keys';
import type { MetricRow } from '../engine/metrics/keys';

/** CSV with the fixed metric keys first, then any extra keys; absent values are empty cells. */
export function rowsToCsv(rows: MetricRow[]): string {
  const extra = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter(
    (k) => !(METRIC_KEYS as readonly string[]).includes(k),
  );
  const keys = [...METRIC_KEYS, ...extra];
  const lines = [keys.join(',')];
  for (const r of rows) {
    lines.push(keys.map((k) => formatCell((r as Record<string, number | undefined>)[k])).join(','));
  }
  return lines.join('\n') + '\n';
}

function formatCell(v: number | undefined): string {
  return v === undefined || Number.isNaN(v) ? '' : String(v);
}
