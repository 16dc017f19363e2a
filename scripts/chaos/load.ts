import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { CardRecord } from './card';
import { epochMs } from './clock';
import type { LoadJob, LoadMessage } from './load-worker';

/** Lead time between handing the worker its job and its first request. */
const START_LEAD_MS = 200;

/**
 * Forks load-worker.ts and, once it is ready, gives it the job: `startAt` is when the first request
 * goes out (for scheduling faults against), `records` resolves with every response.
 */
export async function startLoad(job: Omit<LoadJob, 'startAt'>): Promise<{ startAt: number; records: Promise<CardRecord[]> }> {
  const child = fork(join(__dirname, '..', 'run-ts.js'), [join(__dirname, 'load-worker.ts')], { stdio: 'inherit' });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`load worker exited (${signal ?? code}) before it answered`))),
  );
  const message = () => Promise.race([new Promise<LoadMessage>((resolve) => child.once('message', resolve)), exited]);
  try {
    await message();
  } catch (error) {
    child.kill();
    throw error;
  }
  const startAt = epochMs() + START_LEAD_MS;
  child.send({ ...job, startAt } satisfies LoadJob);
  const records = message().then((answer) => {
    child.kill();
    if ('records' in answer) return answer.records;
    throw new Error(`load worker failed: ${'error' in answer ? answer.error : 'no records'}`);
  });
  return { startAt, records };
}
