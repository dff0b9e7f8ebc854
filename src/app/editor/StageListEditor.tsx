import { useState } from 'react';
import { useDraftStore } from './draft-store';
import { getAt } from './draft-path';
import { ModuleDetails } from './ModuleDetails';
import { STAGE_QUESTIONS, STAGE_TITLES, stageModules, type ListStage } from './stage-modules';

interface Ref {
  id: string;
}

/** A stage that takes a list of modules (regularisers, selectors): add, remove, edit each. */
export function StageListEditor({ stage }: { stage: ListStage }) {
  const path = `stages.${stage}`;
  const list = useDraftStore((s) => getAt(s.draft, path)) as Ref[] | undefined;
  const add = useDraftStore((s) => s.addListModule);
  const remove = useDraftStore((s) => s.removeListModule);
  const modules = stageModules(stage);
  const [choice, setChoice] = useState(modules[0]?.id ?? '');

  return (
    <section className="stage stage-list" data-stage={stage}>
      <header>
        <label htmlFor={`${path}.add`}>{STAGE_TITLES[stage]}</label>
        <span className="question">{STAGE_QUESTIONS[stage]}</span>
      </header>
      {(list ?? []).map((ref, i) => {
        const def = modules.find((m) => m.id === ref.id);
        return (
          <div className="list-item" key={`${i}-${ref.id}`} data-testid={`${path}.${i}`}>
            <div className="list-item-head">
              <span className="module-label">{def?.label ?? ref.id}</span>
              <button
                type="button"
                className="icon-button"
                title="Remove"
                data-testid={`remove-${path}.${i}`}
                onClick={() => remove(stage, i)}
              >
                ×
              </button>
            </div>
            {def && <ModuleDetails def={def} paramsPath={`${path}.${i}.params`} />}
          </div>
        );
      })}
      {modules.length === 0 ? (
        <p className="empty-note">No modules in this stage yet.</p>
      ) : (
        <div className="list-add">
          <select id={`${path}.add`} value={choice} onChange={(e) => setChoice(e.target.value)}>
            {modules.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
          <button type="button" data-testid={`add-${path}`} onClick={() => add(stage, choice)}>
            + Add
          </button>
        </div>
      )}
    </section>
  );
}
