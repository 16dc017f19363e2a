/**
 * Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one
 * machine: the harness, its load worker and the gateway's breaker observer all stamp events with it,
 * so a kill and the responses around it fall on one time line.
 */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
