import type { RunConfig } from '../config/schema';
import type { TaskSpec } from '../tasks/task-spec';
import { findModule } from '../registry/registry';
import type { Sampler } from '../stages/sample/sampler';
import type { Selector } from '../stages/select/select';
import type { Shaper } from '../stages/shape/shaper';
import type { Weighter } from '../stages/weight/weighter';
import type { AdvantageEstimator } from '../stages/advantage/advantage';
import type { Surrogate } from '../stages/surrogate/surrogate';
import type { Aggregator } from '../stages/aggregate/aggregation';
import type { Regulariser } from '../stages/regularise/regulariser';
import type { UpdateParams } from '../stages/update/adam.module';

/** The modules a config names, created with their validated parameters. */
export interface Pipeline {
  task: TaskSpec;
  sampler: Sampler;
  shapers: Shaper[];
  selectors: Selector[];
  advantage: AdvantageEstimator;
  weighters: Weighter[];
  surrogate: Surrogate;
  aggregator: Aggregator;
  regularisers: Regulariser[];
  update: UpdateParams;
}

export function buildPipeline(config: RunConfig): Pipeline {
  const s = config.stages;
  const make = <T>(stage: Parameters<typeof findModule>[0], ref: { id: string; params: unknown }): T =>
    findModule(stage, ref.id).create(ref.params) as T;
  return {
    task: make<TaskSpec>('task', config.task),
    sampler: make<Sampler>('sample', s.sample),
    shapers: s.shape.map((r) => make<Shaper>('shape', r)),
    selectors: s.select.map((r) => make<Selector>('select', r)),
    advantage: make<AdvantageEstimator>('advantage', s.advantage),
    weighters: s.weight.map((r) => make<Weighter>('weight', r)),
    surrogate: make<Surrogate>('surrogate', s.surrogate),
    aggregator: make<Aggregator>('aggregate', s.aggregate),
    regularisers: s.regularise.map((r) => make<Regulariser>('regularise', r)),
    update: make<UpdateParams>('update', s.update),
  };
}
