import type { ProtoGrpcType as BenefitsProto } from '../../../../proto/gen/benefits';
import type { ProtoGrpcType as MemberProto } from '../../../../proto/gen/member';
import type { ProtoGrpcType as PointsProto } from '../../../../proto/gen/points';
import type { ProtoGrpcType as RiskProto } from '../../../../proto/gen/risk';
import { createPeerClient, loadProto, toInt64, type GrpcTls, type ServiceMetrics } from '../../../kit/src';
import type { CampaignPeers } from '../ports';

/** Member ids per GetConsents call (the member service's limit). */
const CONSENT_BATCH = 500;

/** Where the peers are and what every call carries. */
export interface PeerAddresses {
  memberGrpcAddress: string;
  pointsGrpcAddress: string;
  benefitsGrpcAddress: string;
  riskGrpcAddress: string;
  grpcDeadlineMs: number;
  serviceToken: string;
  grpcTls?: GrpcTls;
}

/** Member, points, benefits and risk as the campaign service's commands see them. */
export function connectPeers(config: PeerAddresses, metrics?: ServiceMetrics): CampaignPeers & { close(): void } {
  const common = { deadlineMs: config.grpcDeadlineMs, serviceToken: config.serviceToken, tls: config.grpcTls, metrics };
  const member = createPeerClient(loadProto<MemberProto>('member').membergraph.member.v1.MemberService.service, {
    ...common,
    address: config.memberGrpcAddress,
    // A read, and a grant applied once per idempotency key.
    retryable: ['GetMemberTiers', 'GetConsents', 'GrantTier', 'ListTiers'],
  });
  const points = createPeerClient(loadProto<PointsProto>('points').membergraph.points.v1.PointsService.service, {
    ...common,
    address: config.pointsGrpcAddress,
    retryable: ['AwardCampaignPoints', 'RecordCampaignCalendarChange'],
  });
  const benefits = createPeerClient(loadProto<BenefitsProto>('benefits').membergraph.benefits.v1.BenefitsService.service, {
    ...common,
    address: config.benefitsGrpcAddress,
    retryable: ['IssueCoupon'],
  });
  const risk = createPeerClient(loadProto<RiskProto>('risk').membergraph.risk.v1.RiskService.service, {
    ...common,
    address: config.riskGrpcAddress,
    retryable: ['Assess'],
  });
  return {
    member: {
      getTiers: async (memberIds, scope) => {
        const { tiers } = await member.GetMemberTiers({ memberIds: [...memberIds] }, scope);
        return new Map(tiers.map((t) => [t.memberId, t.tierId]));
      },
      // The member service owns consent (GetConsents, up to 500 ids a call): a member not answered
      // (unknown, merged) or answered without MARKETING is left out of a campaign that requires it.
      withoutMarketingConsent: async (memberIds, scope) => {
        const consenting = new Set<string>();
        for (let i = 0; i < memberIds.length; i += CONSENT_BATCH) {
          const { members } = await member.GetConsents({ memberIds: memberIds.slice(i, i + CONSENT_BATCH) }, scope);
          for (const m of members) if (m.purposes.includes('MARKETING')) consenting.add(m.memberId);
        }
        return new Set(memberIds.filter((id) => !consenting.has(id)));
      },
      listTierIds: async (scope) => new Set((await member.ListTiers({}, scope)).tierIds),
      grantTier: async (grant, scope) => {
        await member.GrantTier(grant, scope);
      },
    },
    points: {
      awardPoints: async (award, scope) => {
        await points.AwardCampaignPoints({ ...award, points: toInt64(award.points) }, scope);
      },
      recordCampaignCalendarChange: async (scope) => {
        await points.RecordCampaignCalendarChange({}, scope);
      },
    },
    benefits: {
      issueCoupon: async (issue, scope) => {
        const answer = await benefits.IssueCoupon(issue, scope);
        return { couponId: answer.couponId };
      },
    },
    risk: {
      assessReferral: async (referral, scope) => {
        const answer = await risk.Assess(
          {
            action: 'REFERRAL_REWARD',
            memberId: referral.inviterId,
            inviteeMemberId: referral.inviteeId,
            channel: referral.channel,
            idempotencyKey: referral.idempotencyKey,
            amountFen: '0',
          },
          scope,
        );
        return { decision: answer.decision as 'ALLOW' | 'REVIEW' | 'DENY', reason: answer.reason };
      },
    },
    close: () => [member, points, benefits, risk].forEach((peer) => peer.close()),
  };
}
