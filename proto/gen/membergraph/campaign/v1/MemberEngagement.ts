// Original file: proto/campaign.proto

import type { MemberEngagementEvent as _membergraph_campaign_v1_MemberEngagementEvent, MemberEngagementEvent__Output as _membergraph_campaign_v1_MemberEngagementEvent__Output } from '../../../membergraph/campaign/v1/MemberEngagementEvent';

/**
 * One member's events, oldest first.
 */
export interface MemberEngagement {
  'memberId'?: (string);
  'events'?: (_membergraph_campaign_v1_MemberEngagementEvent)[];
}

/**
 * One member's events, oldest first.
 */
export interface MemberEngagement__Output {
  'memberId': (string);
  'events': (_membergraph_campaign_v1_MemberEngagementEvent__Output)[];
}
