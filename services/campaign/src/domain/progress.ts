/** A member's standing in a TASK or CHECK_IN_STREAK campaign. */
export interface Progress {
  done: number;
  streak: number;
  lastDay: string | null;
  rewarded: boolean;
}

/** The programme day of an instant (YYYY-MM-DD at the programme's UTC offset). */
export function programmeDay(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * One more counted action. BONUS: every action earns. TASK: the reward when `target` actions are
 * done. CHECK_IN_STREAK: consecutive programme days (a gap starts over at 1; a second check-in on
 * the same day changes nothing), the reward on reaching `target`. TASK and streak rewards come once.
 */
export function advance(
  type: 'BONUS' | 'TASK' | 'CHECK_IN_STREAK',
  progress: Progress,
  target: number | null,
  day: string,
): { progress: Progress; rewardDue: boolean } {
  if (type === 'BONUS') return { progress: { ...progress, done: progress.done + 1 }, rewardDue: true };
  if (type === 'TASK') {
    const done = progress.done + 1;
    const rewardDue = !progress.rewarded && done >= (target ?? 1);
    return { progress: { ...progress, done, rewarded: progress.rewarded || rewardDue }, rewardDue };
  }
  if (progress.lastDay === day) return { progress, rewardDue: false };
  const streak = progress.lastDay === dayBefore(day) ? progress.streak + 1 : 1;
  const rewardDue = !progress.rewarded && streak >= (target ?? 2);
  return { progress: { done: progress.done + 1, streak, lastDay: day, rewarded: progress.rewarded || rewardDue }, rewardDue };
}
