import { grpcCall } from '../../../test/harness/grpc';
import { startStack, type Stack } from '../../../test/harness/startStack';

let stack: Stack;
const CREATE = `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id name activityCoefficient startsAt endsAt live } }`;

beforeAll(async () => {
  stack = await startStack({ withGateway: false });
});
afterAll(() => stack?.stop());

function window(fromNowMs: number, lengthMs: number) {
  const start = Date.now() + fromNowMs;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + lengthMs).toISOString() };
}

describe('campaign subgraph', () => {
  it('with no live campaign the coefficient is 1.0', async () => {
    const response = await grpcCall('campaign', 'CampaignService', stack.services.campaign.grpcAddress, 'getActivityCoefficient', {
      memberId: 'm1',
    });
    expect(response).toEqual({ coefficientMilli: 1000, campaignIds: [], grants: [], replayed: false, reservationId: '' });
  });

  it('creates campaigns and combines the live ones by max; past and future ones do not count', async () => {
    const live = await stack.querySubgraph('campaign', CREATE, {
      i: { name: 'Double points week', activityCoefficient: '2.0', ...window(-60_000, 3_600_000) },
    });
    expect(live.data.createCampaign).toMatchObject({ name: 'Double points week', activityCoefficient: 2, live: true });
    await stack.querySubgraph('campaign', CREATE, { i: { name: 'Weekend', activityCoefficient: '1.25', ...window(-60_000, 3_600_000) } });
    await stack.querySubgraph('campaign', CREATE, { i: { name: 'Past', activityCoefficient: '5', ...window(-7_200_000, 3_600_000) } });
    await stack.querySubgraph('campaign', CREATE, { i: { name: 'Future', activityCoefficient: '5', ...window(3_600_000, 3_600_000) } });

    const response = await grpcCall('campaign', 'CampaignService', stack.services.campaign.grpcAddress, 'getActivityCoefficient', {
      memberId: 'm1',
    });
    expect(response.coefficientMilli).toBe(2000);
    // Under MAX the campaign whose coefficient counts.
    expect(response.campaignIds).toEqual([live.data.createCampaign.id]);

    const liveOnly = await stack.querySubgraph('campaign', '{ campaigns(liveOnly: true) { name } all: campaigns { name } }');
    expect(liveOnly.data.campaigns.map((c: { name: string }) => c.name).sort()).toEqual(['Double points week', 'Weekend']);
    expect(liveOnly.data.all).toHaveLength(4);
  });

  it('answers the coefficient at a given moment', async () => {
    const inNinetyMinutes = String(Date.now() + 1.5 * 3_600_000);
    const response = await grpcCall('campaign', 'CampaignService', stack.services.campaign.grpcAddress, 'getActivityCoefficient', {
      memberId: 'm1',
      atEpochMs: inNinetyMinutes,
    });
    expect(response.coefficientMilli).toBe(5000);
  });

  it('resolves Member.liveCampaigns through _entities', async () => {
    const response = await stack.querySubgraph(
      'campaign',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id liveCampaigns { name } } } }`,
      {
        r: [
          { __typename: 'Member', id: 'a' },
          { __typename: 'Member', id: 'b' },
        ],
      },
    );
    expect(response.data._entities).toHaveLength(2);
    expect(response.data._entities[1].liveCampaigns).toHaveLength(2);
  });

  it.each([
    ['a coefficient below 1', { name: 'x', activityCoefficient: '0.5', ...window(0, 1000) }],
    ['a coefficient over 10', { name: 'x', activityCoefficient: '10.5', ...window(0, 1000) }],
    ['a non-numeric coefficient', { name: 'x', activityCoefficient: 'double', ...window(0, 1000) }],
    ['an end before the start', { name: 'x', activityCoefficient: '2', startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' }],
    ['a date that is not ISO-8601', { name: 'x', activityCoefficient: '2', startsAt: 'tomorrow', endsAt: '2026-01-01T00:00:00Z' }],
    ['an empty name', { name: '  ', activityCoefficient: '2', ...window(0, 1000) }],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_, input) => {
    const response = await stack.querySubgraph('campaign', CREATE, { i: input });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const all = await stack.querySubgraph('campaign', '{ campaigns { id } }');
    expect(all.data.campaigns).toHaveLength(4);
  });
});

describe('ReturnBudget over gRPC', () => {
  const call = (method: string, request: object) =>
    grpcCall('campaign', 'CampaignService', stack.services.campaign.grpcAddress, method, request);

  it('gives back a refused earn’s reservation once and a refund’s share once; a malformed return is BAD_USER_INPUT and gives nothing', async () => {
    // Ten days ahead, in a window of its own, so the campaigns above are untouched.
    const at = Date.now() + 10 * 86_400_000;
    const created = await stack.querySubgraph('campaign', `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }`, {
      i: { name: 'Budgeted later', activityCoefficient: '2', ...window(10 * 86_400_000 - 60_000, 3_600_000), budgetPoints: 500 },
    });
    const id = created.data.createCampaign.id;
    const spent = async () =>
      (await stack.querySubgraph('campaign', '{ campaigns { id spentPoints } }')).data.campaigns.find((c: { id: string }) => c.id === id)
        .spentPoints;
    const ask = (orderNo: string) =>
      call('getActivityCoefficient', {
        memberId: 'm-budget',
        atEpochMs: String(at),
        channel: 'WEB',
        orderRef: `ORDER:${orderNo}`,
        amountFen: '10000',
        baseRateMilli: 1000,
        multiplierMilli: 1000,
      });
    const first = await ask('GR-1');
    expect(first).toMatchObject({ coefficientMilli: 2000, grants: [{ campaignId: id, extraPoints: '100' }], replayed: false });
    expect(first.reservationId).not.toBe('');
    const refused = { orderRef: 'ORDER:GR-1', key: `REFUSED:${first.reservationId}`, reservationId: first.reservationId };
    expect(await call('returnBudget', refused)).toEqual({ returnedPoints: '100', replayed: false });
    expect(await call('returnBudget', refused)).toEqual({ returnedPoints: '100', replayed: true });
    expect(await spent()).toBe(0);

    await ask('GR-2');
    const refund = { orderRef: 'ORDER:GR-2', key: 'REFUND:GR-2-R', refundedFen: '2500', amountFen: '10000' };
    expect(await call('returnBudget', refund)).toEqual({ returnedPoints: '25', replayed: false });
    expect(await spent()).toBe(75);

    await expect(call('returnBudget', { ...refund, key: 'REFUND:GR-2-X', refundedFen: '20000' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await spent()).toBe(75);
  });
});
