import { snapshotDatabase } from '../../../../../test/harness/commandDatabase';
import { readPiiCipher } from '../../../../kit/src';
import { openMemberCommands, type MemberCommands } from '../../../test/commandFixture';
import { Sessions } from '../../auth/sessions';
import { SigningKeys } from '../../auth/signingKeys';
import type { SmsSender } from '../../auth/sms';
import { loadMemberConfig } from '../../config';
import { Member } from '../../db/entities/Member';
import { RefreshToken } from '../../db/entities/RefreshToken';
import { LATE_ASSESSMENT_TOPIC } from '../assessSignIn';
import { loginWithCode } from '../loginWithCode';
import { memberForPhone } from '../registerMember';
import { requestLoginCode } from '../requestLoginCode';

const pii = readPiiCipher({});
const codes = { pii, limits: loadMemberConfig({}).auth.limits, ttlSeconds: 300 };
const FROM = { channel: 'WEB', deviceId: 'dev-abc', ip: '203.0.113.7' };

let c: MemberCommands;
beforeEach(async () => {
  c = await openMemberCommands();
});
afterEach(() => c.close());

/** Signs a phone in with a real code (sent to memory), from FROM unless told. */
async function signIn(phone: string, from: { deviceId?: string; ip?: string } = FROM) {
  const sent: string[] = [];
  const sms: SmsSender = { name: 'memory', sendLoginCode: async (_, code) => void sent.push(code) };
  await requestLoginCode(c.dataSource, { ...codes, sms }, { phone, ip: from.ip });
  const sessions = new Sessions(c.dataSource, new SigningKeys(c.dataSource, pii), { accessSeconds: 900, refreshSeconds: 3600 });
  const deps = {
    dataSource: c.dataSource,
    pii,
    codes,
    sessions,
    deliverEvents: async () => undefined,
    risk: c.peers.risk,
    campaign: c.peers.campaign,
  };
  return loginWithCode(deps, { phone, code: sent[0], channel: 'WEB', ...from });
}

const members = () => c.dataSource.getRepository(Member).count();

describe('risk at registration (REGISTER)', () => {
  it('assesses a first sign-in before storing the member: member id, channel, device, address', async () => {
    const session = await signIn('13866660001');
    expect(c.peers.risk.calls).toEqual([
      {
        action: 'REGISTER',
        memberId: session.identity.subject,
        channel: 'WEB',
        deviceId: 'dev-abc',
        ip: '203.0.113.7',
        idempotencyKey: `REGISTER:${session.identity.subject}`,
      },
    ]);
    expect(await members()).toBe(1);
  });

  it('DENY refuses with RISK_DENIED and writes nothing: no member, no history, no outbox event', async () => {
    c.peers.risk.decide = () => 'DENY';
    const before = await snapshotDatabase(c.dataSource);
    const signInRisk = { risk: c.peers.risk, source: FROM };
    await expect(memberForPhone(c.dataSource, pii, '13866660002', 'WEB', signInRisk)).rejects.toMatchObject({
      code: 'RISK_DENIED',
      message: expect.stringContaining('registration refused by risk control'),
    });
    expect(await snapshotDatabase(c.dataSource)).toEqual(before);
  });

  it('REVIEW lets the registration through (risk has it in the review queue)', async () => {
    c.peers.risk.decide = () => 'REVIEW';
    await signIn('13866660003');
    expect(await members()).toBe(1);
  });

  it('risk down: the member registers (fail open) and the assessment waits in the outbox, sent marked fail_open', async () => {
    c.peers.risk.down = true;
    const session = await signIn('13866660004');
    const memberId = session.identity.subject!;
    expect(await members()).toBe(1);
    const [queued] = await c.events(`risk:${memberId}`);
    expect(queued).toMatchObject({
      type: LATE_ASSESSMENT_TOPIC,
      delivered: false,
      payload: { action: 'REGISTER', memberId, deviceId: 'dev-abc', ip: '203.0.113.7', failOpen: true },
    });
    // The welcome bonus is not held up behind it (its own key).
    expect(await c.events(memberId)).toMatchObject([{ type: 'member.registered' }]);
    c.peers.risk.down = false;
    await c.outbox.dispatch();
    expect(c.peers.risk.calls).toEqual([
      expect.objectContaining({
        action: 'REGISTER',
        memberId,
        failOpen: true,
        idempotencyKey: `REGISTER:${memberId}`,
        occurredAt: expect.any(Date),
      }),
    ]);
    expect(await c.events(`risk:${memberId}`)).toMatchObject([{ delivered: true }]);
  });
});

describe('risk at sign-in of a known member (LOGIN)', () => {
  it('assesses each sign-in as its own LOGIN before the session opens', async () => {
    const first = await signIn('13866660005');
    await signIn('13866660005', { ip: '198.51.100.9' });
    expect(c.peers.risk.calls.map((call) => call.action)).toEqual(['REGISTER', 'LOGIN']);
    expect(c.peers.risk.calls[1]).toMatchObject({ memberId: first.identity.subject, ip: '198.51.100.9', channel: 'WEB' });
    expect(c.peers.risk.calls[1].deviceId).toBeUndefined();
    expect(c.peers.risk.calls[1].idempotencyKey).toMatch(new RegExp(`^LOGIN:${first.identity.subject}:`));
  });

  it('DENY refuses with RISK_DENIED and opens no session', async () => {
    await signIn('13866660006');
    const tokens = await c.dataSource.getRepository(RefreshToken).count();
    c.peers.risk.decide = (action) => (action.action === 'LOGIN' ? 'DENY' : 'ALLOW');
    await expect(signIn('13866660006')).rejects.toMatchObject({ code: 'RISK_DENIED', message: expect.stringContaining('sign-in refused') });
    expect(await c.dataSource.getRepository(RefreshToken).count()).toBe(tokens);
  });

  it('risk down: the session opens (fail open) and the LOGIN assessment waits in the outbox', async () => {
    const { identity } = await signIn('13866660007');
    c.peers.risk.down = true;
    const session = await signIn('13866660007');
    expect(session.accessToken).toBeTruthy();
    expect(await c.events(`risk:${identity.subject}`)).toMatchObject([
      { type: LATE_ASSESSMENT_TOPIC, payload: { action: 'LOGIN', memberId: identity.subject, failOpen: true }, delivered: false },
    ]);
  });

  it('without a device id or an address (no gateway in front) nothing is assessed', async () => {
    await signIn('13866660008', {});
    await signIn('13866660008', {});
    expect(c.peers.risk.calls).toEqual([]);
  });
});
