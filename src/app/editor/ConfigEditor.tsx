import { PresetPicker } from './PresetPicker';
import { PolicySettings, RunSettings } from './RunSettings';
import { StageEditor } from './StageEditor';
import { StageListEditor } from './StageListEditor';
import { EntropyPanel } from './EntropyPanel';

/** The left panel: every control is generated from the registry and the config schema. */
export function ConfigEditor() {
  return (
    <div className="config-editor">
      <PresetPicker />
      <RunSettings />
      <StageEditor stage="task" />
      <PolicySettings />
      <h2 className="pipeline-title">Algorithm pipeline</h2>
      <EntropyPanel />
      <StageEditor stage="sample" />
      <StageListEditor stage="shape" />
      <StageListEditor stage="select" />
      <StageEditor stage="advantage" />
      <StageListEditor stage="weight" />
      <StageEditor stage="surrogate" />
      <StageEditor stage="aggregate" />
      <StageListEditor stage="regularise" />
      <StageEditor stage="update" />
    </div>
  );
}
