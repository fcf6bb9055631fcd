import { RETRY_SCHEDULE_PATTERN, RetrySchedule } from './retry-schedule';
import { parseRetryAfter } from './retry-after';

describe('RetrySchedule', () => {
  const schedule = RetrySchedule.parse('0s, 1s,5s,30s,2m,10m,1h,3h,8h,12h');

  it('reads the default schedule: at once, then 1 s … 12 h', () => {
    expect(schedule.delaysMs).toEqual([0, 1_000, 5_000, 30_000, 120_000, 600_000, 3_600_000, 10_800_000, 28_800_000, 43_200_000]);
    expect(schedule.maxAttempts).toBe(10);
    expect(RetrySchedule.parse('0ms,250ms').delaysMs).toEqual([0, 250]);
  });

  it('waits the delay before the next attempt, jittered by at most 20 %', () => {
    expect(schedule.delayAfter(1, undefined, () => 0.5)).toBe(1_000);
    expect(schedule.delayAfter(2, undefined, () => 0)).toBe(4_000);
    expect(schedule.delayAfter(2, undefined, () => 1)).toBe(6_000);
    expect(schedule.delayAfter(2, undefined, () => 0.5)).toBe(5_000);
  });

  it('takes Retry-After as a lower bound, never shortening the schedule', () => {
    expect(schedule.delayAfter(1, 60_000, () => 0.5)).toBe(60_000);
    expect(schedule.delayAfter(4, 1_000, () => 0.5)).toBe(120_000);
  });

  it('has no delay left once every attempt was made', () => {
    expect(schedule.delayAfter(9, undefined, () => 0.5)).toBe(43_200_000);
    expect(schedule.delayAfter(10)).toBeUndefined();
  });

  it('refuses what is not a list of delays', () => {
    expect(() => RetrySchedule.parse('1s,soon')).toThrow(/soon/);
    expect(RETRY_SCHEDULE_PATTERN.test('0s,1s,5s')).toBe(true);
    expect(RETRY_SCHEDULE_PATTERN.test('0s,,1s')).toBe(false);
    expect(RETRY_SCHEDULE_PATTERN.test('1 day')).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('later', now)).toBeUndefined();
  });
});
