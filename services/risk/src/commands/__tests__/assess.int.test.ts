import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { riskSchema } from '../../db/data-source';
import { RiskEvent } from '../../db/entities/RiskEvent';
import { assess } from '../assess';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(riskSchema);
});
afterAll(() => db.close());

const NOW = new Date('2026-11-30T08:00:00Z');
const EARN = { action: 'EARN', memberId: 'm-1', amountFen: 19_990, channel: 'POS', idempotencyKey: 'EARN:ORD-1' };

describe('assess', () => {
  it('decides (every action is allowed until rules are configured) and records the decision', async () => {
    const assessment = await assess(db.dataSource, EARN, NOW);
    expect(assessment).toMatchObject({ decision: 'ALLOW', reason: 'no rule matched' });
    expect(await db.dataSource.getRepository(RiskEvent).findOneByOrFail({ id: assessment.eventId })).toMatchObject({
      ...EARN,
      decision: 'ALLOW',
      createdAt: NOW,
    });
  });

  it('answers a retry with the same idempotency key with the recorded decision, recording once', async () => {
    const input = { ...EARN, idempotencyKey: 'EARN:ORD-2' };
    const first = await assess(db.dataSource, input, NOW);
    const [again, concurrent] = await Promise.all([assess(db.dataSource, input, NOW), assess(db.dataSource, input, NOW)]);
    expect(again).toEqual(first);
    expect(concurrent).toEqual(first);
    expect(await db.dataSource.getRepository(RiskEvent).countBy({ idempotencyKey: 'EARN:ORD-2' })).toBe(1);
  });

  it.each([
    ['a lower-case action', { action: 'earn' }],
    ['no member', { memberId: '' }],
    ['no idempotency key', { idempotencyKey: '' }],
    ['an idempotency key over 128 characters', { idempotencyKey: 'k'.repeat(129) }],
    ['a negative amount', { amountFen: -1 }],
    ['a fractional amount', { amountFen: 1.5 }],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_, change) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(assess(db.dataSource, { ...EARN, idempotencyKey: 'EARN:BAD', ...change }, NOW)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
