import type { ChaosProcess } from './child-process';

/** A circuit breaker state change, as the gateway logs it (gateway/src/subgraph-fetch.ts). */
export interface BreakerEvent {
  subgraph: string;
  state: 'open' | 'halfOpen' | 'close';
  /** When the gateway logged it (epoch ms, pino's `time`). */
  at: number;
}

/** Collects the breaker state changes the gateway logs until `stop()`. */
export function watchBreakers(gateway: ChaosProcess): { events: BreakerEvent[]; stop(): void } {
  const events: BreakerEvent[] = [];
  const stop = gateway.onLog((line) => {
    const { subgraph, breaker, time } = line as { subgraph?: unknown; breaker?: unknown; time?: unknown };
    if (typeof subgraph === 'string' && typeof breaker === 'string' && typeof time === 'number') {
      events.push({ subgraph, state: breaker as BreakerEvent['state'], at: time });
    }
  });
  return { events, stop };
}

/** "open@4.6s, halfOpen@9.6s, …": the changes from `since` on, in seconds after it. */
export function describeTransitions(events: BreakerEvent[], since: number): string {
  const after = events.filter((e) => e.at >= since);
  return after.length === 0 ? 'none' : after.map((e) => `${e.subgraph} ${e.state}@${((e.at - since) / 1000).toFixed(1)}s`).join(', ');
}
