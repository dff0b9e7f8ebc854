import { useDraftStore } from './draft-store';
import { getAt } from './draft-path';
import { objectFields } from './field-spec';
import { ParamField } from './ParamField';
import { findStageModule, type ListStage } from './stage-modules';

/** A list-stage module that controls entropy, and the parameter shown beside its switch. */
interface EntropySwitch {
  stage: ListStage;
  id: string;
  param: string;
}

const SWITCHES: EntropySwitch[] = [
  { stage: 'regularise', id: 'entropy-bonus', param: 'coef' },
  { stage: 'regularise', id: 'adaptive-entropy', param: 'target' },
  { stage: 'regularise', id: 'aepo-temperature', param: 'entropyTarget' },
  { stage: 'weight', id: 'high-entropy-mask', param: 'topEntropyQuantile' },
];

/** Surrogates that act on entropy: the clip (and its ceiling, clip-higher) or a covariance rule. */
const SURROGATES = ['ppo-clip', 'clip-cov', 'kl-cov'] as const;

/**
 * Every entropy control of the pipeline in one place: fixed and adaptive bonus, AEPO's target,
 * the 80/20 mask, Clip-Cov/KL-Cov and the clip ceiling (clip-higher). Each switch edits the same
 * config as the stage editors below it.
 */
export function EntropyPanel() {
  return (
    <details className="entropy-panel" data-testid="entropy-panel" open>
      <summary>
        Entropy controls <span className="question">How much should the policy keep exploring?</span>
      </summary>
      {SWITCHES.map((s) => (
        <EntropyToggle key={s.id} {...s} />
      ))}
      <SurrogateChoice />
    </details>
  );
}

function EntropyToggle({ stage, id, param }: EntropySwitch) {
  const path = `stages.${stage}`;
  const list = (useDraftStore((s) => getAt(s.draft, path)) as { id: string }[] | undefined) ?? [];
  const add = useDraftStore((s) => s.addListModule);
  const remove = useDraftStore((s) => s.removeListModule);
  const def = findStageModule(stage, id);
  const index = list.findIndex((r) => r.id === id);
  const field = objectFields(def.schema).find((f) => f.name === param);
  return (
    <div className="entropy-switch" data-testid={`entropy-${id}`}>
      <label title={def.explain}>
        <input type="checkbox" checked={index >= 0} onChange={() => (index >= 0 ? remove(stage, index) : add(stage, id))} />
        {def.label} <span className="paper-tag">{def.paper.short}</span>
      </label>
      {index >= 0 && field && <ParamField scope="entropy" path={`${path}.${index}.params.${param}`} name={param} spec={field.spec} />}
    </div>
  );
}

function SurrogateChoice() {
  const current = useDraftStore((s) => getAt(s.draft, 'stages.surrogate.id')) as string | undefined;
  const setModule = useDraftStore((s) => s.setModule);
  const hasCeiling = current === 'ppo-clip' || current === 'clip-cov';
  const ceiling = hasCeiling ? objectFields(findStageModule('surrogate', current).schema).find((f) => f.name === 'clipRatioHigh') : undefined;
  return (
    <div className="entropy-switch" data-testid="entropy-surrogate">
      <span className="entropy-switch-title">Surrogate</span>
      <div className="entropy-choices">
        {SURROGATES.map((id) => {
          const def = findStageModule('surrogate', id);
          return (
            <label key={id} title={def.explain}>
              <input type="radio" name="entropy-surrogate" checked={current === id} onChange={() => setModule('surrogate', id)} />
              {def.label}
            </label>
          );
        })}
        {current && !(SURROGATES as readonly string[]).includes(current) && <span className="field-help">now: {current}</span>}
      </div>
      {ceiling && (
        <ParamField scope="entropy" path="stages.surrogate.params.clipRatioHigh" name="clipRatioHigh" spec={ceiling.spec} label="ε_high (clip-higher: 0.28 in DAPO)" />
      )}
    </div>
  );
}
