import { describe, expect, it } from 'vitest';
import { groupsBatch } from '../../advantage/variants/test-batch';
import { psrNsrSubset } from './psr-nsr-subset.module';

describe('psr-nsr-subset (§3)', () => {
  const batch = groupsBatch([[1, 0, 0, 1], [0, 1]]);
  it('PSR keeps the successes: two samples of [1,0,0,1]', () =>
    expect(psrNsrSubset.create(psrNsrSubset.schema.parse({ mode: 'psr' })).keep(batch)).toEqual([0, 3, 5]));
  it('NSR keeps the failures', () => expect(psrNsrSubset.create(psrNsrSubset.schema.parse({ mode: 'nsr' })).keep(batch)).toEqual([1, 2, 4]));
});
