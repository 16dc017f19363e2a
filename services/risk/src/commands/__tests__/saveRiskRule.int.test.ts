import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { riskSchema } from '../../db/data-source';
import { RiskRuleRow } from '../../db/entities/RiskRuleRow';
import { assess } from '../assess';
import { saveRiskRule } from '../saveRiskRule';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(riskSchema);
});
afterAll(() => db.close());

const NOW = new Date('2026-11-30T08:00:00Z');
const rule = {
  id: 'earn-velocity-member',
  description: 'More than 2 earns by one member within an hour',
  enabled: true,
  outcome: 'DENY',
  score: 60,
  definition: '{"kind":"VELOCITY","actions":["EARN","EARN"],"by":"MEMBER","windowSeconds":3600,"max":2,"note":"ignored"}',
};
const earn = (n: number) => ({ action: 'EARN', memberId: 'm-1', amountFen: 1_000, channel: 'WEB', idempotencyKey: `EARN:${n}` });

describe('saveRiskRule', () => {
  it('replaces a seeded rule, bumping its version and storing the definition as parsed; the next Assess applies it', async () => {
    expect(await db.dataSource.getRepository(RiskRuleRow).findOneByOrFail({ id: rule.id })).toMatchObject({
      version: 1,
      updatedBy: 'system',
    });
    const saved = await saveRiskRule(db.dataSource, rule, 'staff:admin-1', NOW);
    expect(saved).toMatchObject({ id: rule.id, outcome: 'DENY', score: 60, version: 2, updatedBy: 'staff:admin-1', updatedAt: NOW });
    expect(JSON.parse(saved.definition)).toEqual({ kind: 'VELOCITY', actions: ['EARN'], by: 'MEMBER', windowSeconds: 3600, max: 2 });
    expect(await db.dataSource.getRepository(RiskRuleRow).findOneByOrFail({ id: rule.id })).toEqual(saved);

    expect((await assess(db.dataSource, earn(1), NOW)).decision).toBe('ALLOW');
    expect((await assess(db.dataSource, earn(2), NOW)).decision).toBe('ALLOW');
    expect(await assess(db.dataSource, earn(3), NOW)).toMatchObject({ decision: 'DENY', score: 60 });
  });

  it('creates a new rule at version 1; a disabled rule decides nothing', async () => {
    const created = await saveRiskRule(db.dataSource, { ...rule, id: 'earn-burst', enabled: false }, 'staff:admin-1', NOW);
    expect(created.version).toBe(1);
    await saveRiskRule(db.dataSource, { ...rule, enabled: false }, 'staff:admin-1', NOW);
    expect((await assess(db.dataSource, earn(4), NOW)).decision).toBe('ALLOW');
  });

  it.each([
    ['a definition that is not JSON', { definition: '{"kind":' }, 'definition'],
    ['an unknown kind', { definition: '{"kind":"GUESS"}' }, 'definition'],
    ['a missing parameter', { definition: '{"kind":"VELOCITY","actions":["EARN"],"by":"MEMBER","max":2}' }, 'definition'],
    ['outcome ALLOW', { outcome: 'ALLOW' }, 'outcome'],
    ['a score over 100', { score: 150 }, 'score'],
    ['a malformed id', { id: 'Earn Velocity' }, 'id'],
  ])('refuses %s with BAD_USER_INPUT on its field, writing nothing', async (_, change, field) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(saveRiskRule(db.dataSource, { ...rule, ...change }, 'staff:admin-1', NOW)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
