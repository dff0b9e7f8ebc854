import { describe, expect, it } from 'vitest';
import type { Batch } from '../../core/batch';
import { dropZeroAdvGroups } from './drop-zero-adv-groups.module';

describe('DAPO group filter (algorithms-llm.md §1.3b)', () => {
  it('drops groups [1,1,1,1] and [0,0,0,0], keeps [1,0,0,0]', () => {
    const rewards = [1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0];
    const seqs = rewards.map((r, i) => ({ start: i, length: 1, group: Math.floor(i / 4), reward: r, terminated: true, truncated: false, bootstrapValue: 0 }));
    const batch = { seqs } as unknown as Batch;
    expect(dropZeroAdvGroups.create(dropZeroAdvGroups.schema.parse({})).keep(batch)).toEqual([8, 9, 10, 11]);
  });
});
