import type CircuitBreaker from 'opossum';

/** Connection-level failures: the peer is not there (refused, reset, unreachable), as opposed to slow. */
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** True for an error that says the peer could not be reached at all (undici's and Node's codes). */
export function isConnectionFailure(error: unknown): boolean {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === 'string' && CONNECTION_FAILURES.has(code);
}

/**
 * Opens `breaker` after `threshold` connection failures in a row (isConnectionFailure), beside
 * opossum's own rule (a failure rate over its rolling window, which must first outweigh the window's
 * successes: seconds after a crash). A crashed peer refuses connections in microseconds, so it is
 * cut off within a handful of calls. Timeouts are left to the rate, as before: a hung peer is still
 * cut off once its timeouts outweigh the window's successes, and a burst of slow answers on an
 * overloaded machine does not open the breaker by itself. A success starts the count again.
 */
export function openAfterConsecutiveFailures(breaker: CircuitBreaker, threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError(`consecutive failures must be a whole number ≥ 1, got ${threshold}`);
  let failures = 0;
  breaker.on('success', () => (failures = 0));
  breaker.on('close', () => (failures = 0));
  breaker.on('failure', (error: unknown) => {
    if (!isConnectionFailure(error)) return;
    failures += 1;
    // Half-open: opossum itself opens again on the trial call's failure.
    if (failures >= threshold && breaker.closed) breaker.open();
  });
}
