import { randomUUID } from 'node:crypto';
import { parseChannel, type Channel } from '../../../kit/src';
import { normalizePhone } from './phone';

export interface NewMember {
  id: string;
  phone: string;
  registeredVia: Channel;
  registeredAt: Date;
}

/** Validates a registration; the caller stores it (a unique phone key turns a race into CONFLICT). */
export function newMember(input: { phone: string; channel: string }, now = new Date()): NewMember {
  return { id: randomUUID(), phone: normalizePhone(input.phone), registeredVia: parseChannel(input.channel), registeredAt: now };
}
