import CircuitBreaker from 'opossum';
import { openAfterConsecutiveFailures } from '../breaker';

/** A breaker as the gateway builds one (rate over a 10 s window, 5 calls at least), with the trigger beside it. */
function breakerOver(call: () => Promise<string>, threshold: number) {
  const breaker = new CircuitBreaker(call, { timeout: false, errorThresholdPercentage: 50, volumeThreshold: 5, resetTimeout: 60_000 });
  openAfterConsecutiveFailures(breaker, threshold);
  return breaker;
}

const refused = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));

describe('openAfterConsecutiveFailures', () => {
  it('opens after the threshold of failures in a row, though the window still holds many more successes', async () => {
    let down = false;
    const breaker = breakerOver(() => (down ? refused() : Promise.resolve('ok')), 3);
    for (let i = 0; i < 50; i += 1) await breaker.fire();
    down = true;
    await expect(breaker.fire()).rejects.toThrow('ECONNREFUSED');
    await expect(breaker.fire()).rejects.toThrow('ECONNREFUSED');
    expect(breaker.opened).toBe(false);
    await expect(breaker.fire()).rejects.toThrow('ECONNREFUSED');
    expect(breaker.opened).toBe(true);
    // Open: refused without calling the subgraph.
    await expect(breaker.fire()).rejects.toMatchObject({ code: 'EOPENBREAKER' });
    breaker.shutdown();
  });

  it('starts counting again after a success, leaving occasional failures to the rate', async () => {
    let calls = 0;
    // Every third call fails: never three in a row, and a third of the calls is below the 50% rate.
    const breaker = breakerOver(() => (++calls % 3 === 0 ? refused() : Promise.resolve('ok')), 2);
    for (let i = 0; i < 60; i += 1) await breaker.fire().catch(() => undefined);
    expect(breaker.opened).toBe(false);
    breaker.shutdown();
  });

  it('leaves timeouts to the rate: a burst of slow answers alone does not open it, a hung peer still does', async () => {
    let calls = 0;
    const timedOut = () => Promise.reject(Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' }));
    // Forty answers, then four timeouts in a row: a tenth of the window, below the rate.
    const breaker = breakerOver(() => (++calls > 40 ? timedOut() : Promise.resolve('ok')), 2);
    for (let i = 0; i < 44; i += 1) await breaker.fire().catch(() => undefined);
    expect(breaker.opened).toBe(false);
    // Still hung: once the timeouts are more than half of the window, the rate opens it.
    for (let i = 0; i < 40 && !breaker.opened; i += 1) await breaker.fire().catch(() => undefined);
    expect(breaker.opened).toBe(true);
    breaker.shutdown();
  });

  it('counts a connection reset by the peer like a refused one', async () => {
    const reset = () => Promise.reject(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }));
    const breaker = breakerOver(reset, 2);
    await breaker.fire().catch(() => undefined);
    await breaker.fire().catch(() => undefined);
    expect(breaker.opened).toBe(true);
    breaker.shutdown();
  });

  it('refuses a threshold that is not a whole number of calls', () => {
    const breaker = new CircuitBreaker(refused);
    expect(() => openAfterConsecutiveFailures(breaker, 0)).toThrow(RangeError);
    breaker.shutdown();
  });
});
