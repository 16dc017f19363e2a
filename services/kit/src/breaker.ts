import type CircuitBreaker from 'opossum';

/**
 * Opens `breaker` after `threshold` failures in a row, beside opossum's own rule (a failure rate
 * over its rolling window, which must first outweigh the window's successes: seconds after a crash).
 * A refused connection fails in microseconds, so a crashed peer is cut off within a handful of calls;
 * a hung one, whose every call ends in a timeout, still reaches the count as its timeouts arrive.
 * Any success starts the count again, so a peer failing now and then is left to the rate.
 */
export function openAfterConsecutiveFailures(breaker: CircuitBreaker, threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError(`consecutive failures must be a whole number ≥ 1, got ${threshold}`);
  let failures = 0;
  breaker.on('success', () => (failures = 0));
  breaker.on('close', () => (failures = 0));
  breaker.on('failure', () => {
    failures += 1;
    // Half-open: opossum itself opens again on the trial call's failure.
    if (failures >= threshold && breaker.closed) breaker.open();
  });
}
