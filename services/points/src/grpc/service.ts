import type { DataSource } from 'typeorm';
import type { PointsServiceHandlers } from '../../../../proto/gen/membergraph/points/v1/PointsService';
import type { ProtoGrpcType } from '../../../../proto/gen/points';
import { loadProto, serverStreamHandler, unaryHandler, type GrpcGuard } from '../../../kit/src';
import type { PointsRules } from '../context';
import type { EventDelivery, PointsPeers } from '../ports';
import { award } from './handlers/Award';
import { awardCampaignPointsHandler } from './handlers/AwardCampaignPoints';
import { debit } from './handlers/Debit';
import { mergeAccounts } from './handlers/MergeAccounts';
import { getBalances } from './handlers/GetBalances';
import { getSpendStats } from './handlers/GetSpendStats';
import { streamPurchaseStats } from './handlers/StreamPurchaseStats';
import { listMemberActivity } from './handlers/ListMemberActivity';
import { capture, hold, release } from './handlers/Holds';
import { recordMemberTiers } from './handlers/RecordMemberTiers';
import { recordCampaignCalendarChange } from './handlers/RecordCampaignCalendarChange';
import { recordTierLadderChange } from './handlers/RecordTierLadderChange';

export const POINTS_GRPC_SERVICE = 'membergraph.points.v1.PointsService';

/**
 * `peers.member` gives the tier of a member a bonus goes to (its lot never expires on Diamond);
 * `rules.holdTtlMs` is how long a hold lasts when its caller names no expiry.
 */
export function pointsGrpcService(
  dataSource: DataSource,
  peers: PointsPeers,
  events: EventDelivery,
  rules: PointsRules & { holdTtlMs: number },
  guard: GrpcGuard,
) {
  const proto = loadProto<ProtoGrpcType>('points');
  const implementation: PointsServiceHandlers = {
    GetBalances: unaryHandler(guard, (request) => getBalances(dataSource, request)),
    GetSpendStats: unaryHandler(guard, (request) => getSpendStats(dataSource, request)),
    Debit: unaryHandler(guard, (request) => debit(dataSource, peers.risk, request)),
    MergeAccounts: unaryHandler(guard, (request) => mergeAccounts(dataSource, events, request)),
    ListMemberActivity: unaryHandler(guard, (request) => listMemberActivity(dataSource, request)),
    Award: unaryHandler(guard, (request, call) => award(dataSource, peers.member, rules, request, { parent: call })),
    StreamPurchaseStats: serverStreamHandler(guard, (request) => streamPurchaseStats(dataSource, request)),
    HoldPoints: unaryHandler(guard, (request) => hold(dataSource, peers.risk, rules.holdTtlMs, request)),
    CapturePoints: unaryHandler(guard, (request) => capture(dataSource, request)),
    ReleasePoints: unaryHandler(guard, (request) => release(dataSource, request)),
    RecordMemberTiers: unaryHandler(guard, (request) => recordMemberTiers(dataSource, request)),
    RecordTierLadderChange: unaryHandler(guard, () => recordTierLadderChange(dataSource)),
    RecordCampaignCalendarChange: unaryHandler(guard, () => recordCampaignCalendarChange(dataSource)),
    AwardCampaignPoints: unaryHandler(guard, (request, call) =>
      awardCampaignPointsHandler(dataSource, peers.member, rules, request, { parent: call }),
    ),
  };
  return { definition: proto.membergraph.points.v1.PointsService.service, implementation };
}
