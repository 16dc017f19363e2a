// Original file: proto/member.proto

import type { ChannelRegistrations as _membergraph_member_v1_ChannelRegistrations, ChannelRegistrations__Output as _membergraph_member_v1_ChannelRegistrations__Output } from '../../../membergraph/member/v1/ChannelRegistrations';

export interface CountRegistrationsResponse {
  'channels'?: (_membergraph_member_v1_ChannelRegistrations)[];
}

export interface CountRegistrationsResponse__Output {
  'channels': (_membergraph_member_v1_ChannelRegistrations__Output)[];
}
