import { enqueueMemberEvent } from '../../services/member/src/commands/memberEvents';
import { expireDueLots } from '../../services/points/src/commands/expireLots';
import { pointsJobDeps } from '../harness/pointsJobs';
import { REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

const PROFILE = /* GraphQL */ `
  mutation Profile($m: ID!, $input: ProfileInput!) {
    updateProfile(memberId: $m, input: $input) {
      profile {
        name
        birthday
        gender
        email
        complete
      }
      points {
        balance
      }
    }
  }
`;
const BALANCE = 'query($id: ID!) { member(id: $id) { points { balance history { edges { node { type points source actor } } } } } }';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { POINTS_REGISTRATION_BONUS: '100', POINTS_PROFILE_COMPLETION_BONUS: '50', OUTBOX_INTERVAL_MS: '50' } });
});
afterAll(() => stack?.stop());

describe('bonuses for member events, delivered from the member service to points', () => {
  it('registration earns the welcome bonus at once, once', async () => {
    const id = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id;
    const { data } = await stack.query(BALANCE, { id });
    expect(data.member.points).toEqual({
      balance: 100,
      history: { edges: [{ node: { type: 'EARN', points: 100, source: 'REGISTRATION', actor: 'service:member' } }] },
    });
  });

  it('a complete profile earns its bonus the first time only; bad fields are BAD_USER_INPUT', async () => {
    const id = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'MINI_PROGRAM' })).data.registerMember.id;
    const partial = await stack.query(PROFILE, { m: id, input: { name: '王小明', birthday: '1990-05-17' } });
    expect(partial.data.updateProfile).toEqual({
      profile: { name: '王小明', birthday: '1990-05-17', gender: null, email: null, complete: false },
      points: { balance: 100 },
    });
    const complete = await stack.query(PROFILE, { m: id, input: { gender: 'MALE', email: 'Xiaoming@Example.cn' } });
    expect(complete.data.updateProfile).toMatchObject({
      profile: { email: 'xiaoming@example.cn', complete: true },
      points: { balance: 150 },
    });
    const again = await stack.query(PROFILE, { m: id, input: { name: '王明' } });
    expect(again.data.updateProfile.points.balance).toBe(150);

    for (const input of [{ birthday: '1990-02-30' }, { birthday: '2999-01-01' }, { email: 'not-an-email' }, { name: '  ' }]) {
      expect((await stack.query(PROFILE, { m: id, input })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await stack.query(PROFILE, { m: 'nobody', input: { name: 'x' } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('an undelivered event is delivered by the member service’s outbox dispatcher', async () => {
    const id = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'POS' })).data.registerMember.id;
    // A completed profile whose delivery never happened (the process stopped right after commit).
    await enqueueMemberEvent(stack.services.member.dataSource.manager, 'member.profile_completed', id, new Date());
    let balance = 0;
    for (let i = 0; i < 200 && balance !== 150; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      balance = (await stack.query(BALANCE, { id })).data.member.points.balance;
    }
    expect(balance).toBe(150);
  });

  it('a bonus to a Diamond member makes a lot that never expires while they are Diamond', async () => {
    const id = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id;
    await stack.services.member.dataSource.query("UPDATE members SET tier_id = 'DIAMOND' WHERE id = ?", [id]);
    const full = { name: '李娜', birthday: '1988-03-02', gender: 'FEMALE', email: 'na.li@example.cn' };
    expect((await stack.query(PROFILE, { m: id, input: full })).data.updateProfile.points.balance).toBe(150);
    const lots = await stack.services.points.dataSource.query(
      'SELECT points, expires_at FROM points_lots WHERE member_id = ? ORDER BY points',
      [id],
    );
    // Both carry their calendar expiry; the member's tier when it falls due decides (DOMAIN.md §3).
    expect(lots).toEqual([
      { points: 50, expires_at: expect.anything() },
      { points: 100, expires_at: expect.anything() },
    ]);
    const jobs = pointsJobDeps(stack);
    try {
      await expireDueLots(stack.services.points.dataSource, jobs, new Date(Date.now() + 800 * 86_400_000));
    } finally {
      jobs.close();
    }
    expect((await stack.query(BALANCE, { id })).data.member.points.balance).toBe(150);
  });
});
