import type { DataSource } from 'typeorm';
import type { CountRegistrationsRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/CountRegistrationsRequest';
import type { CountRegistrationsResponse } from '../../../../../proto/gen/membergraph/member/v1/CountRegistrationsResponse';
import { DomainError, fromEpochMs } from '../../../../kit/src';
import { Member } from '../../db/entities/Member';

/** Members registered per channel in [from, to), merged ones included: they were acquired all the same. */
export async function countRegistrations(
  dataSource: DataSource,
  request: CountRegistrationsRequest__Output,
): Promise<CountRegistrationsResponse> {
  const from = fromEpochMs(request.fromEpochMs);
  const to = fromEpochMs(request.toEpochMs);
  if (to <= from) throw new DomainError('BAD_USER_INPUT', 'to must be after from', { field: 'to' });
  const rows: Array<{ channel: string; members: string | number }> = await dataSource
    .getRepository(Member)
    .createQueryBuilder('m')
    .select('m.registered_via', 'channel')
    .addSelect('COUNT(*)', 'members')
    .where('m.registered_at >= :from AND m.registered_at < :to', { from, to })
    .groupBy('m.registered_via')
    .orderBy('m.registered_via', 'ASC')
    .getRawMany();
  return { channels: rows.map((r) => ({ channel: r.channel, members: Number(r.members) })) };
}
