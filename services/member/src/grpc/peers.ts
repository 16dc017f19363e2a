import type { ProtoGrpcType as BenefitsProto } from '../../../../proto/gen/benefits';
import type { ProtoGrpcType as CampaignProto } from '../../../../proto/gen/campaign';
import type { ProtoGrpcType as PointsProto } from '../../../../proto/gen/points';
import type { ProtoGrpcType as RiskProto } from '../../../../proto/gen/risk';
import {
  createPeerClient,
  DomainError,
  fromInt64,
  loadProto,
  toEpochMs,
  toInt64,
  type GrpcTls,
  type ServiceMetrics,
} from '../../../kit/src';
import type { MemberPeers, RiskDecision } from '../ports';

const OUTCOMES = ['ISSUED', 'NO_REWARD', 'REFUSED'] as const;

/**
 * The points service (bonuses and merges) and the benefits service (milestone rewards) as the
 * member service sees them, both called from the outbox only; the risk service, asked before a
 * sign-in (registration or login) opens a session; and the campaign service (a referral code
 * checked before registering; registrations and completed profiles from the outbox).
 */
export function connectPeers(
  config: {
    pointsGrpcAddress: string;
    riskGrpcAddress: string;
    benefitsGrpcAddress: string;
    campaignGrpcAddress: string;
    grpcDeadlineMs: number;
    serviceToken: string;
    grpcTls?: GrpcTls;
  },
  metrics?: ServiceMetrics,
): MemberPeers & {
  close(): void;
} {
  const points = createPeerClient(loadProto<PointsProto>('points').membergraph.points.v1.PointsService.service, {
    address: config.pointsGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    // All apply once: a bonus per member and kind, a merge per merge id, a tier change per version.
    retryable: ['Award', 'MergeAccounts', 'RecordMemberTiers', 'RecordTierLadderChange'],
    metrics,
  });
  const risk = createPeerClient(loadProto<RiskProto>('risk').membergraph.risk.v1.RiskService.service, {
    address: config.riskGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    // One decision per idempotency key: a repeated assessment answers the first.
    retryable: ['Assess'],
    metrics,
  });
  const benefits = createPeerClient(loadProto<BenefitsProto>('benefits').membergraph.benefits.v1.BenefitsService.service, {
    address: config.benefitsGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    // A milestone is rewarded once per milestone id.
    retryable: ['GrantMilestoneReward'],
    metrics,
  });
  const campaign = createPeerClient(loadProto<CampaignProto>('campaign').membergraph.campaign.v1.CampaignService.service, {
    address: config.campaignGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    // A read, and a registration recorded once per member.
    retryable: ['ResolveReferralCode', 'RecordRegistration', 'RecordAction'],
    metrics,
  });
  return {
    benefits: {
      grantMilestoneReward: async (milestone, scope) => {
        const answer = await benefits.GrantMilestoneReward(
          {
            milestoneId: milestone.milestoneId,
            memberId: milestone.memberId,
            kind: milestone.kind,
            reachedAtEpochMs: String(milestone.reachedAt.getTime()),
          },
          scope,
        );
        const outcome = OUTCOMES.find((o) => o === answer.outcome);
        if (!outcome) throw new Error(`benefits answered an unknown milestone outcome ${answer.outcome}`);
        return { outcome, couponId: answer.couponId || null, replayed: answer.replayed };
      },
    },
    campaign: {
      referrerOf: async (code, scope) => {
        try {
          return (await campaign.ResolveReferralCode({ code }, scope)).memberId;
        } catch (error) {
          if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
          throw error;
        }
      },
      recordRegistration: async (registration, scope) => {
        await campaign.RecordRegistration(
          {
            memberId: registration.memberId,
            channel: registration.channel,
            registeredAtEpochMs: toEpochMs(registration.registeredAt),
            referralCode: registration.referralCode ?? '',
          },
          scope,
        );
      },
      recordProfileCompleted: async (memberId, at, scope) => {
        await campaign.RecordAction({ memberId, action: 'PROFILE_COMPLETION', ref: 'PROFILE', atEpochMs: toEpochMs(at) }, scope);
      },
    },
    points: {
      awardBonus: async (memberId, kind, scope) => {
        const answer = await points.Award({ memberId, kind }, scope);
        return { points: fromInt64(answer.points), balanceAfter: fromInt64(answer.balanceAfter), replayed: answer.replayed };
      },
      mergeAccounts: async (merge, scope) => {
        const answer = await points.MergeAccounts(merge, scope);
        return {
          pointsMoved: fromInt64(answer.pointsMoved),
          targetBalanceAfter: fromInt64(answer.targetBalanceAfter),
          replayed: answer.replayed,
        };
      },
      recordMemberTiers: async (changes, scope) => {
        await points.RecordMemberTiers(
          {
            changes: changes.map((c) => ({
              memberId: c.memberId,
              tierId: c.tierId,
              tierVersion: toInt64(c.tierVersion),
              granted: c.granted,
              grantExpiresEpochMs: c.grantExpiresAt ? toEpochMs(c.grantExpiresAt) : '0',
            })),
          },
          scope,
        );
      },
      recordTierLadderChange: async (scope) => {
        await points.RecordTierLadderChange({}, scope);
      },
    },
    risk: {
      assess: async (action, scope) => {
        const answer = await risk.Assess(
          {
            action: action.action,
            memberId: action.memberId,
            channel: action.channel,
            deviceId: action.deviceId ?? '',
            ip: action.ip ?? '',
            idempotencyKey: action.idempotencyKey,
            occurredAtEpochMs: action.occurredAt ? toEpochMs(action.occurredAt) : '0',
            failOpen: action.failOpen ?? false,
          },
          scope,
        );
        // The risk service always decides one of the three (DECISION_UNSPECIFIED is only proto3's zero).
        return { decision: answer.decision as RiskDecision, reason: answer.reason };
      },
    },
    close: () => [points, risk, benefits, campaign].forEach((peer) => peer.close()),
  };
}
