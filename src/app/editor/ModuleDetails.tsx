import { useState } from 'react';
import type { ModuleDef } from '../../engine/registry/module';
import { objectFields } from './field-spec';
import { Formula } from './Formula';
import { ParamField } from './ParamField';

/** A module's explanation, paper, formula (on demand) and one control per parameter. */
export function ModuleDetails({ def, paramsPath }: { def: ModuleDef; paramsPath: string }) {
  const [showFormula, setShowFormula] = useState(false);
  const fields = objectFields(def.schema);
  const { paper } = def;
  return (
    <div className="module-details">
      <p className="explain">{def.explain}</p>
      <div className="module-meta">
        <span className="paper" title={`${paper.authors} (${paper.year})`}>
          <strong>
            {paper.short} {paper.year}
          </strong>{' '}
          {paper.url ? (
            <a href={paper.url} target="_blank" rel="noreferrer">
              {paper.title}
            </a>
          ) : (
            <em>{paper.title}</em>
          )}
        </span>
        <button
          type="button"
          className={`formula-toggle${showFormula ? ' on' : ''}`}
          aria-pressed={showFormula}
          title={showFormula ? 'Hide the formula' : 'Show the formula'}
          data-testid={`formula-toggle-${def.stage}-${def.id}`}
          onClick={() => setShowFormula((v) => !v)}
        >
          ƒ
        </button>
      </div>
      {showFormula && <Formula tex={def.formula} />}
      {fields.length > 0 && (
        <div className="params">
          {fields.map(({ name, spec }) => (
            <ParamField key={name} path={`${paramsPath}.${name}`} name={name} spec={spec} />
          ))}
        </div>
      )}
    </div>
  );
}
