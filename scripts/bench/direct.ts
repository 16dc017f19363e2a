/**
 * The member card fetched straight from the subgraphs, with no gateway: the floor a gateway cannot
 * beat without caching. The same five subgraph requests our gateway's query plan sends (the member,
 * then points, benefits, campaign and risk by entity reference; benefits answers the member's
 * benefits and their tier's in one, from the member's key), each signed as the member the way the
 * gateway signs, over keep-alive undici pools — either one after another ("sequential") or, as the
 * plan does, the four entity calls at once after the member ("parallel").
 */
import { Pool } from 'undici';
import { encodeIdentity, signEncodedIdentity } from '../../services/kit/src';

export type DirectMode = 'sequential' | 'parallel';

/** The tier's fields in benefits' key of Member (the gateway's plan fetches them too) and registeredAt, which Member.benefits @requires. */
const MEMBER =
  'query($id:ID!){member(id:$id){__typename id maskedPhone tier{__typename id name multiplier pointsNeverExpire effectiveFrom} registeredAt}}';
const entities = (selection: string) => `query($representations:[_Any!]!){_entities(representations:$representations){${selection}}}`;
const POINTS = entities('...on Member{points{balance}}');
const BENEFITS = entities('...on Member{benefits{name} tier{benefits{name}}}');
const CAMPAIGNS = entities('...on Member{liveCampaigns{name}}');
const RISK = entities('...on Member{risk{level}}');

interface CardTier {
  id: string;
  multiplier: number;
  pointsNeverExpire: boolean;
  effectiveFrom: string;
}

interface CardMember {
  id: string;
  tier: CardTier | null;
  registeredAt: string;
}

export class DirectCard {
  private readonly pools: Record<string, { pool: Pool; path: string }>;

  constructor(
    urls: Record<'member' | 'points' | 'benefits' | 'campaign' | 'risk', string>,
    private readonly secret: string,
    private readonly mode: DirectMode,
  ) {
    this.pools = Object.fromEntries(
      Object.entries(urls).map(([name, url]) => [name, { pool: new Pool(new URL(url).origin), path: new URL(url).pathname }]),
    );
  }

  /** One member card; throws if any subgraph answers with errors. */
  async fetch(memberId: string): Promise<void> {
    const identity = encodeIdentity({ kind: 'MEMBER', subject: memberId, channel: 'WEB' });
    const post = async (service: string, query: string, variables: Record<string, unknown>) => {
      const { pool, path } = this.pools[service];
      const sent = JSON.stringify({ query, variables });
      const headers = { 'content-type': 'application/json', ...signEncodedIdentity(identity, sent, this.secret) };
      const response = await pool.request({ path, method: 'POST', headers, body: sent });
      const body = (await response.body.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      if (body.errors?.length || !body.data) throw new Error(`${service}: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const { member } = (await post('member', MEMBER, { id: memberId })) as { member: CardMember };
    const ref = { __typename: 'Member', id: member.id };
    const tier = member.tier && {
      id: member.tier.id,
      multiplier: member.tier.multiplier,
      pointsNeverExpire: member.tier.pointsNeverExpire,
      effectiveFrom: member.tier.effectiveFrom,
    };
    const calls: Array<[string, string, unknown[]]> = [
      ['risk', RISK, [ref]],
      ['campaign', CAMPAIGNS, [ref]],
      ['benefits', BENEFITS, [{ ...ref, tier, registeredAt: member.registeredAt }]],
      ['points', POINTS, [ref]],
    ];
    if (this.mode === 'parallel') {
      await Promise.all(calls.map(([service, query, representations]) => post(service, query, { representations })));
    } else {
      for (const [service, query, representations] of calls) await post(service, query, { representations });
    }
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.pools).map(({ pool }) => pool.close()));
  }
}
