import { create } from 'zustand';
import { MetricBuffer } from './metric-buffer';
import type { RunView } from './run-types';

/** Updates per second sent to every worker; null runs flat out. */
export type Speed = 1 | 5 | 20 | null;

interface LabState {
  /** Runs in the order they were started. */
  order: string[];
  runs: Record<string, RunView>;
  /** Per-run append-only metric buffers, mutated in place; `RunView.rows` signals growth. */
  metrics: Record<string, MetricBuffer>;
  selectedRunId: string | null;
  speed: Speed;

  addRun(run: RunView): void;
  patchRun(id: string, patch: Partial<RunView>): void;
  /** Several runs' patches in one store update (one render for all of them). */
  patchRuns(patches: ReadonlyMap<string, Partial<RunView>>): void;
  removeRun(id: string): void;
  clearRuns(): void;
  selectRun(id: string): void;
  setSpeed(speed: Speed): void;
}

export const useLabStore = create<LabState>()((set) => ({
  order: [],
  runs: {},
  metrics: {},
  selectedRunId: null,
  speed: null,

  addRun: (run) =>
    set((s) => ({
      order: [...s.order, run.id],
      runs: { ...s.runs, [run.id]: run },
      metrics: { ...s.metrics, [run.id]: new MetricBuffer() },
      selectedRunId: run.id,
    })),

  patchRun: (id, patch) =>
    set((s) => {
      const run = s.runs[id];
      if (!run) return s;
      return { runs: { ...s.runs, [id]: { ...run, ...patch } } };
    }),

  patchRuns: (patches) =>
    set((s) => {
      let runs: Record<string, RunView> | null = null;
      for (const [id, patch] of patches) {
        const run = s.runs[id];
        if (!run) continue;
        runs ??= { ...s.runs };
        runs[id] = { ...run, ...patch };
      }
      return runs ? { runs } : s;
    }),

  removeRun: (id) =>
    set((s) => {
      const runs = { ...s.runs };
      const metrics = { ...s.metrics };
      delete runs[id];
      delete metrics[id];
      const order = s.order.filter((r) => r !== id);
      const selectedRunId = s.selectedRunId === id ? (order[order.length - 1] ?? null) : s.selectedRunId;
      return { order, runs, metrics, selectedRunId };
    }),

  clearRuns: () => set({ order: [], runs: {}, metrics: {}, selectedRunId: null }),
  selectRun: (id) => set({ selectedRunId: id }),
  setSpeed: (speed) => set({ speed }),
}));

/** Runs in start order (a stable selector result only when `order`/`runs` change). */
export function selectRunList(s: Pick<LabState, 'order' | 'runs'>): RunView[] {
  return s.order.map((id) => s.runs[id]).filter((r): r is RunView => r !== undefined);
}
