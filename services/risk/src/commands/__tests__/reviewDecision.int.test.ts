import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { riskSchema } from '../../db/data-source';
import { RiskEvent } from '../../db/entities/RiskEvent';
import { RiskProfile } from '../../db/entities/RiskProfile';
import { assess } from '../assess';
import { reviewDecision } from '../reviewDecision';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(riskSchema);
});
afterAll(() => db.close());

const NOW = new Date('2026-11-30T08:00:00Z');
const LATER = new Date('2026-11-30T09:00:00Z');

/** A fourth member registering on one device: REVIEW under the seeded device-shared rule. */
async function reviewFor(memberId: string, device: string): Promise<string> {
  for (let i = 1; i <= 3; i++) {
    await assess(
      db.dataSource,
      {
        action: 'REGISTER',
        memberId: `${memberId}-n${i}`,
        amountFen: 0,
        channel: 'WEB',
        deviceId: device,
        idempotencyKey: `REG:${memberId}-n${i}`,
      },
      NOW,
    );
  }
  const assessment = await assess(
    db.dataSource,
    { action: 'REGISTER', memberId, amountFen: 0, channel: 'WEB', deviceId: device, idempotencyKey: `REG:${memberId}` },
    NOW,
  );
  expect(assessment.decision).toBe('REVIEW');
  return assessment.eventId;
}

describe('reviewDecision', () => {
  it('approves with a reason, once: the same verdict again answers the review, another is CONFLICT', async () => {
    const id = await reviewFor('m-approved', 'dev-a');
    const approved = await reviewDecision(
      db.dataSource,
      { eventId: id, verdict: 'APPROVE', reason: ' family tablet, checked by phone ' },
      'staff:agent-1',
      LATER,
    );
    expect(approved).toMatchObject({
      reviewStatus: 'APPROVED',
      reviewedBy: 'staff:agent-1',
      reviewedAt: LATER,
      reviewNote: 'family tablet, checked by phone',
    });
    expect(await reviewDecision(db.dataSource, { eventId: id, verdict: 'APPROVE', reason: 'again' }, 'staff:agent-2')).toEqual(approved);
    await expect(
      reviewDecision(db.dataSource, { eventId: id, verdict: 'REJECT', reason: 'changed my mind' }, 'staff:agent-2'),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await db.dataSource.getRepository(RiskProfile).countBy({ memberId: 'm-approved' })).toBe(0);
  });

  it("rejects with a reason, making the member's level HIGH; of two racing reviews one wins", async () => {
    const id = await reviewFor('m-rejected', 'dev-b');
    const results = await Promise.allSettled([
      reviewDecision(db.dataSource, { eventId: id, verdict: 'REJECT', reason: 'farm device' }, 'staff:agent-1', LATER),
      reviewDecision(db.dataSource, { eventId: id, verdict: 'APPROVE', reason: 'looks fine' }, 'staff:agent-2', LATER),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const event = await db.dataSource.getRepository(RiskEvent).findOneByOrFail({ id });
    const profile = await db.dataSource.getRepository(RiskProfile).findOneBy({ memberId: 'm-rejected' });
    if (event.reviewStatus === 'REJECTED') expect(profile).toMatchObject({ level: 'HIGH', updatedAt: LATER });
    else expect(profile).toBeNull();
  });

  it.each([
    ['an unknown decision', 1, { eventId: 'no-such-id' }, 'NOT_FOUND'],
    ['an id longer than any', 2, { eventId: 'x'.repeat(40) }, 'NOT_FOUND'],
    ['a reason of two characters', 3, { reason: 'ok' }, 'BAD_USER_INPUT'],
  ])('refuses %s, writing nothing', async (_, n, change: { eventId?: string; reason?: string }, code) => {
    const id = await reviewFor(`m-refused-${n}`, `dev-refused-${n}`);
    const before = await snapshotDatabase(db.dataSource);
    await expect(
      reviewDecision(db.dataSource, { eventId: id, verdict: 'REJECT', reason: 'a good reason', ...change }, 'staff:agent-1'),
    ).rejects.toMatchObject({ code });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('refuses to review a decision that was not REVIEW', async () => {
    const allowed = await assess(
      db.dataSource,
      { action: 'EARN', memberId: 'm-allowed', amountFen: 100, channel: 'POS', idempotencyKey: 'EARN:allowed' },
      NOW,
    );
    await expect(
      reviewDecision(db.dataSource, { eventId: allowed.eventId, verdict: 'APPROVE', reason: 'nothing to review' }, 'staff:agent-1'),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'only decisions in the review queue are reviewed; this one is ALLOW',
    });
  });
});
