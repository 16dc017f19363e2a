import type { DataSource } from 'typeorm';
import type { GetActivityCoefficientRequest__Output } from '../../../../../proto/gen/membergraph/campaign/v1/GetActivityCoefficientRequest';
import type { GetActivityCoefficientResponse } from '../../../../../proto/gen/membergraph/campaign/v1/GetActivityCoefficientResponse';
import { fromInt64, parseMemberId, toInt64, type CallScope } from '../../../../kit/src';
import { boostEarn } from '../../commands/boostEarn';
import type { Combination } from '../../db/settings';
import type { CampaignPeers } from '../../ports';

export async function getActivityCoefficient(
  dataSource: DataSource,
  peers: Pick<CampaignPeers, 'member'>,
  combination: Combination,
  request: GetActivityCoefficientRequest__Output,
  scope?: CallScope,
): Promise<GetActivityCoefficientResponse> {
  const atMs = fromInt64(request.atEpochMs);
  const amountFen = fromInt64(request.amountFen);
  const answer = await boostEarn(
    dataSource,
    peers,
    combination,
    {
      memberId: parseMemberId(request.memberId),
      at: atMs > 0 ? new Date(atMs) : new Date(),
      tierId: request.tierId || null,
      channel: request.channel || null,
      store: request.store || null,
      orderRef: request.orderRef || null,
      earn: amountFen > 0 ? { amountFen, baseRateMilli: request.baseRateMilli, multiplierMilli: request.multiplierMilli } : null,
    },
    scope,
  );
  return {
    coefficientMilli: answer.coefficientMilli,
    campaignIds: answer.campaignIds,
    grants: answer.applied.map((a) => ({ campaignId: a.campaignId, extraPoints: toInt64(a.extraPoints) })),
    replayed: answer.replayed,
    reservationId: answer.reservationId ?? '',
  };
}
