import type { DataSource } from 'typeorm';
import { CHANNELS, type CallScope } from '../../../kit/src';
import { monthWindow } from '../domain/channelMonth';
import { costPerAcquisition } from '../domain/experiment';
import type { SegmentMemberPort } from '../ports';
import { ChannelSpend } from './entities/ChannelSpend';

export interface ChannelCac {
  channel: string;
  month: string;
  spendFen: number;
  /** Members who registered through the channel in the month (member service). */
  membersAcquired: number;
  /** spend / members acquired, whole fen; null with no member acquired. */
  cacFen: number | null;
}

/** CAC of every channel for a month (shared/DOMAIN.md §5): one grouped statement and one call to the member service. */
export async function channelCac(
  dataSource: DataSource,
  member: Pick<SegmentMemberPort, 'countRegistrations'>,
  monthText: string,
  utcOffsetMinutes: number,
  scope?: CallScope,
): Promise<ChannelCac[]> {
  const { month, from, to } = monthWindow(monthText, utcOffsetMinutes);
  const spend: Array<{ channel: string; total: string | number }> = await dataSource
    .getRepository(ChannelSpend)
    .createQueryBuilder('s')
    .select('s.channel', 'channel')
    .addSelect('SUM(s.amount_fen)', 'total')
    .where('s.month = :month', { month })
    .groupBy('s.channel')
    .getRawMany();
  const registrations = await member.countRegistrations(from, to, scope);
  const spendOf = new Map(spend.map((s) => [s.channel, Number(s.total)]));
  const membersOf = new Map(registrations.map((r) => [r.channel, r.members]));
  return CHANNELS.map((channel) => {
    const spendFen = spendOf.get(channel) ?? 0;
    const membersAcquired = membersOf.get(channel) ?? 0;
    return { channel, month, spendFen, membersAcquired, cacFen: costPerAcquisition(spendFen, membersAcquired) };
  });
}
