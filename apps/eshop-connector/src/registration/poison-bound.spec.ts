import { PoisonBound } from './poison-bound';

describe('PoisonBound', () => {
  it('is exceeded once a batch has failed for the bound, counted from its first failure', () => {
    const bound = new PoisonBound(1_000);
    expect(bound.exceeded('t[0]@5', 0)).toBe(false);
    bound.failed('t[0]@5', 100);
    bound.failed('t[0]@5', 900);
    expect(bound.exceeded('t[0]@5', 1_099)).toBe(false);
    expect(bound.exceeded('t[0]@5', 1_100)).toBe(true);
    expect(bound.exceeded('t[1]@5', 1_100)).toBe(false);
  });

  it('tells a batch that failed and has not gone through since', () => {
    const bound = new PoisonBound(1_000);
    expect(bound.failing('t[0]@5')).toBe(false);
    bound.failed('t[0]@5', 0);
    expect(bound.failing('t[0]@5')).toBe(true);
    bound.done('t[0]@5');
    expect(bound.failing('t[0]@5')).toBe(false);
  });

  it('forgets a partition\'s batches once one went through', () => {
    const bound = new PoisonBound(1_000);
    bound.failed('t[0]@5', 0);
    bound.failed('t[1]@5', 0);
    bound.done('t[0]@7');
    expect(bound.exceeded('t[0]@5', 5_000)).toBe(false);
    expect(bound.exceeded('t[1]@5', 5_000)).toBe(true);
  });
});
