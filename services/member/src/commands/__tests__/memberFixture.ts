import { readPiiCipher } from '../../../../kit/src';
import { registerMember } from '../registerMember';
import type { DataSource } from 'typeorm';

/** The development keys: command tests need a real cipher, not a stand-in. */
export const pii = readPiiCipher({});

let phones = 0;

/** Registers a new member (entry tier, welcome event in the outbox) with a fresh phone. */
export async function newMember(dataSource: DataSource) {
  phones += 1;
  return registerMember(dataSource, pii, { phone: `1380000${String(phones).padStart(4, '0')}`, channel: 'WEB' });
}
