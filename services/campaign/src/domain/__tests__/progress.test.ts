import { advance, programmeDay, type Progress } from '../progress';

const start: Progress = { done: 0, streak: 0, lastDay: null, rewarded: false };

describe('advance', () => {
  it('BONUS earns on every action', () => {
    expect(advance('BONUS', start, null, '2026-12-01')).toEqual({ progress: { ...start, done: 1 }, rewardDue: true });
  });

  it('TASK rewards once, when the target is reached', () => {
    let p = start;
    const due: boolean[] = [];
    for (let i = 0; i < 4; i += 1) {
      const next = advance('TASK', p, 3, '2026-12-01');
      p = next.progress;
      due.push(next.rewardDue);
    }
    expect(due).toEqual([false, false, true, false]);
  });

  it('CHECK_IN_STREAK counts consecutive days; a gap starts over; the same day twice counts once', () => {
    const days = ['2026-12-01', '2026-12-02', '2026-12-02', '2026-12-04', '2026-12-05', '2026-12-06'];
    let p = start;
    const streaks: number[] = [];
    const due: boolean[] = [];
    for (const day of days) {
      const next = advance('CHECK_IN_STREAK', p, 3, day);
      p = next.progress;
      streaks.push(p.streak);
      due.push(next.rewardDue);
    }
    expect(streaks).toEqual([1, 2, 2, 1, 2, 3]);
    expect(due).toEqual([false, false, false, false, false, true]);
  });

  it('crosses month ends', () => {
    const p = advance('CHECK_IN_STREAK', { ...start, streak: 1, lastDay: '2026-11-30' }, 3, '2026-12-01').progress;
    expect(p.streak).toBe(2);
  });
});

describe('programmeDay', () => {
  it('is the date at the programme’s offset (UTC+8: 16:00 UTC is the next day)', () => {
    expect(programmeDay(new Date('2026-11-30T15:59:59Z'), 480)).toBe('2026-11-30');
    expect(programmeDay(new Date('2026-11-30T16:00:00Z'), 480)).toBe('2026-12-01');
  });
});
