import { findPreset, PRESETS } from '../../experiments/presets';
import { useDraftStore } from './draft-store';

/** Loads a named, documented config into the editor. */
export function PresetPicker() {
  const presetId = useDraftStore((s) => s.presetId);
  const loadPreset = useDraftStore((s) => s.loadPreset);
  const preset = presetId ? findPreset(presetId) : undefined;
  return (
    <section className="stage presets">
      <header>
        <label htmlFor="preset-select">Preset</label>
        <span className="question">Start from a lesson or a paper's settings</span>
      </header>
      <select
        id="preset-select"
        data-testid="preset-select"
        value={presetId ?? ''}
        onChange={(e) => loadPreset(e.target.value)}
      >
        {presetId === null && <option value="">(custom)</option>}
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
      {preset && <p className="explain">{preset.description}</p>}
    </section>
  );
}
