import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { createLogger, createOutbox, type Outbox } from '../../../../kit/src';
import { memoryPeers, type MemoryPeers } from '../../../test/memoryPorts';
import { campaignSchema } from '../../db/data-source';
import { Campaign } from '../../db/entities/Campaign';
import { actionRewardHandler, CAMPAIGN_REWARD, recordAction, type MemberAction } from '../recordAction';
import { createCampaign } from '../createCampaign';

let db: CommandDatabase;
let peers: MemoryPeers;
let outbox: Outbox;
beforeEach(async () => {
  db = await openCommandDatabase(campaignSchema);
  peers = memoryPeers();
  outbox = createOutbox({
    dataSource: db.dataSource,
    handlers: { [CAMPAIGN_REWARD]: actionRewardHandler(peers) },
    logger: createLogger('campaign-action-test', 'silent'),
    intervalMs: 0,
  });
});
afterEach(async () => {
  await outbox.stop();
  await db.close();
});

const WEEK = { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' };
const create = (input: Partial<Parameters<typeof createCampaign>[1]> & { name: string; type: string }) =>
  createCampaign(db.dataSource, { ...WEEK, ...input }, 'staff:test');
/** A check-in on December `day` at 09:00 in Beijing. */
const checkIn = (day: number, memberId = 'm-1', change: Partial<MemberAction> = {}) =>
  recordAction(db.dataSource, peers, outbox, 480, {
    memberId,
    action: 'CHECK_IN',
    ref: `2026-12-${String(day).padStart(2, '0')}`,
    at: new Date(`2026-12-${String(day).padStart(2, '0')}T01:00:00Z`),
    ...change,
  });

describe('recordAction', () => {
  it('BONUS: points for every check-in, a repeat of one day counted once, granted with the grant’s key', async () => {
    await create({ name: 'Check-in bonus', type: 'BONUS', taskAction: 'CHECK_IN', bonusPoints: 10 });
    expect(await checkIn(1)).toHaveLength(1);
    expect(await checkIn(1)).toEqual([]);
    expect(await checkIn(2)).toHaveLength(1);
    expect(peers.points.awards.map((a) => a.points)).toEqual([10, 10]);
    expect(new Set(peers.points.awards.map((a) => a.idempotencyKey)).size).toBe(2);
  });

  it('TASK: the reward once, when the third action is done', async () => {
    await create({ name: 'Three check-ins', type: 'TASK', taskAction: 'CHECK_IN', taskTarget: 3, rewardCouponTemplate: 'TEA10' });
    const grants = [];
    for (const day of [1, 2, 3, 4, 5]) grants.push((await checkIn(day)).length);
    expect(grants).toEqual([0, 0, 1, 0, 0]);
    expect(peers.benefits.coupons.map((c) => c.templateCode)).toEqual(['TEA10']);
  });

  it('CHECK_IN_STREAK: seven consecutive days (Beijing time); a gap starts over', async () => {
    await create({ name: 'Seven days', type: 'CHECK_IN_STREAK', taskTarget: 7, bonusPoints: 70 });
    for (const day of [1, 2, 3, 5, 6, 7, 8, 9, 10]) await checkIn(day);
    expect(peers.points.awards).toEqual([]);
    expect(await checkIn(11)).toHaveLength(1);
    expect(peers.points.awards.map((a) => a.points)).toEqual([70]);
    expect(await checkIn(12)).toEqual([]);
  });

  it('stops granting when the points budget is spent, exactly', async () => {
    const bonus = await create({ name: 'Budgeted bonus', type: 'BONUS', taskAction: 'CHECK_IN', bonusPoints: 10, budgetPoints: 25 });
    for (const member of ['a', 'b', 'c', 'd']) await checkIn(1, member);
    expect(peers.points.awards).toHaveLength(2);
    expect((await db.dataSource.getRepository(Campaign).findOneByOrFail({ id: bonus.id })).spentPoints).toBe(20);
  });

  it('applies targeting: a tier campaign ignores other tiers', async () => {
    await create({ name: 'Gold check-in', type: 'BONUS', taskAction: 'CHECK_IN', bonusPoints: 10, target: { tiers: ['GOLD'] } });
    peers.member.tiers.set('gold-1', 'GOLD');
    expect(await checkIn(1, 'regular-1', { tierId: 'REGULAR' })).toEqual([]);
    expect(await checkIn(1, 'gold-1')).toHaveLength(1);
  });

  it('refuses an unknown action, writing nothing', async () => {
    await create({ name: 'Check-in bonus', type: 'BONUS', taskAction: 'CHECK_IN', bonusPoints: 10 });
    const before = await snapshotDatabase(db.dataSource);
    await expect(checkIn(1, 'm-1', { action: 'DANCE' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'action' } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
