import { MemoryCampaign, MemoryRisk } from '../../../test/memoryPorts';
import { DomainError, readPiiCipher } from '../../../../kit/src';
import { openCommandDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { Sessions } from '../../auth/sessions';
import { SigningKeys } from '../../auth/signingKeys';
import { DEVELOPMENT_LOGIN_CODE, type SmsSender } from '../../auth/sms';
import { LoginCode } from '../../db/entities/LoginCode';
import { loadMemberConfig } from '../../config';
import { memberSchema } from '../../db/data-source';
import { loginWithCode } from '../loginWithCode';
import { requestLoginCode } from '../requestLoginCode';

const pii = readPiiCipher({});
const limits = loadMemberConfig({}).auth.limits;
const codes = { pii, limits, ttlSeconds: 300 };

/** The SMS port in memory: what would have been delivered. */
function recordingSender(fixedCode?: string): SmsSender & { sent: Array<{ phone: string; code: string }> } {
  const sent: Array<{ phone: string; code: string }> = [];
  return {
    name: 'memory',
    sent,
    ...(fixedCode ? { fixedCode } : {}),
    sendLoginCode: async (phone, code) => void sent.push({ phone, code }),
  };
}

let db: CommandDatabase;
beforeEach(async () => {
  db = await openCommandDatabase(memberSchema);
});
afterEach(() => db.close());

describe('requestLoginCode', () => {
  it('is UNAVAILABLE without an SMS sender, and stores or counts nothing', async () => {
    const error = await requestLoginCode(db.dataSource, { ...codes, sms: null }, { phone: '13877770001' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('UNAVAILABLE');
    expect(await db.dataSource.getRepository(LoginCode).count()).toBe(0);
  });

  it('hands a fresh random code to the sender only, stored as a hash, and it signs in once', async () => {
    const sms = recordingSender();
    expect(await requestLoginCode(db.dataSource, { ...codes, sms }, { phone: '+86 138-7777-0002', ip: '10.0.0.1' })).toBe(300);
    expect(sms.sent).toEqual([{ phone: '13877770002', code: expect.stringMatching(/^\d{6}$/) }]);
    const [stored] = await db.dataSource.getRepository(LoginCode).find();
    expect(JSON.stringify(stored)).not.toContain(sms.sent[0].code);
    const sessions = new Sessions(db.dataSource, new SigningKeys(db.dataSource, pii), { accessSeconds: 900, refreshSeconds: 3600 });
    const delivered: string[] = [];
    const deps = {
      dataSource: db.dataSource,
      pii,
      codes,
      sessions,
      risk: new MemoryRisk(),
      deliverEvents: async (id: string) => void delivered.push(id),
      campaign: new MemoryCampaign(),
    };
    const session = await loginWithCode(deps, { phone: '13877770002', code: sms.sent[0].code, channel: 'WEB' });
    expect(delivered).toEqual([session.identity.subject]);
    await expect(loginWithCode(deps, { phone: '13877770002', code: sms.sent[0].code, channel: 'WEB' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it("uses the development sender's fixed code when it has one", async () => {
    const sms = recordingSender(DEVELOPMENT_LOGIN_CODE);
    await requestLoginCode(db.dataSource, { ...codes, sms }, { phone: '13877770003' });
    expect(sms.sent[0].code).toBe(DEVELOPMENT_LOGIN_CODE);
  });

  it('refuses a bad phone before anything is stored', async () => {
    const sms = recordingSender();
    await expect(requestLoginCode(db.dataSource, { ...codes, sms }, { phone: '12345' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(sms.sent).toHaveLength(0);
  });
});
