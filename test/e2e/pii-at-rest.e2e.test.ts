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

  it('nor the phone, the WeChat ids, a card number or a sign-in code after every way of signing in and binding', async () => {
    const phone = '13912345671';
    const web = await stack.loginMember(phone);
    const code = stack.sms[stack.sms.length - 1].code;
    const wechat = await stack.queryAs(
      null,
      'mutation { loginWithWeChat(code: "dev:oPENID-pii-7788:uNIONID-pii-9900", phoneCode: "dev:13912345671") { member { id } } }',
    );
    expect(wechat.data.loginWithWeChat.member.id).toBe(web.memberId);
    await stack.query('mutation($m: ID!) { bindCard(memberId: $m, cardNo: "VIPCARD-445566") { id } }', { m: web.memberId });
    expect((await stack.query('{ memberByCard(cardNo: "vipcard-445566") { id } }')).data.memberByCard.id).toBe(web.memberId);
    const dump = await everything();
    for (const secret of [phone, '12345671', 'oPENID-pii-7788', 'uNIONID-pii-9900', 'VIPCARD-445566', 'dev-session-oPENID']) {
      expect({ secret, found: dump.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(dump).not.toMatch(new RegExp(`"${code}"`));
  });
});
