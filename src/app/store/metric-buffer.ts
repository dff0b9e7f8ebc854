/**
 * Append-only columnar storage for one run's metrics. Each key is a growable Float64Array;
 * a key that first appears at row k is back-filled with NaN (NaN = absent, as in the protocol).
 * Appending never copies existing rows except when a column doubles its capacity.
 */
export class MetricBuffer {
  private readonly columns = new Map<string, Float64Array>();
  private capacity = 64;
  length = 0;

  /** Appends a columnar batch from the worker: columns[k][i] is keys[k] of row i. */
  append(keys: readonly string[], columns: readonly (readonly number[])[]): void {
    const rows = columns[0]?.length ?? 0;
    if (rows === 0) return;
    this.reserve(this.length + rows);
    keys.forEach((key, k) => {
      const col = this.column(key);
      const src = columns[k];
      for (let i = 0; i < rows; i++) col[this.length + i] = src[i] ?? NaN;
    });
    this.length += rows;
    // Keys missing from this batch stay NaN (columns are created NaN-filled).
  }

  has(key: string): boolean {
    return this.columns.has(key);
  }

  /** The column for `key`, valid for indices [0, length); undefined if the run never reported it. */
  get(key: string): Float64Array | undefined {
    return this.columns.get(key);
  }

  /** Latest non-NaN value of `key`, or undefined. */
  latest(key: string): number | undefined {
    const col = this.columns.get(key);
    if (!col) return undefined;
    for (let i = this.length - 1; i >= 0; i--) if (!Number.isNaN(col[i])) return col[i];
    return undefined;
  }

  private column(key: string): Float64Array {
    let col = this.columns.get(key);
    if (!col) {
      col = new Float64Array(this.capacity).fill(NaN);
      this.columns.set(key, col);
    }
    return col;
  }

  private reserve(rows: number): void {
    if (rows <= this.capacity) return;
    let next = this.capacity;
    while (next < rows) next *= 2;
    for (const [key, col] of this.columns) {
      const grown = new Float64Array(next).fill(NaN);
      grown.set(col);
      this.columns.set(key, grown);
    }
    this.capacity = next;
  }
}
