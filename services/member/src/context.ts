import type { DataSource } from 'typeorm';
import type { PiiCipher, RequestBase } from '../../kit/src';
import type { Auth } from './auth/createAuth';
import type { TierRules } from './commands/recordActivity';
import { createLoaders, type MemberLoaders } from './graphql/loaders';
import type { CampaignPort, RiskPort } from './ports';

export interface MemberContext extends RequestBase {
  dataSource: DataSource;
  loaders: MemberLoaders;
  /** Encrypts and indexes personal identifiers (phones). */
  pii: PiiCipher;
  /** Sign-in: tokens, codes, WeChat. */
  auth: Auth;
  /** Members this request signed in: its answer may show them their own data. */
  signedIn: Set<string>;
  /** Delivers the member's pending events now (bonuses show at once); never throws: the outbox retries. */
  deliverEvents(memberId: string): Promise<void>;
  /** The programme's tier rules (refund window, top tier's scarcity). */
  tierRules: TierRules;
  /** The risk service, asked before a member's sign-in (registration or login) opens a session. */
  risk: RiskPort;
  /** Referral codes are checked here before a registration is written. */
  campaign: Pick<CampaignPort, 'referrerOf'>;
}

export function createMemberContext(
  dataSource: DataSource,
  pii: PiiCipher,
  auth: Auth,
  deliverEvents: (memberId: string) => Promise<void>,
  tierRules: TierRules,
  risk: RiskPort,
  campaign: Pick<CampaignPort, 'referrerOf'>,
) {
  return (base: RequestBase): MemberContext => ({
    ...base,
    dataSource,
    pii,
    auth,
    deliverEvents,
    tierRules,
    risk,
    campaign,
    signedIn: new Set(),
    loaders: createLoaders(dataSource, base),
  });
}
