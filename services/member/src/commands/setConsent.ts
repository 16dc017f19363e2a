import { randomUUID } from 'node:crypto';
import { IsNull, Not, type DataSource } from 'typeorm';
import { DomainError, inTransaction } from '../../../kit/src';
import { ConsentChange } from '../db/entities/ConsentChange';
import { Member } from '../db/entities/Member';
import { CONSENT_COLUMNS, type ConsentPurpose } from '../domain/consent';

export interface ConsentInput {
  memberId: string;
  purpose: ConsentPurpose;
  granted: boolean;
  /** Through which channel (WEB, MINI_PROGRAM, POS, PARTNER). */
  channel: string;
  /** Who: `member:<id>`, or `staff:<id>` recording a withdrawal the member asked for. */
  actor: string;
}

/**
 * Gives or withdraws a member's consent for one purpose: the member's column (since when it is
 * given) and one entry of the append-only consent history, in one transaction. Only a change is
 * recorded: the conditional UPDATE (given only where not given, withdrawn only where given) decides
 * it, so a repeated or concurrent identical request changes nothing and adds no entry.
 * NOT_FOUND for an unknown or merged member. Answers whether anything changed.
 */
export async function setConsent(dataSource: DataSource, input: ConsentInput, now = new Date()): Promise<boolean> {
  const column = CONSENT_COLUMNS[input.purpose];
  return inTransaction(dataSource, async (manager) => {
    const member = await manager.findOne(Member, { select: { id: true, mergedInto: true }, where: { id: input.memberId } });
    if (!member || member.mergedInto) throw new DomainError('NOT_FOUND', `no member ${input.memberId}`, { field: 'memberId' });
    const result = await manager.update(
      Member,
      { id: input.memberId, [column]: input.granted ? IsNull() : Not(IsNull()) },
      { [column]: input.granted ? now : null },
    );
    if (!result.affected) return false;
    await manager.insert(ConsentChange, {
      id: randomUUID(),
      memberId: input.memberId,
      purpose: input.purpose,
      granted: input.granted,
      channel: input.channel,
      actor: input.actor,
      at: now,
    });
    return true;
  });
}
