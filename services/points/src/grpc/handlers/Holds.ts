import type { DataSource } from 'typeorm';
import type { CapturePointsRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/CapturePointsRequest';
import type { CapturePointsResponse } from '../../../../../proto/gen/membergraph/points/v1/CapturePointsResponse';
import type { HoldPointsRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/HoldPointsRequest';
import type { HoldPointsResponse } from '../../../../../proto/gen/membergraph/points/v1/HoldPointsResponse';
import type { ReleasePointsRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/ReleasePointsRequest';
import type { ReleasePointsResponse } from '../../../../../proto/gen/membergraph/points/v1/ReleasePointsResponse';
import { fromEpochMs, fromInt64, toEpochMs, toInt64 } from '../../../../kit/src';
import { capturePoints, holdPoints, releasePoints } from '../../commands/holdPoints';
import type { RiskPort } from '../../ports';

export async function hold(
  dataSource: DataSource,
  risk: RiskPort,
  ttlMs: number,
  request: HoldPointsRequest__Output,
): Promise<HoldPointsResponse> {
  const expiresAtMs = fromInt64(request.expiresAtMs);
  const result = await holdPoints(
    dataSource,
    risk,
    {
      memberId: request.memberId,
      points: fromInt64(request.points),
      holdKey: request.holdKey,
      sourceRef: request.sourceRef,
      reason: request.reason,
      expiresAt: expiresAtMs > 0 ? fromEpochMs(expiresAtMs) : undefined,
    },
    { ttlMs },
  );
  return {
    held: toInt64(result.hold.points),
    availableAfter: toInt64(result.availableAfter),
    expiresAtMs: toEpochMs(result.hold.expiresAt),
    replayed: result.replayed,
  };
}

export async function capture(dataSource: DataSource, request: CapturePointsRequest__Output): Promise<CapturePointsResponse> {
  const result = await capturePoints(dataSource, request.holdKey);
  return { entryId: result.entryId, balanceAfter: toInt64(result.balanceAfter), replayed: result.replayed };
}

export async function release(dataSource: DataSource, request: ReleasePointsRequest__Output): Promise<ReleasePointsResponse> {
  return releasePoints(dataSource, { holdKey: request.holdKey, memberId: request.memberId });
}
