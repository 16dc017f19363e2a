import { grpcCall, healthCheck } from '../../../test/harness/grpc';
import { Member } from '../src/db/entities/Member';
import { REGISTER } from '../../../test/harness/operations';
import { pointsMemberPeer } from '../../../test/harness/pointsJobs';
import { startStack, type Stack } from '../../../test/harness/startStack';

let stack: Stack;
let ids: string[];
beforeAll(async () => {
  stack = await startStack({ withGateway: false });
  ids = [];
  for (const phone of ['13811110001', '13811110002', '13811110003']) {
    ids.push((await stack.querySubgraph('member', REGISTER, { phone, channel: 'WEB' })).data.registerMember.id);
  }
});
afterAll(() => stack?.stop());

describe('member subgraph', () => {
  it('resolves Member and Tier entities through _entities, in the order asked, null for unknown', async () => {
    const response = await stack.querySubgraph(
      'member',
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { id maskedPhone tier { id } } ... on Tier { id name rank multiplier spendThreshold purchaseThreshold } } }`,
      {
        reps: [
          { __typename: 'Member', id: ids[2] },
          { __typename: 'Tier', id: 'GOLD' },
          { __typename: 'Member', id: 'nobody' },
          { __typename: 'Member', id: ids[0] },
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toEqual([
      { id: ids[2], maskedPhone: '138****0003', tier: { id: 'REGULAR' } },
      { id: 'GOLD', name: 'Gold 金卡會員', rank: 2, multiplier: 1.5, spendThreshold: '10000.00', purchaseThreshold: 15 },
      null,
      { id: ids[0], maskedPhone: '138****0001', tier: { id: 'REGULAR' } },
    ]);
  });

  it('lists the seeded tier ladder of DOMAIN.md §2 and pages members by id', async () => {
    const { data } = await stack.querySubgraph('member', '{ tiers { id multiplier } members(first: 2) { id } }');
    expect(data.tiers).toEqual([
      { id: 'REGULAR', multiplier: 1 },
      { id: 'SILVER', multiplier: 1.2 },
      { id: 'GOLD', multiplier: 1.5 },
      { id: 'DIAMOND', multiplier: 2 },
    ]);
    const sorted = [...ids].sort();
    expect(data.members.map((m: { id: string }) => m.id)).toEqual(sorted.slice(0, 2));
    const next = await stack.querySubgraph('member', 'query($after: ID) { members(first: 5, after: $after) { id } }', { after: sorted[1] });
    expect(next.data.members.map((m: { id: string }) => m.id)).toEqual(sorted.slice(2));
  });

  it('refuses a page size out of range', async () => {
    const response = await stack.querySubgraph('member', '{ members(first: 1000) { id } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('GetMemberTiers answers a batch over gRPC, leaving unknown ids out', async () => {
    const response = await grpcCall('member', 'MemberService', stack.services.member.grpcAddress, 'getMemberTiers', {
      memberIds: [ids[1], 'unknown', ids[0]],
    });
    expect(response.tiers).toHaveLength(2);
    expect(response.tiers).toEqual(
      expect.arrayContaining([
        {
          memberId: ids[0],
          tierId: 'REGULAR',
          multiplierMilli: 1000,
          pointsNeverExpire: false,
          neverExpireEndedEpochMs: '0',
          partnerSharing: false,
          // The tier now with its version, for points' copy: no change yet.
          currentTierId: 'REGULAR',
          tierVersion: '0',
          granted: false,
          grantExpiresEpochMs: '0',
        },
        {
          memberId: ids[1],
          tierId: 'REGULAR',
          multiplierMilli: 1000,
          pointsNeverExpire: false,
          neverExpireEndedEpochMs: '0',
          partnerSharing: false,
          // The tier now with its version, for points' copy: no change yet.
          currentTierId: 'REGULAR',
          tierVersion: '0',
          granted: false,
          grantExpiresEpochMs: '0',
        },
      ]),
    );
  });

  it('GetMemberTiers refuses an oversized batch with INVALID_ARGUMENT', async () => {
    const memberIds = Array.from({ length: 501 }, (_, i) => `m${i}`);
    await expect(
      grpcCall('member', 'MemberService', stack.services.member.grpcAddress, 'getMemberTiers', { memberIds }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('ListBirthdays pages through the members born on a day, with their tiers, refusing a bad day', async () => {
    const ids: string[] = [];
    for (const phone of ['13866660001', '13866660002', '13866660003']) {
      const registered = await stack.querySubgraph('member', `mutation { registerMember(phone: "${phone}", channel: WEB) { id } }`);
      const id = registered.data.registerMember.id;
      ids.push(id);
      await stack.services.member.dataSource
        .getRepository(Member)
        .update(id, { birthday: phone.endsWith('3') ? '1990-12-01' : '1990-11-30' });
    }
    const call = (request: object) => grpcCall('member', 'MemberService', stack.services.member.grpcAddress, 'listBirthdays', request);
    const first = await call({ monthDays: ['11-30'], afterMemberId: '', limit: 1 });
    const second = await call({ monthDays: ['11-30'], afterMemberId: first.nextAfterMemberId, limit: 1 });
    const last = await call({ monthDays: ['11-30'], afterMemberId: second.nextAfterMemberId, limit: 1 });
    const born = [...ids.slice(0, 2)].sort();
    expect([...first.members, ...second.members]).toEqual(born.map((memberId) => ({ memberId, tierId: 'REGULAR' })));
    expect(last).toEqual({ members: [], nextAfterMemberId: '' });
    await expect(call({ monthDays: ['13-01'], limit: 10 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(call({ monthDays: ['11-30'], limit: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('ListTiers answers the ladder in force, lowest rank first: the ids, and the rungs with γ and thresholds', async () => {
    const ladder = await grpcCall('member', 'MemberService', stack.services.member.grpcAddress, 'listTiers', {});
    expect(ladder.tierIds).toEqual(['REGULAR', 'SILVER', 'GOLD', 'DIAMOND']);
    expect(ladder.tiers.map((t: { tierId: string }) => t.tierId)).toEqual(ladder.tierIds);
    expect(ladder.tiers[1]).toEqual({
      tierId: 'SILVER',
      rank: 1,
      multiplierMilli: 1200,
      pointsNeverExpire: false,
      spendThresholdFen: '300000',
      purchaseThreshold: 5,
      rule: 'AND',
    });
    expect(ladder.tiers[3]).toMatchObject({ tierId: 'DIAMOND', multiplierMilli: 2000, pointsNeverExpire: true });
  });

  it('RecordQualifyingActivities answers one decision per report in order, through points’ member peer', async () => {
    const fresh: string[] = [];
    for (const phone of ['13877770001', '13877770002']) {
      fresh.push((await stack.querySubgraph('member', REGISTER, { phone, channel: 'WEB' })).data.registerMember.id);
    }
    const member = pointsMemberPeer(stack);
    try {
      const asOf = new Date(Date.now() + 1_000);
      const decisions = await member.recordQualifyingActivities([
        { memberId: fresh[0], spendFen: 300_000, purchases: 5, asOf },
        { memberId: fresh[1], spendFen: 100, purchases: 1, asOf },
        { memberId: fresh[0], spendFen: 100, purchases: 1, asOf: new Date(asOf.getTime() - 60_000) },
      ]);
      expect(decisions).toMatchObject([
        { memberId: fresh[0], tierId: 'SILVER', changed: true },
        { memberId: fresh[1], tierId: 'REGULAR', changed: false },
        { memberId: fresh[0], tierId: 'SILVER', changed: false },
      ]);
      // The upgrade's answer carries the tier facts points keeps in its copy.
      expect(decisions[0].current).toEqual({ memberId: fresh[0], tierId: 'SILVER', tierVersion: 1, granted: false, grantExpiresAt: null });
      const stored = await stack.services.member.dataSource.getRepository(Member).findOneByOrFail({ id: fresh[1] });
      expect(stored).toMatchObject({ spend12mFen: 100, purchases12m: 1, activityAsOf: asOf });
      await expect(member.recordQualifyingActivities([{ memberId: 'nobody', spendFen: 0, purchases: 0, asOf }])).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    } finally {
      member.close();
    }
  });

  it('carries the standard gRPC health service', async () => {
    expect(await healthCheck(stack.services.member.grpcAddress)).toEqual({ status: 'SERVING' });
    expect(await healthCheck(stack.services.member.grpcAddress, 'membergraph.member.v1.MemberService')).toEqual({ status: 'SERVING' });
  });

  it('answers /healthz and /readyz', async () => {
    const base = stack.services.member.httpUrl.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
