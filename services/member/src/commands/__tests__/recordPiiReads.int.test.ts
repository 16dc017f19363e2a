import { openCommandDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { memberSchema } from '../../db/data-source';
import { PiiAccess } from '../../db/entities/PiiAccess';
import { recordPiiReads } from '../recordPiiReads';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(memberSchema);
});
afterAll(() => db.close());

describe('recordPiiReads', () => {
  it('records one row per member read, with every field read, who read it and in which request', async () => {
    const at = new Date('2026-11-30T08:00:00Z');
    const reader = { actor: 'staff:agent-7', requestId: 'req-1' };
    await recordPiiReads(db.dataSource, reader, ['m-1:phone', 'm-2:email', 'm-1:birthday', 'm-1:phone'], at);
    const rows = await db.dataSource.getRepository(PiiAccess).find({ order: { memberId: 'ASC' } });
    expect(rows).toEqual([
      expect.objectContaining({
        memberId: 'm-1',
        fields: 'birthday,phone',
        actor: 'staff:agent-7',
        purpose: 'GraphQL read, request req-1',
        at,
      }),
      expect.objectContaining({ memberId: 'm-2', fields: 'email', actor: 'staff:agent-7', purpose: 'GraphQL read, request req-1', at }),
    ]);
  });

  it('cuts a long actor or request id (the client sends the latter) to the columns instead of failing the read', async () => {
    await recordPiiReads(db.dataSource, { actor: 'a'.repeat(300), requestId: 'r'.repeat(300) }, ['m-3:phone']);
    const row = await db.dataSource.getRepository(PiiAccess).findOneByOrFail({ memberId: 'm-3' });
    expect(row.actor).toHaveLength(100);
    expect(row.purpose).toHaveLength(255);
  });
});
