// Original file: proto/member.proto


export interface ChannelRegistrations {
  'channel'?: (string);
  'members'?: (number);
}

export interface ChannelRegistrations__Output {
  'channel': (string);
  'members': (number);
}
