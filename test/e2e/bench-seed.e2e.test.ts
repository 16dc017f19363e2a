import { checkSeededProgramme } from '../../scripts/bench/seed-check';
import { seedProgramme } from '../../scripts/bench/seed';
import { startStack, type Stack } from '../harness/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { POINTS_EXPIRY_INTERVAL_MS: '0', OUTBOX_INTERVAL_MS: '1000' } });
});
afterAll(() => stack?.stop());

/**
 * The benchmark writes its programme straight into the services' databases; here, at a small size,
 * the services must then read it as their own: balance == Σ ledger == Σ lots, tiers as the tier
 * engine makes them, the card through the gateway (also with the member's own token), a new order
 * earning on top, and the same seed giving the same rows.
 */
it('seeds a programme the services read as their own', async () => {
  const options = { members: 300, orders: 3000, seed: 7, now: new Date() };
  const seeded = await seedProgramme(stack, options);
  expect(seeded.memberIds).toHaveLength(300);
  expect(seeded.orders).toBe(3000);
  expect(Object.values(seeded.tierCounts).every((n) => n > 0)).toBe(true);
  await checkSeededProgramme(stack, seeded, options);
}, 120_000);
