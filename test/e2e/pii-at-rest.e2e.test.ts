import { SERVICE_NAMES } from '../../services/kit/src';
import { MEMBER_CARD, RECORD_ORDER, REGISTER } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

/** Every row of every table of every service's database, as text. */
async function everything(): Promise<string> {
  const dumps: string[] = [];
  for (const service of SERVICE_NAMES) {
    const db = stack.services[service].dataSource;
    const tables: Array<Record<string, string>> =
      db.options.type === 'mysql'
        ? await db.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()')
        : await db.query("SELECT name FROM sqlite_master WHERE type = 'table'");
    for (const { name } of tables) dumps.push(JSON.stringify(await db.query(`SELECT * FROM \`${name}\``)));
  }
  return dumps.join('\n');
}

describe('personal data at rest', () => {
  it('no database holds the phone number in clear after registration and an order; the card still shows it masked', async () => {
    const phone = '13812345670';
    const id = (await stack.query(REGISTER, { phone: '+86 138 1234 5670', channel: 'WEB' })).data.registerMember.id;
    await stack.query(RECORD_ORDER, { memberId: id, orderNo: 'PII-1', amount: '10.00', channel: 'WEB' });
    const dump = await everything();
    expect(dump.length).toBeGreaterThan(1000);
    expect(dump).toContain(id);
    expect(dump).not.toContain(phone);
    expect(dump).not.toContain('12345670');
    expect((await stack.query(MEMBER_CARD, { id })).data.member.maskedPhone).toBe('138****5670');
    // Still one member per phone: the blind index is unique.
    expect((await stack.query(REGISTER, { phone, channel: 'POS' })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
