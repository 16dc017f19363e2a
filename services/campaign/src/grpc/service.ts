import type { DataSource } from 'typeorm';
import type { ProtoGrpcType } from '../../../../proto/gen/campaign';
import type { CampaignServiceHandlers } from '../../../../proto/gen/membergraph/campaign/v1/CampaignService';
import { DomainError, fromEpochMs, loadProto, toInt64, unaryHandler, type GrpcGuard } from '../../../kit/src';
import { qualifyOnPurchase } from '../commands/claimReferral';
import { recordAction } from '../commands/recordAction';
import { recordRegistration } from '../commands/recordRegistration';
import { ownerOfCode } from '../commands/referralCode';
import type { CampaignConfig } from '../config';
import { normalizeReferralCode } from '../domain/referral';
import type { CampaignPeers, EventDelivery } from '../ports';
import { getActivityCoefficient } from './handlers/GetActivityCoefficient';
import { getMemberEngagement } from './handlers/GetMemberEngagement';
import { listEarnCampaigns } from './handlers/ListEarnCampaigns';
import { returnBudgetHandler } from './handlers/ReturnBudget';

export const CAMPAIGN_GRPC_SERVICE = 'membergraph.campaign.v1.CampaignService';

export function campaignGrpcService(
  dataSource: DataSource,
  peers: CampaignPeers,
  events: EventDelivery,
  config: CampaignConfig,
  guard: GrpcGuard,
) {
  const proto = loadProto<ProtoGrpcType>('campaign');
  const implementation: CampaignServiceHandlers = {
    GetActivityCoefficient: unaryHandler(guard, async (request, call) => {
      const answer = await getActivityCoefficient(dataSource, peers, config.coefficientCombination, request, { parent: call });
      // A placed order is the invitee's first purchase when that is the ladder's qualifying event; the
      // count and rewards follow from the outbox, not inside the earn (a failure leaves the invitee
      // WAITING for their next order).
      if (config.referral.qualifyingEvent === 'FIRST_PURCHASE' && request.orderRef)
        void qualifyOnPurchase(dataSource, events, request.memberId).catch((error: unknown) =>
          guard.logger.warn({ err: error, memberId: request.memberId }, 'referral purchase not recorded; the next order retries'),
        );
      // The first mini-program order a TASK campaign sees for the member counts as that action.
      if (request.channel === 'MINI_PROGRAM' && request.orderRef)
        void recordAction(dataSource, peers, events, config.utcOffsetMinutes, {
          memberId: request.memberId,
          action: 'FIRST_MINI_PROGRAM_ORDER',
          ref: 'FIRST',
          at: Number(request.atEpochMs) > 0 ? fromEpochMs(request.atEpochMs) : new Date(),
          tierId: request.tierId || null,
          channel: request.channel,
          store: request.store || null,
        }).catch((error: unknown) => guard.logger.warn({ err: error, memberId: request.memberId }, 'first mini-program order not counted'));
      return answer;
    }),
    ListEarnCampaigns: unaryHandler(guard, () => listEarnCampaigns(dataSource, config)),
    ReturnBudget: unaryHandler(guard, (request) => returnBudgetHandler(dataSource, request)),
    RecordAction: unaryHandler(guard, async (request) => {
      const grants = await recordAction(dataSource, peers, events, config.utcOffsetMinutes, {
        memberId: request.memberId,
        action: request.action,
        ref: request.ref,
        at: Number(request.atEpochMs) > 0 ? fromEpochMs(request.atEpochMs) : new Date(),
        tierId: request.tierId || null,
        channel: request.channel || null,
        store: request.store || null,
      });
      return { grants: grants.map((g) => ({ campaignId: g.campaignId, extraPoints: toInt64(g.points) })) };
    }),
    ResolveReferralCode: unaryHandler(guard, async (request) => {
      const memberId = await ownerOfCode(dataSource, normalizeReferralCode(request.code));
      if (!memberId)
        throw new DomainError('NOT_FOUND', 'no member has this referral code', { field: 'referralCode', reason: 'UNKNOWN_REFERRAL_CODE' });
      return { memberId };
    }),
    RecordRegistration: unaryHandler(guard, async (request) => {
      const answer = await recordRegistration(dataSource, config.referral, events, {
        memberId: request.memberId,
        channel: request.channel,
        registeredAt: fromEpochMs(request.registeredAtEpochMs),
        referralCode: request.referralCode || null,
      });
      return { inviterMemberId: answer.inviterId ?? '', replayed: answer.replayed };
    }),
    GetMemberEngagement: unaryHandler(guard, (request) => getMemberEngagement(dataSource, request)),
  };
  return { definition: proto.membergraph.campaign.v1.CampaignService.service, implementation };
}
