import { describe, expect, it } from 'vitest';
import { REGISTRY } from './registry';
import type { ModuleDef } from './module';

const ALL = Object.values(REGISTRY).flat() as ModuleDef<any, any>[];

describe('the registry', () => {
  it(`every module id is unique across stages (${ALL.length} modules)`, () => {
    const ids = ALL.map((d) => d.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('every module names its paper and explains itself, with a formula', () => {
    for (const d of ALL) {
      expect(d.paper.short, d.id).toBeTruthy();
      expect(d.paper.title, d.id).toBeTruthy();
      expect(d.paper.year, d.id).toBeGreaterThan(1950);
      expect(d.explain.length, d.id).toBeGreaterThan(10);
      expect(d.label, d.id).toBeTruthy();
      if (d.stage !== 'task') expect(d.formula.length, d.id).toBeGreaterThan(0);
    }
  });
});
