import { In, type DataSource } from 'typeorm';
import type { GetBalancesRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/GetBalancesRequest';
import type { GetBalancesResponse } from '../../../../../proto/gen/membergraph/points/v1/GetBalancesResponse';
import { DomainError } from '../../../../kit/src';
import { PointsAccount } from '../../db/entities/PointsAccount';

const MAX_BATCH = 500;

export async function getBalances(dataSource: DataSource, request: GetBalancesRequest__Output): Promise<GetBalancesResponse> {
  if (request.memberIds.length > MAX_BATCH) throw new DomainError('BAD_USER_INPUT', `at most ${MAX_BATCH} member ids per call`);
  const accounts = request.memberIds.length
    ? await dataSource.getRepository(PointsAccount).findBy({ memberId: In(request.memberIds) })
    : [];
  const byMember = new Map(accounts.map((a) => [a.memberId, a]));
  return {
    balances: request.memberIds.map((memberId) => ({
      memberId,
      balance: String(byMember.get(memberId)?.balance ?? 0),
      held: String(byMember.get(memberId)?.held ?? 0),
    })),
  };
}
