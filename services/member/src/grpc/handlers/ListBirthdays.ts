import type { DataSource } from 'typeorm';
import type { ListBirthdaysRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/ListBirthdaysRequest';
import type { ListBirthdaysResponse } from '../../../../../proto/gen/membergraph/member/v1/ListBirthdaysResponse';
import { DomainError } from '../../../../kit/src';
import { readWithGrantsEnded } from '../../commands/endGrants';
import { Member } from '../../db/entities/Member';

const MAX_PAGE = 1000;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * One page of the members born on any of `month_days`, in id order, with their tier now. The
 * birthday is stored as YYYY-MM-DD, so its month and day are the last five characters (SUBSTR is
 * the same on SQLite and MySQL). A day's page is a scan of the members after the cursor: the job
 * runs once a day, off the hot path.
 */
export async function listBirthdays(dataSource: DataSource, request: ListBirthdaysRequest__Output): Promise<ListBirthdaysResponse> {
  const monthDays = [...new Set(request.monthDays)];
  if (monthDays.length === 0 || monthDays.length > 2 || !monthDays.every((md) => MONTH_DAY.test(md))) {
    throw new DomainError('BAD_USER_INPUT', 'month_days holds one or two days as MM-DD', { field: 'month_days' });
  }
  if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > MAX_PAGE) {
    throw new DomainError('BAD_USER_INPUT', `limit is 1–${MAX_PAGE}`, { field: 'limit' });
  }
  const members = await readWithGrantsEnded(dataSource, () =>
    dataSource
      .getRepository(Member)
      .createQueryBuilder('m')
      .select(['m.id', 'm.tierId', 'm.tierSource', 'm.grantExpiresAt'])
      .where('m.merged_into IS NULL')
      .andWhere('SUBSTR(m.birthday, 6, 5) IN (:...monthDays)', { monthDays })
      .andWhere(request.afterMemberId ? 'm.id > :after' : '1 = 1', { after: request.afterMemberId })
      .orderBy('m.id', 'ASC')
      .limit(request.limit)
      .getMany(),
  );
  return {
    members: members.map((m) => ({ memberId: m.id, tierId: m.tierId })),
    nextAfterMemberId: members.length === request.limit ? members[members.length - 1].id : '',
  };
}
