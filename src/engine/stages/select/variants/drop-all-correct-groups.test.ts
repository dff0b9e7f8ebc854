import { describe, expect, it } from 'vitest';
import { groupsBatch } from '../../advantage/variants/test-batch';
import { dropAllCorrectGroups } from './drop-all-correct-groups.module';

describe('drop-all-correct-groups (NGRPO filter_groups all_correct, §2)', () => {
  it('drops all-correct groups only: all-wrong and mixed groups stay', () => {
    const sel = dropAllCorrectGroups.create(dropAllCorrectGroups.schema.parse({}));
    const batch = groupsBatch([[1, 1, 1, 1], [0, 0, 0, 0], [1, 0, 0, 1], [1, 1, 1, 1]]);
    expect(sel.keep(batch)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
  });
  it('uses the success predicate on returns (CartPole R ≥ 475)', () => {
    const sel = dropAllCorrectGroups.create(dropAllCorrectGroups.schema.parse({ successThreshold: 475 }));
    const batch = groupsBatch([[500, 480], [500, 474]]);
    expect(sel.keep(batch)).toEqual([2, 3]);
  });
});
