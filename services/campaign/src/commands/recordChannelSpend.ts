import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, isUniqueViolation, parseChannel, parseIdempotencyKey, parsePositiveFen } from '../../../kit/src';
import { ChannelSpend } from '../db/entities/ChannelSpend';
import { monthWindow } from '../domain/channelMonth';

export interface RecordedChannelSpend {
  spend: ChannelSpend;
  /** True when this idempotency key had been recorded before. */
  replayed: boolean;
}

/**
 * Operators record acquisition spend on a channel for a month (several entries add up): once per
 * idempotency key, strictly — the same key for another channel, month or amount is CONFLICT.
 */
export async function recordChannelSpend(
  dataSource: DataSource,
  input: { channel: string; month: string; amount: string; idempotencyKey: string },
  actor: string,
  utcOffsetMinutes: number,
  now = new Date(),
): Promise<RecordedChannelSpend> {
  const channel = parseChannel(input.channel);
  const { month } = monthWindow(input.month, utcOffsetMinutes);
  const amountFen = parsePositiveFen(input.amount);
  const idempotencyKey = parseIdempotencyKey(input.idempotencyKey);
  const replay = async () => {
    const known = await dataSource.getRepository(ChannelSpend).findOneBy({ idempotencyKey });
    if (!known) return null;
    if (known.channel !== channel || known.month !== month || known.amountFen !== amountFen) {
      throw new DomainError('CONFLICT', 'this idempotency key was used for different spend', { field: 'idempotencyKey' });
    }
    return { spend: known, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const spend = Object.assign(new ChannelSpend(), {
    id: randomUUID(),
    channel,
    month,
    amountFen,
    idempotencyKey,
    recordedAt: now,
    recordedBy: actor.slice(0, 64),
  });
  try {
    await dataSource.getRepository(ChannelSpend).insert(spend);
    return { spend, replayed: false };
  } catch (error) {
    if (isUniqueViolation(error)) return (await replay())!;
    throw error;
  }
}
