import { errorsAt, useDraftStore } from './draft-store';
import { getAt } from './draft-path';
import { FieldError } from './FieldError';
import { ModuleDetails } from './ModuleDetails';
import { STAGE_QUESTIONS, STAGE_TITLES, stageModules, type SingleStage } from './stage-modules';

/** A stage that takes one module: a select of the registry's modules and the chosen one's details. */
export function StageEditor({ stage }: { stage: SingleStage }) {
  const base = stage === 'task' ? 'task' : `stages.${stage}`;
  const id = useDraftStore((s) => getAt(s.draft, `${base}.id`));
  const allErrors = useDraftStore((s) => (s.result.ok ? null : s.result.errors));
  const setModule = useDraftStore((s) => s.setModule);
  const modules = stageModules(stage);
  const def = modules.find((m) => m.id === id);
  const idErrors = allErrors ? allErrors.filter((e) => e.path === `${base}.id` || e.path === base) : [];

  return (
    <section className="stage" data-stage={stage}>
      <header>
        <label htmlFor={`${base}.id`}>{STAGE_TITLES[stage]}</label>
        <span className="question">{STAGE_QUESTIONS[stage]}</span>
      </header>
      <select
        id={`${base}.id`}
        data-testid={`field-${base}.id`}
        className={idErrors.length ? 'invalid' : undefined}
        value={typeof id === 'string' ? id : ''}
        onChange={(e) => setModule(stage, e.target.value)}
      >
        {modules.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>
      <FieldError path={`${base}.id`} errors={idErrors} />
      {def && <ModuleDetails def={def} paramsPath={`${base}.params`} />}
      {allErrors && !def && <FieldError path={base} errors={errorsAt(allErrors, base)} />}
    </section>
  );
}
