// Original file: proto/campaign.proto

import type { MemberEngagement as _membergraph_campaign_v1_MemberEngagement, MemberEngagement__Output as _membergraph_campaign_v1_MemberEngagement__Output } from '../../../membergraph/campaign/v1/MemberEngagement';

export interface GetMemberEngagementResponse {
  /**
   * One per distinct requested member id, in request order (no events: an empty list).
   */
  'members'?: (_membergraph_campaign_v1_MemberEngagement)[];
}

export interface GetMemberEngagementResponse__Output {
  /**
   * One per distinct requested member id, in request order (no events: an empty list).
   */
  'members': (_membergraph_campaign_v1_MemberEngagement__Output)[];
}
