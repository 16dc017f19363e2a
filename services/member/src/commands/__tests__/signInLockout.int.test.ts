import { MemoryCampaign, MemoryRisk } from '../../../test/memoryPorts';
import { readPiiCipher } from '../../../../kit/src';
import { openCommandDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import type { GuardAlert, GuardLimits } from '../../auth/guards';
import { Sessions } from '../../auth/sessions';
import { SigningKeys } from '../../auth/signingKeys';
import type { SmsSender } from '../../auth/sms';
import { loadMemberConfig } from '../../config';
import { memberSchema } from '../../db/data-source';
import { createStaff } from '../createStaff';
import { loginWithCode } from '../loginWithCode';
import { requestLoginCode } from '../requestLoginCode';
import { staffLogin } from '../staffLogin';
import { unlockSignIn } from '../unlockSignIn';

/**
 * Who a lock falls on: an attacker at one address must not keep a staff member or a member at
 * another address from signing in. (Addresses are only labels here: nothing is sent anywhere.)
 */
const pii = readPiiCipher({});
const ATTACKER = '203.0.113.66';
const OFFICE = '198.51.100.7';
const RIGHT = 'the-right-passphrase';

let db: CommandDatabase;
let alerts: Array<{ alert: GuardAlert; credential: string }>;
let limits: GuardLimits;
let sessions: Sessions;
beforeEach(async () => {
  db = await openCommandDatabase(memberSchema);
  alerts = [];
  limits = {
    ...loadMemberConfig({}).auth.limits,
    addressMaxFailures: 100_000, // the attacker's address alone is not what is tested here
    attackThreshold: 40,
    onAlert: (alert, credential) => void alerts.push({ alert, credential }),
  };
  sessions = new Sessions(db.dataSource, new SigningKeys(db.dataSource, pii), { accessSeconds: 900, refreshSeconds: 3600 });
  await createStaff(db.dataSource, { username: 'store.manager', password: RIGHT, roles: ['OPERATOR'] });
});
afterEach(() => db.close());

const signIn = (password: string, ip: string) =>
  staffLogin({ dataSource: db.dataSource, limits, sessions }, { username: 'store.manager', password, ip }).then(
    (session) => session.identity.subject ?? 'signed in',
    (error: { code?: string; message?: string }) => error.code ?? String(error),
  );

describe('staff passwords: the lock falls on the address that failed', () => {
  it('ten wrong passwords lock the attacker out, even with the right one, while the staff member at the office signs in', async () => {
    for (let i = 0; i < 10; i += 1) expect(await signIn(`wrong-${i}`, ATTACKER)).toBe('UNAUTHENTICATED');
    expect(await signIn(RIGHT, ATTACKER)).toBe('TOO_MANY_REQUESTS');
    expect(await signIn(RIGHT, OFFICE)).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
  });

  it('an attack from many addresses slows those addresses down (with an alert), and an address that has not failed still signs in', async () => {
    const bots = [...Array(12).keys()].map((i) => `192.0.2.${i + 1}`);
    for (const bot of bots) expect(await signIn('wrong-passphrase', bot)).toBe('UNAUTHENTICATED');
    // Past LOGIN_SLOWDOWN_AFTER_FAILURES (10) on the account, a failing address must wait before its next try.
    expect(await signIn('wrong-again', bots[11])).toBe('TOO_MANY_REQUESTS');
    expect(alerts).toEqual([{ alert: 'SLOWED_DOWN', credential: 'staff:store.manager' }]);
    expect(await signIn(RIGHT, OFFICE)).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
  });

  it('a proven attack locks the account for everyone, with an alert, until an ADMIN lifts it', async () => {
    for (let i = 0; i < limits.attackThreshold; i += 1) await signIn('wrong-passphrase', `192.0.2.${i + 1}`);
    expect(alerts.map((a) => a.alert)).toEqual(['SLOWED_DOWN', 'ATTACK_LOCKED']);
    await expect(
      staffLogin({ dataSource: db.dataSource, limits, sessions }, { username: 'store.manager', password: RIGHT, ip: OFFICE }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/administrator can lift/) });
    expect(await unlockSignIn({ dataSource: db.dataSource, pii }, { username: 'Store.Manager' })).toBe(true);
    expect(await signIn(RIGHT, OFFICE)).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    // The attackers' own addresses stay slowed down or locked out of it.
    expect(await signIn(RIGHT, '192.0.2.40')).toBe('TOO_MANY_REQUESTS');
    expect(await unlockSignIn({ dataSource: db.dataSource, pii }, { username: 'store.manager' })).toBe(false);
  });

  it('unlockSignIn takes exactly one of a username and a phone', async () => {
    await expect(unlockSignIn({ dataSource: db.dataSource, pii }, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(unlockSignIn({ dataSource: db.dataSource, pii }, { username: 'a', phone: '13800000000' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('sign-in codes: the same per phone', () => {
  it('ten wrong codes lock the attacker out of the phone, while its owner elsewhere signs in with the right code', async () => {
    const sent: Array<{ phone: string; code: string }> = [];
    const sms: SmsSender = { name: 'memory', sendLoginCode: async (phone, code) => void sent.push({ phone, code }) };
    const codes = { pii, limits, ttlSeconds: 300 };
    const deps = {
      dataSource: db.dataSource,
      pii,
      codes,
      sessions,
      risk: new MemoryRisk(),
      deliverEvents: async () => undefined,
      campaign: new MemoryCampaign(),
    };
    const phone = '13877771234';
    const attempt = (code: string, ip: string) =>
      loginWithCode(deps, { phone, code, channel: 'WEB', ip }).then(
        () => 'signed in',
        (error: { code?: string }) => error.code,
      );
    for (let i = 0; i < 10; i += 1) expect(await attempt('000000', ATTACKER)).toBe('UNAUTHENTICATED');
    expect(await requestLoginCode(db.dataSource, { ...codes, sms }, { phone, ip: OFFICE })).toBe(300);
    const code = sent[0].code;
    expect(await attempt(code, ATTACKER)).toBe('TOO_MANY_REQUESTS');
    expect(await attempt(code, OFFICE)).toBe('signed in');
  });
});
