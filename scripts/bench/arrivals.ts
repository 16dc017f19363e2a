/**
 * A fixed arrival rate (an open loop), for the benchmark's fixed-rate round and the chaos harness:
 * call i is sent when it falls due, at start + i × 1000 / rate ms on the `now` clock, whether or
 * not earlier calls have been answered (independent clients do not wait for each other); a late
 * timer catches up by sending every call that is due. Resolves with every call's outcome, in order.
 */
export async function atFixedRate<T>(
  schedule: { rate: number; total: number; start: number; now: () => number },
  send: (i: number, dueAt: number) => Promise<T>,
): Promise<T[]> {
  const interval = 1000 / schedule.rate;
  const pending: Array<Promise<T>> = [];
  while (pending.length < schedule.total) {
    const due = Math.min(schedule.total, Math.floor((schedule.now() - schedule.start) / interval) + 1);
    while (pending.length < due) pending.push(send(pending.length, schedule.start + pending.length * interval));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, schedule.start + pending.length * interval - schedule.now())));
  }
  return Promise.all(pending);
}
