/**
 * Runs `task` every `intervalMs` inside a service (0: never). Runs never overlap; a failure is
 * reported and the next tick tries again; stop() waits for a run in progress, so the database is
 * not closed under it. The timer does not keep the process alive.
 */
export function runEvery(intervalMs: number, task: () => Promise<void>, onError: (error: unknown) => void): { stop(): Promise<void> } {
  if (intervalMs === 0) return { stop: async () => undefined };
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = task()
      .catch(onError)
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
