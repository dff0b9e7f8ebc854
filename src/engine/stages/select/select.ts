import type { Batch } from '../../core/batch';

export interface Selector {
  /** Indices of the sequences to keep. */
  keep(batch: Batch): number[];
}
