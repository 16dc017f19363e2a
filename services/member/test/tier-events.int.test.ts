import { openCommandDatabase, type CommandDatabase } from '../../../test/harness/commandDatabase';
import { createLogger, createOutbox, inTransaction, type Outbox } from '../../kit/src';
import { newMember } from '../src/commands/__tests__/memberFixture';
import { grantTier } from '../src/commands/grantTier';
import { deliverWithTierChanges, enqueueMilestoneReached, memberEventHandlers } from '../src/commands/memberEvents';
import { memberSchema } from '../src/db/data-source';
import { MemoryBenefits, MemoryCampaign, MemoryPoints } from './memoryPorts';

/*
 * A member's tier changes have an outbox key of their own (tierEventsKey): they reach points' tier
 * copy even while an earlier event of the member for another service waits for that service, so
 * an earn never keeps the previous γ for the length of someone else's outage.
 */

let db: CommandDatabase;
let points: MemoryPoints;
let benefits: MemoryBenefits;
let outbox: Outbox;
beforeEach(async () => {
  db = await openCommandDatabase(memberSchema);
  points = new MemoryPoints();
  benefits = new MemoryBenefits();
  outbox = createOutbox({
    dataSource: db.dataSource,
    handlers: memberEventHandlers(points, benefits, new MemoryCampaign()),
    logger: createLogger('member-tier-events-test', 'silent'),
    // No dispatcher: the test delivers.
    intervalMs: 0,
  });
});
afterEach(async () => {
  await outbox.stop();
  await db.close();
});

it('a staff grant reaches points while the member’s milestone waits for benefits, which is down', async () => {
  const member = await newMember(db.dataSource);
  benefits.down = true;
  const reached = new Date();
  await inTransaction(db.dataSource, (manager) =>
    enqueueMilestoneReached(
      manager,
      { milestoneId: 'ms-1', memberId: member.id, kind: 'TWELFTH_PURCHASE', reachedAtEpochMs: reached.getTime() },
      reached,
    ),
  );
  await grantTier(db.dataSource, { memberId: member.id, tierId: 'GOLD', reason: 'store opening', expiresAt: null }, 'staff:ops-1');
  await deliverWithTierChanges(outbox.deliverNow, member.id);
  expect(points.tiers.get(member.id)).toMatchObject({ tierId: 'GOLD', tierVersion: 1, granted: true });
  // The milestone still waits for benefits, with the member's other events behind it.
  const pending = await db.dataSource.query('SELECT event_key FROM outbox_events WHERE delivered_at IS NULL');
  expect(pending.map((row: { event_key: string }) => row.event_key)).toContain(member.id);
});
