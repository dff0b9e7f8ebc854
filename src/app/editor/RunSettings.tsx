import { RunConfigSchema } from '../../engine/config/schema';
import { fieldSpec, objectFields } from './field-spec';
import { ParamField } from './ParamField';

const shape = RunConfigSchema.shape;

const BACKEND_HELP =
  'auto picks hardware WebGPU if there is one, else wasm; the run card says which one ran and why.';

/** Name, seed, backend and budget of a run. */
export function RunSettings() {
  return (
    <section className="stage" data-stage="run">
      <header>
        <span className="stage-title">Run</span>
        <span className="question">Which seed, which backend, how long?</span>
      </header>
      <div className="params">
        <ParamField path="name" name="name" spec={fieldSpec(shape.name)} help="Shown in the legend; empty = preset name" />
        <ParamField path="seed" name="seed" spec={fieldSpec(shape.seed)} help="Same seed, same run: compare algorithms on equal footing" />
        <ParamField path="backend" name="backend" spec={fieldSpec(shape.backend)} help={BACKEND_HELP} />
        {objectFields(shape.schedule).map(({ name, spec }) => (
          <ParamField key={name} path={`schedule.${name}`} name={name} spec={spec} />
        ))}
      </div>
    </section>
  );
}

/** Policy network size and activation. */
export function PolicySettings() {
  return (
    <section className="stage" data-stage="policy">
      <header>
        <span className="stage-title">Policy</span>
        <span className="question">What network maps states to action probabilities?</span>
      </header>
      <p className="explain">A categorical MLP policy; a critic of the same shape is added when the advantage needs V(s).</p>
      <div className="params">
        {objectFields(shape.policy).map(({ name, spec }) => (
          <ParamField key={name} path={`policy.${name}`} name={name} spec={spec} />
        ))}
      </div>
    </section>
  );
}
