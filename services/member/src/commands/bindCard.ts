import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, isUniqueViolation, type PiiCipher } from '../../../kit/src';
import { ChannelIdentity, externalIndex } from '../db/entities/ChannelIdentity';
import { Member } from '../db/entities/Member';
import { parseCardNo } from '../domain/card';

/**
 * Binds a POS card to a member, so the card looks them up at the till. The card is stored as a
 * blind index plus a sealed copy; its unique index makes a card bound twice a CONFLICT.
 */
export async function bindCard(
  dataSource: DataSource,
  pii: PiiCipher,
  input: { memberId: string; cardNo: string },
  now = new Date(),
): Promise<void> {
  const cardNo = parseCardNo(input.cardNo);
  if (!(await dataSource.getRepository(Member).existsBy({ id: input.memberId })))
    throw new DomainError('NOT_FOUND', `no member ${input.memberId}`, { field: 'memberId' });
  try {
    await dataSource.getRepository(ChannelIdentity).insert({
      id: randomUUID(),
      memberId: input.memberId,
      kind: 'POS_CARD',
      externalId: externalIndex(pii, 'POS_CARD', cardNo),
      externalSealed: pii.encrypt(cardNo),
      secretSealed: null,
      createdAt: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'this card is already bound to a member', { field: 'cardNo' });
    throw error;
  }
}
