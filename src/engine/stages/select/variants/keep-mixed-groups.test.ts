import { describe, expect, it } from 'vitest';
import { groupsBatch } from '../../advantage/variants/test-batch';
import { keepMixedGroups } from './keep-mixed-groups.module';

describe('keep-mixed-groups (DRPO, §18)', () => {
  it('keeps groups with both a success and a failure', () => {
    const sel = keepMixedGroups.create(keepMixedGroups.schema.parse({}));
    expect(sel.keep(groupsBatch([[1, 1], [0, 1], [0, 0], [1, 0]]))).toEqual([2, 3, 6, 7]);
  });
  it('graded returns: mixed by the success predicate, not by unequal rewards', () => {
    const sel = keepMixedGroups.create(keepMixedGroups.schema.parse({ successThreshold: 475 }));
    // [100, 200] differ but both fail: dropped (DAPO's filter would keep it)
    expect(sel.keep(groupsBatch([[100, 200], [500, 200]]))).toEqual([2, 3]);
  });
});
