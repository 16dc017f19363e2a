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
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('assess', () => {
  it('decides and records the decision with its context', async () => {
    const assessment = await assess(db.dataSource, { ...EARN, store: 'SH-01' }, NOW);
    expect(assessment).toMatchObject({ decision: 'ALLOW', score: 0, reason: 'no rule matched', findings: [] });
    expect(await db.dataSource.getRepository(RiskEvent).findOneByOrFail({ id: assessment.eventId })).toMatchObject({
      ...EARN,
      store: 'SH-01',
      points: 0,
      deviceId: null,
      decision: 'ALLOW',
      score: 0,
      reasons: null,
      reviewStatus: null,
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

  it('judges by the stored rules: a REVIEW is recorded pending review with its findings', async () => {
    const burn = { action: 'BURN', memberId: 'm-burner', amountFen: 0, points: 100, channel: 'WEB', ip: '10.1.1.1' };
    for (let i = 1; i <= 5; i++) {
      expect(await assess(db.dataSource, { ...burn, idempotencyKey: `BURN:b-${i}` }, at(i))).toMatchObject({ decision: 'ALLOW' });
    }
    const sixth = await assess(db.dataSource, { ...burn, idempotencyKey: 'BURN:b-6' }, at(6));
    expect(sixth).toMatchObject({
      decision: 'REVIEW',
      score: 40,
      reason: 'burn-velocity-member: 6 BURN/REDEEM by member m-burner within 1 h (limit 5)',
      findings: [
        {
          rule: 'burn-velocity-member',
          outcome: 'REVIEW',
          score: 40,
          detail: '6 BURN/REDEEM by member m-burner within 1 h (limit 5)',
          relatedMemberIds: [],
        },
      ],
    });
    expect(await db.dataSource.getRepository(RiskEvent).findOneByOrFail({ id: sixth.eventId })).toMatchObject({
      decision: 'REVIEW',
      reviewStatus: 'PENDING',
      score: 40,
    });
    // An hour on, the window has passed.
    expect(await assess(db.dataSource, { ...burn, idempotencyKey: 'BURN:b-7' }, at(70))).toMatchObject({ decision: 'ALLOW' });
  });

  it('records an earn that went ahead while risk was down, sent after the fact, as of its time and pending review', async () => {
    const occurredAt = at(-30);
    const late = await assess(
      db.dataSource,
      { ...EARN, memberId: 'm-late', idempotencyKey: 'EARN:ORD-LATE', occurredAtEpochMs: occurredAt.getTime(), failOpen: true },
      NOW,
    );
    expect(late).toMatchObject({ decision: 'REVIEW', score: 0, findings: [{ rule: 'unassessed' }] });
    expect(await db.dataSource.getRepository(RiskEvent).findOneByOrFail({ id: late.eventId })).toMatchObject({
      reviewStatus: 'PENDING',
      createdAt: occurredAt,
    });
  });

  it.each([
    ['an action from the future', { occurredAtEpochMs: NOW.getTime() + 3_600_000 }],
    ['an unknown action', { action: 'PAY' }],
    ['a lower-case action', { action: 'earn' }],
    ['no member', { memberId: '' }],
    ['no idempotency key', { idempotencyKey: '' }],
    ['an idempotency key over 128 characters', { idempotencyKey: 'k'.repeat(129) }],
    ['a negative amount', { amountFen: -1 }],
    ['a fractional amount', { amountFen: 1.5 }],
    ['an earn of nothing', { amountFen: 0 }],
    ['a registration without device or IP', { action: 'REGISTER' }],
    ['a burn without points', { action: 'BURN' }],
    ['a referral reward without its invitee', { action: 'REFERRAL_REWARD' }],
    ['a malformed IP', { ip: 'localhost' }],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_, change) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(assess(db.dataSource, { ...EARN, idempotencyKey: 'EARN:BAD', ...change }, NOW)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
