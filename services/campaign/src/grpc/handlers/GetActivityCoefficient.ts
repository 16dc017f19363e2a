import type { DataSource } from 'typeorm';
import type { GetActivityCoefficientRequest__Output } from '../../../../../proto/gen/membergraph/campaign/v1/GetActivityCoefficientRequest';
import type { GetActivityCoefficientResponse } from '../../../../../proto/gen/membergraph/campaign/v1/GetActivityCoefficientResponse';
import { findLiveCampaigns } from '../../db/liveCampaigns';
import { combineCoefficients } from '../../domain/coefficient';

export async function getActivityCoefficient(
  dataSource: DataSource,
  combination: 'max' | 'product',
  request: GetActivityCoefficientRequest__Output,
): Promise<GetActivityCoefficientResponse> {
  const atMs = Number(request.atEpochMs);
  const live = await findLiveCampaigns(dataSource, atMs > 0 ? new Date(atMs) : new Date());
  return {
    coefficientMilli: combineCoefficients(
      live.map((c) => c.coefficientMilli),
      combination,
    ),
    campaignIds: live.map((c) => c.id),
  };
}
