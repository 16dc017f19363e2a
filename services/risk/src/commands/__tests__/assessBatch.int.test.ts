import { openCommandDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { riskSchema } from '../../db/data-source';
import { RiskEvent } from '../../db/entities/RiskEvent';
import { assess, assessBatch, type Assessment, type BatchAnswer } from '../assess';
import { reviewDecision } from '../reviewDecision';
import { saveRiskRule } from '../saveRiskRule';

let db: CommandDatabase;
beforeEach(async () => {
  db = await openCommandDatabase(riskSchema);
});
afterEach(() => db.close());

const NOW = new Date('2026-11-30T08:00:00Z');
const minutesAgo = (n: number) => NOW.getTime() - n * 60_000;
const earn = (memberId: string, n: number, extra: object = {}) => ({
  action: 'EARN',
  memberId,
  amountFen: 10_000,
  channel: 'POS',
  idempotencyKey: `EARN:${memberId}-${n}`,
  occurredAtEpochMs: minutesAgo(30 - n),
  afterCommit: true,
  ...extra,
});
const decided = (answer: BatchAnswer) => ('error' in answer ? `error: ${answer.error.code}` : (answer as Assessment).decision);
const events = () => db.dataSource.getRepository(RiskEvent);

describe('assessBatch (earns sent after their commit)', () => {
  it('judges each action with the earlier ones in its history, as one Assess after another would', async () => {
    // earn-velocity-member: more than 10 earns by one member within an hour is REVIEW. Twelve in one
    // batch, interleaved with another member's two: the 11th and 12th of m-1 are reviewed.
    const batch = [
      ...Array.from({ length: 6 }, (_, i) => earn('m-1', i + 1)),
      earn('m-2', 1),
      ...Array.from({ length: 6 }, (_, i) => earn('m-1', i + 7)),
      earn('m-2', 2),
    ];
    const answers = await assessBatch(db.dataSource, batch, NOW);
    expect(answers.map(decided)).toEqual([...Array(6).fill('ALLOW'), 'ALLOW', ...Array(4).fill('ALLOW'), 'REVIEW', 'REVIEW', 'ALLOW']);
    expect(await events().countBy({ memberId: 'm-1' })).toBe(12);
    // Recorded as of when each earn happened.
    expect((await events().findOneByOrFail({ idempotencyKey: 'EARN:m-1-1' })).createdAt).toEqual(new Date(minutesAgo(29)));
  });

  it('records each action once: a batch sent again, a key twice in one batch and a key Assess already decided answer the first decision', async () => {
    const single = await assess(db.dataSource, earn('m-1', 1), NOW);
    const first = await assessBatch(db.dataSource, [earn('m-1', 1), earn('m-1', 2), earn('m-1', 2), earn('m-2', 1)], NOW);
    expect((first[0] as Assessment).eventId).toBe(single.eventId);
    expect((first[2] as Assessment).eventId).toBe((first[1] as Assessment).eventId);
    const [again, racing] = await Promise.all([
      assessBatch(db.dataSource, [earn('m-1', 2), earn('m-2', 1), earn('m-2', 2)], NOW),
      assessBatch(db.dataSource, [earn('m-2', 2)], NOW),
    ]);
    expect((again[0] as Assessment).eventId).toBe((first[1] as Assessment).eventId);
    expect((again[1] as Assessment).eventId).toBe((first[3] as Assessment).eventId);
    expect((again[2] as Assessment).eventId).toBe((racing[0] as Assessment).eventId);
    expect(await events().count()).toBe(4);
  });

  it('answers an action it cannot parse with its error and records the others', async () => {
    const answers = await assessBatch(db.dataSource, [earn('m-1', 1), earn('m-1', 2, { amountFen: 0 }), earn('m-1', 3)], NOW);
    expect(answers.map(decided)).toEqual(['ALLOW', 'error: BAD_USER_INPUT', 'ALLOW']);
    expect((await events().find({ order: { createdAt: 'ASC' } })).map((e) => e.idempotencyKey)).toEqual(['EARN:m-1-1', 'EARN:m-1-3']);
  });

  it('puts the DENY of an earn that already happened in the review queue with its reasons, where staff can act on it', async () => {
    await saveRiskRule(
      db.dataSource,
      {
        id: 'earn-velocity-deny',
        description: 'More than 2 earns by one member within an hour',
        enabled: true,
        outcome: 'DENY',
        score: 80,
        definition: JSON.stringify({ kind: 'VELOCITY', actions: ['EARN'], by: 'MEMBER', windowSeconds: 3600, max: 2 }),
      },
      'staff:test',
      NOW,
    );
    const answers = await assessBatch(db.dataSource, [earn('m-1', 1), earn('m-1', 2), earn('m-1', 3)], NOW);
    expect(answers.map(decided)).toEqual(['ALLOW', 'ALLOW', 'DENY']);
    const denied = await events().findOneByOrFail({ idempotencyKey: 'EARN:m-1-3' });
    expect(denied).toMatchObject({ decision: 'DENY', reviewStatus: 'PENDING', score: 80 });
    expect(JSON.parse(denied.reasons!)).toEqual([
      expect.objectContaining({ rule: 'earn-velocity-deny', outcome: 'DENY', detail: '3 EARN by member m-1 within 1 h (limit 2)' }),
    ]);
    const reviewed = await reviewDecision(
      db.dataSource,
      { eventId: denied.id, verdict: 'REJECT', reason: 'bought with stolen cards' },
      'staff:1',
    );
    expect(reviewed).toMatchObject({ decision: 'DENY', reviewStatus: 'REJECTED', reviewedBy: 'staff:1' });
    // A synchronous DENY refused the action itself: nothing to review.
    const refused = await assess(db.dataSource, earn('m-1', 4, { afterCommit: false }), NOW);
    expect(refused.decision).toBe('DENY');
    expect(await events().findOneByOrFail({ id: refused.eventId })).toMatchObject({ reviewStatus: null });
    await expect(
      reviewDecision(db.dataSource, { eventId: refused.eventId, verdict: 'APPROVE', reason: 'no' }, 'staff:1'),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
