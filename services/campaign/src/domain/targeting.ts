import { admitsTierAndOrder } from '../../../kit/src';
import type { Targeting } from './newCampaign';

/** What is known of a member at the moment a campaign is asked about (earn path or member view). */
export interface MemberFacts {
  tierId: string | null;
  /** The order or action asked about (its channel and store, null: none); null for the member's own view. */
  action: { channel: string; store: string | null } | null;
  /** Which of the campaigns' target segments the member is in. */
  segments: ReadonlySet<string>;
  /** False once the member withdrew marketing consent. */
  marketingConsent: boolean;
}

/**
 * Whether a campaign's targeting admits the member: every restriction it names must hold (tier,
 * channel, store, at least one segment), and a campaign that requires marketing consent excludes
 * members who withdrew it. Channel and store restrictions apply to an order or action (an online
 * order has no store, so a store campaign does not apply to it); without one (the member's own
 * view) they are not checked, so a member sees a POS-only campaign that will apply in store.
 */
export function admits(campaign: Targeting, member: MemberFacts): boolean {
  if (campaign.requireMarketingConsent && !member.marketingConsent) return false;
  // Tier, channel and store: the kit's check, the one the points service applies to its calendar copy.
  if (!admitsTierAndOrder(campaign, member.tierId, member.action)) return false;
  if (campaign.targetSegments && !campaign.targetSegments.some((s) => member.segments.has(s))) return false;
  return true;
}
