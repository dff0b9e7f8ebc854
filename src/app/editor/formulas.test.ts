import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../engine/registry/registry';
import type { ModuleDef } from '../../engine/registry/module';
import { LESSONS } from '../../experiments/lessons/lessons';

const render = (tex: string) => () => katex.renderToString(tex, { throwOnError: true });

describe('every formula the lab shows renders with KaTeX', () => {
  it('module formulas', () => {
    for (const d of Object.values(REGISTRY).flat() as ModuleDef<any, any>[]) {
      if (d.formula) expect(render(d.formula), d.id).not.toThrow();
    }
  });

  it('lesson formulas', () => {
    for (const l of LESSONS) expect(render(l.formula), l.id).not.toThrow();
  });
});
