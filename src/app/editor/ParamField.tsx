import type { ReactNode } from 'react';
import { useDraftStore, errorsAt } from './draft-store';
import { getAt } from './draft-path';
import type { FieldSpec } from './field-spec';
import { humanise, parseNumberListText, parseNumberText } from './field-text';
import { FieldError } from './FieldError';
import { TextValueInput } from './TextValueInput';

interface Props {
  /** Dotted path in the config, e.g. "stages.update.params.lr". */
  path: string;
  name: string;
  spec: FieldSpec;
  /** Shown when the schema has no description. */
  help?: string;
  label?: string;
  /** Set where a field is drawn a second time (the entropy panel): keeps DOM ids unique. */
  scope?: string;
}

/** One control generated from a schema: number, nullable number, checkbox, select or list. */
export function ParamField(props: Props) {
  return props.spec.kind === 'object' ? <ObjectField {...props} /> : <LeafField {...props} />;
}

/** A nested group of parameters (e.g. the transformer's sizes), folded away until opened. */
function ObjectField({ path, name, spec, help, label }: Props) {
  const hasErrors = useDraftStore((s) => !s.result.ok && errorsAt(s.result.errors, path).length > 0);
  if (spec.kind !== 'object') return null;
  return (
    <details className="field-group" open={hasErrors || undefined}>
      <summary>
        {label ?? humanise(name)}
        {(spec.help ?? help) && <span className="field-help"> — {spec.help ?? help}</span>}
      </summary>
      <div className="params">
        {spec.fields.map((f) => (
          <ParamField key={f.name} path={`${path}.${f.name}`} name={f.name} spec={f.spec} />
        ))}
      </div>
    </details>
  );
}

function LeafField({ path, name, spec, help, label, scope }: Props) {
  const domId = scope ? `${scope}/${path}` : path;
  const value = useDraftStore((s) => getAt(s.draft, path));
  const allErrors = useDraftStore((s) => (s.result.ok ? null : s.result.errors));
  const set = useDraftStore((s) => s.set);
  const errors = allErrors ? errorsAt(allErrors, path) : [];
  const invalid = errors.length > 0;
  const onChange = (v: unknown) => set(path, v);

  let control: ReactNode;
  switch (spec.kind) {
    case 'number':
      control = (
        <TextValueInput
          path={path}
          domId={domId}
          value={value}
          invalid={invalid}
          inputMode="decimal"
          placeholder={spec.nullable ? 'off' : undefined}
          parse={(t) => parseNumberText(t, spec.nullable)}
          onChange={onChange}
        />
      );
      break;
    case 'number-list':
      control = (
        <TextValueInput
          path={path}
          domId={domId}
          value={value}
          invalid={invalid}
          placeholder="e.g. 64, 64"
          parse={parseNumberListText}
          onChange={onChange}
        />
      );
      break;
    case 'text':
      control = (
        <TextValueInput
          path={path}
          domId={domId}
          value={value}
          invalid={invalid}
          parse={(t) => (t === '' ? undefined : t)}
          onChange={onChange}
        />
      );
      break;
    case 'boolean':
      control = (
        <input
          id={domId}
          type="checkbox"
          data-testid={`field-${domId}`}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
      break;
    case 'enum':
      control = (
        <select
          id={domId}
          data-testid={`field-${domId}`}
          className={invalid ? 'invalid' : undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        >
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'object':
    case 'unsupported':
      control = <code className="unsupported">{JSON.stringify(value)}</code>;
      break;
  }

  const text = spec.help ?? help;
  return (
    <div className={`field field-${spec.kind}`}>
      <label htmlFor={domId} title={path}>
        {label ?? humanise(name)}
      </label>
      <div className="field-control">{control}</div>
      {text && <div className="field-help">{text}</div>}
      <FieldError path={path} errors={errors} />
    </div>
  );
}
