/**
 * The demo programme `npm start` seeds on a first start: a live 1.5× campaign and five members with
 * orders. It decides from the data (is there a member or a campaign?) and writes with the services'
 * own access — requests signed with the identity secret the gateway shares with the subgraphs, as
 * the system — so no staff account, password or sign-in is involved: a locked or changed
 * administrator cannot stop a start.
 */
import { readCommonConfig, signIdentity, type Identity } from '../services/kit/src';

type Env = Record<string, string | undefined>;

const SEEDER: Identity = { kind: 'STAFF', subject: 'system:demo-seed', roles: ['ADMIN'] };

const DEMO_MEMBERS = [
  { phone: '13800000001', channel: 'WEB', orders: ['1299.00', '458.50', '89.90'] },
  { phone: '13900000002', channel: 'MINI_PROGRAM', orders: ['3200.00', '120.00'] },
  { phone: '13700000003', channel: 'POS', orders: ['99.00'] },
  { phone: '15000000004', channel: 'PARTNER', orders: ['560.00', '560.00', '1880.00', '45.00'] },
  { phone: '18600000005', channel: 'WEB', orders: [] },
];

/** Where the subgraphs listen (the same variables the processes read). */
export interface SubgraphUrls {
  member: string;
  points: string;
  campaign: string;
}

function caller(env: Env) {
  const secret = readCommonConfig('member', env).identitySecret;
  return async <T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    // The signature covers the exact body sent.
    const body = JSON.stringify({ query, variables });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signIdentity(SEEDER, secret, body) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (!answer.data || answer.errors) throw new Error(`${url}: ${JSON.stringify(answer.errors ?? response.status)}`);
    return answer.data;
  };
}

/**
 * Seeds the demo programme when the member and campaign services hold no data yet; answers the
 * first demo member's id, or undefined when there was data already.
 */
export async function seedDemoIfEmpty(env: Env, urls: SubgraphUrls): Promise<string | undefined> {
  const call = caller(env);
  const [{ members }, { campaigns }] = await Promise.all([
    call<{ members: unknown[] }>(urls.member, '{ members(first: 1) { id } }'),
    call<{ campaigns: unknown[] }>(urls.campaign, '{ campaigns { id } }'),
  ]);
  if (members.length > 0 || campaigns.length > 0) return undefined;
  const year = new Date().getUTCFullYear();
  await call(urls.campaign, 'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }', {
    input: {
      name: 'Member month 會員月 (1.5× points)',
      activityCoefficient: '1.5',
      startsAt: `${year}-01-01T00:00:00Z`,
      endsAt: `${year + 1}-01-01T00:00:00Z`,
    },
  });
  let first: string | undefined;
  for (const [i, demo] of DEMO_MEMBERS.entries()) {
    const { registerMember } = await call<{ registerMember: { id: string } }>(
      urls.member,
      'mutation($p: String!, $c: Channel!) { registerMember(phone: $p, channel: $c) { id } }',
      { p: demo.phone, c: demo.channel },
    );
    first ??= registerMember.id;
    for (const [j, amount] of demo.orders.entries()) {
      await call(
        urls.points,
        'mutation($m: ID!, $o: String!, $a: String!, $c: Channel!) { recordOrder(memberId: $m, orderNo: $o, amount: $a, channel: $c) { pointsEarned } }',
        { m: registerMember.id, o: `DEMO-${i + 1}-${j + 1}`, a: amount, c: demo.channel },
      );
    }
  }
  return first;
}
