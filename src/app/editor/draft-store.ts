import { create } from 'zustand';
import {
  parseRunConfig,
  RunConfigSchema,
  type ConfigError,
  type ParseResult,
  type RunConfigInput,
} from '../../engine/config/schema';
import { findPreset, PRESETS } from '../../experiments/presets';
import { findStageModule, type ListStage, type SingleStage } from './stage-modules';
import { getAt, setAt } from './draft-path';

/**
 * The config being edited. Leaves may hold text the user typed that is not a number yet; it is
 * kept as a string so that parseRunConfig reports it ("expected number") at its own path.
 */
export type Draft = Record<string, unknown>;

interface DraftState {
  draft: Draft;
  /** Preset the draft was loaded from (labels say how a run differs from it). */
  presetId: string | null;
  result: ParseResult;
  set(path: string, value: unknown): void;
  loadPreset(id: string): void;
  setModule(stage: SingleStage, id: string): void;
  addListModule(stage: ListStage, id: string): void;
  removeListModule(stage: ListStage, index: number): void;
}

function defaultsOf(stage: SingleStage | ListStage, id: string): Record<string, unknown> {
  return findStageModule(stage, id).schema.parse({}) as Record<string, unknown>;
}

function fromPreset(id: string, keep?: Draft): Draft {
  const preset = findPreset(id) ?? PRESETS[0];
  const input: RunConfigInput = { ...preset.config };
  // The backend is a property of this machine, not of the lesson: keep the user's choice.
  if (keep && input.backend === undefined && typeof keep.backend === 'string') {
    input.backend = keep.backend as RunConfigInput['backend'];
  }
  return structuredClone(RunConfigSchema.parse(input)) as unknown as Draft;
}

function withResult(draft: Draft) {
  return { draft, result: parseRunConfig(draft) };
}

const initial = fromPreset(PRESETS[0].id);

export const useDraftStore = create<DraftState>()((set) => ({
  ...withResult(initial),
  presetId: PRESETS[0].id,

  set: (path, value) => set((s) => withResult(setAt(s.draft, path, value))),

  loadPreset: (id) => set((s) => ({ ...withResult(fromPreset(id, s.draft)), presetId: id })),

  setModule: (stage, id) =>
    set((s) => {
      const path = stage === 'task' ? 'task' : `stages.${stage}`;
      return withResult(setAt(s.draft, path, { id, params: defaultsOf(stage, id) }));
    }),

  addListModule: (stage, id) =>
    set((s) => {
      const path = `stages.${stage}`;
      const list = (getAt(s.draft, path) as unknown[] | undefined) ?? [];
      return withResult(setAt(s.draft, path, [...list, { id, params: defaultsOf(stage, id) }]));
    }),

  removeListModule: (stage, index) =>
    set((s) => {
      const path = `stages.${stage}`;
      const list = (getAt(s.draft, path) as unknown[] | undefined) ?? [];
      return withResult(setAt(s.draft, path, list.filter((_, i) => i !== index)));
    }),
}));

/** Errors for one field: those at its path or inside it (an array's items). */
export function errorsAt(errors: readonly ConfigError[], path: string): ConfigError[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
}
