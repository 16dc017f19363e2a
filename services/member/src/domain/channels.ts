import { DomainError } from '../../../kit/src';

export const CHANNELS = ['WEB', 'MINI_PROGRAM', 'POS', 'PARTNER'] as const;
export type Channel = (typeof CHANNELS)[number];

export function parseChannel(input: string): Channel {
  if (!(CHANNELS as readonly string[]).includes(input)) {
    throw new DomainError('BAD_USER_INPUT', `channel must be one of ${CHANNELS.join(', ')}`, { field: 'channel' });
  }
  return input as Channel;
}
