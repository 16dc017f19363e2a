import type { ProtoGrpcType as BenefitsProto } from '../../../../proto/gen/benefits';
import type { ProtoGrpcType as CampaignProto } from '../../../../proto/gen/campaign';
import type { ListEarnCampaignsResponse__Output } from '../../../../proto/gen/membergraph/campaign/v1/ListEarnCampaignsResponse';
import type { ProtoGrpcType as MemberProto } from '../../../../proto/gen/member';
import type { QualifyingActivity as WireActivity } from '../../../../proto/gen/membergraph/member/v1/QualifyingActivity';
import type { RecordQualifyingActivityRequest } from '../../../../proto/gen/membergraph/member/v1/RecordQualifyingActivityRequest';
import type { TierDecision__Output } from '../../../../proto/gen/membergraph/member/v1/TierDecision';
import type { AssessRequest } from '../../../../proto/gen/membergraph/risk/v1/AssessRequest';
import type { ProtoGrpcType as RiskProto } from '../../../../proto/gen/risk';
import {
  createPeerClient,
  fromEpochMs,
  fromInt64,
  loadProto,
  toEpochMs,
  toInt64,
  type GrpcTls,
  type ServiceMetrics,
} from '../../../kit/src';
import type { EarnCalendar } from '../domain/earnCalendar';
import type { BenefitsPort, MemberPort, PointsPeers, QualifyingActivity, RiskAction, RiskDecision, TierCopy, TierDecision } from '../ports';

/** Where the peers are and what every call carries. */
export interface PeerAddresses {
  memberGrpcAddress: string;
  campaignGrpcAddress: string;
  riskGrpcAddress: string;
  grpcDeadlineMs: number;
  serviceToken: string;
  /** Mutual TLS to every peer; plaintext without. */
  grpcTls?: GrpcTls;
}

const wireActivity = (a: QualifyingActivity): WireActivity => ({
  memberId: a.memberId,
  spendFen: toInt64(a.spendFen),
  purchases: a.purchases,
  asOfEpochMs: toEpochMs(a.asOf),
});

const wireReport = (a: QualifyingActivity): RecordQualifyingActivityRequest => ({
  activity: wireActivity(a),
  refundedOrdersAtEpochMs: (a.refundedOrdersAt ?? []).map(toEpochMs),
});

const decision = (d: TierDecision__Output): TierDecision => ({
  memberId: d.memberId,
  tierId: d.tierId,
  changed: d.changed,
  current: tierCopy(d.memberId, d.tierId, d),
});

/** The tier facts an answer carries for points' copy; none from a member service that does not send them yet (version 0 and no tier). */
function tierCopy(
  memberId: string,
  tierId: string,
  facts: { tierVersion: string; granted: boolean; grantExpiresEpochMs: string },
): TierCopy | undefined {
  if (!tierId) return undefined;
  const ends = Number(facts.grantExpiresEpochMs);
  return {
    memberId,
    tierId,
    tierVersion: Number(facts.tierVersion),
    granted: facts.granted,
    grantExpiresAt: ends > 0 ? new Date(ends) : null,
  };
}

/** The member service as points sees it (also used alone by the tier re-evaluation job). */
export function memberPeer(
  config: Pick<PeerAddresses, 'memberGrpcAddress' | 'grpcDeadlineMs' | 'serviceToken' | 'grpcTls'>,
  metrics?: ServiceMetrics,
): MemberPort & { close(): void } {
  const member = createPeerClient(loadProto<MemberProto>('member').membergraph.member.v1.MemberService.service, {
    address: config.memberGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    // Tiers are a read; the figures are absolute and a cycle's re-evaluation applies once, so a repeat changes nothing.
    retryable: ['GetMemberTiers', 'RecordQualifyingActivity', 'RecordQualifyingActivities', 'ReevaluateTier', 'ListTiers'],
    metrics,
  });
  return {
    getMemberTier: async (memberId, at, scope) => {
      const { tiers } = await member.GetMemberTiers({ memberIds: [memberId], atEpochMs: at ? toEpochMs(at) : '0' }, scope);
      const tier = tiers.find((t) => t.memberId === memberId);
      return tier
        ? {
            memberId,
            tierId: tier.tierId,
            multiplierMilli: tier.multiplierMilli,
            pointsNeverExpire: tier.pointsNeverExpire,
            current: tierCopy(memberId, tier.currentTierId, tier),
          }
        : null;
    },
    listTiers: async (scope) =>
      (await member.ListTiers({}, scope)).tiers.map((rung) => ({
        tierId: rung.tierId,
        rank: rung.rank,
        multiplierMilli: rung.multiplierMilli,
        pointsNeverExpire: rung.pointsNeverExpire,
        spendThresholdFen: Number(rung.spendThresholdFen),
        purchaseThreshold: rung.purchaseThreshold,
        rule: rung.rule === 'OR' ? 'OR' : 'AND',
      })),
    getExpiryHolds: async (memberIds, scope) => {
      const { tiers } = await member.GetMemberTiers({ memberIds: [...memberIds], withNeverExpireEnd: true }, scope);
      return tiers.map((t) => ({
        memberId: t.memberId,
        pointsNeverExpire: t.pointsNeverExpire,
        neverExpireEndedAt: Number(t.neverExpireEndedEpochMs) > 0 ? new Date(Number(t.neverExpireEndedEpochMs)) : null,
      }));
    },
    recordQualifyingActivity: async (activity, scope) => decision(await member.RecordQualifyingActivity(wireReport(activity), scope)),
    recordQualifyingActivities: async (activities, scope) =>
      (await member.RecordQualifyingActivities({ reports: activities.map(wireReport) }, scope)).decisions.map(decision),
    reevaluateTier: async (activity, cycle, scope) =>
      decision(await member.ReevaluateTier({ activity: wireActivity(activity), cycle }, scope)),
    close: () => member.close(),
  };
}

/** The benefits service as points' outbox sees it: where members' spend windows go. */
export function benefitsPeer(
  config: { benefitsGrpcAddress: string } & Pick<PeerAddresses, 'grpcDeadlineMs' | 'serviceToken' | 'grpcTls'>,
  metrics?: ServiceMetrics,
): BenefitsPort & { close(): void } {
  const benefits = createPeerClient(loadProto<BenefitsProto>('benefits').membergraph.benefits.v1.BenefitsService.service, {
    address: config.benefitsGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    // Absolute windows, each kept only over an older one: a repeat changes nothing.
    retryable: ['RecordSpendStats'],
    metrics,
  });
  return {
    recordSpendStats: async (windows, scope) => {
      await benefits.RecordSpendStats(
        {
          members: windows.map((w) => ({
            memberId: w.memberId,
            asOfEpochMs: toEpochMs(w.asOf),
            windowMs: toInt64(w.windowMs),
            orders: w.orders.map((o) => ({ orderedAtEpochMs: toEpochMs(o.orderedAt), netFen: toInt64(o.netFen), counted: o.counted })),
          })),
        },
        scope,
      );
    },
    close: () => benefits.close(),
  };
}

/** An action as risk's AssessRequest. */
function assessRequest(action: RiskAction): AssessRequest {
  return {
    action: action.action,
    memberId: action.memberId,
    amountFen: toInt64(action.amountFen),
    points: toInt64(action.points ?? 0),
    channel: action.channel,
    store: action.store ?? '',
    ip: action.ip ?? '',
    idempotencyKey: action.idempotencyKey,
    occurredAtEpochMs: action.occurredAt ? toEpochMs(action.occurredAt) : '0',
    failOpen: action.failOpen ?? false,
    afterCommit: action.afterCommit ?? false,
  };
}

/** The campaign service's calendar in points' terms (an empty target list is no restriction, proto/campaign.proto). */
export function calendarOfWire(answer: ListEarnCampaignsResponse__Output): EarnCalendar {
  const codes = (list: string[]) => (list.length > 0 ? list : null);
  const window = (c: { startsAtEpochMs: string; endsAtEpochMs: string }) => ({
    startsAt: fromEpochMs(c.startsAtEpochMs),
    endsAt: fromEpochMs(c.endsAtEpochMs),
  });
  return {
    campaigns: answer.campaigns.map((c) => ({
      id: c.campaignId,
      coefficientMilli: c.coefficientMilli,
      ...window(c),
      budgeted: c.budgeted,
      targetTiers: codes(c.targetTiers),
      targetChannels: codes(c.targetChannels),
      targetStores: codes(c.targetStores),
      targetsSegments: c.targetsSegments,
      requiresMarketingConsent: c.requiresMarketingConsent,
    })),
    combination: answer.combination === 'MULTIPLY' ? 'product' : 'max',
    holdsFrom: fromEpochMs(answer.holdsFromEpochMs),
    miniProgramOrderWindows: answer.miniProgramOrderCampaigns.map(window),
    ordersQualifyReferrals: answer.ordersQualifyReferrals,
  };
}

/** Member, campaign and risk, as the points service's commands see them. */
export function connectPeers(config: PeerAddresses, metrics?: ServiceMetrics): PointsPeers & { close(): void } {
  const member = memberPeer(config, metrics);
  const campaign = createPeerClient(loadProto<CampaignProto>('campaign').membergraph.campaign.v1.CampaignService.service, {
    address: config.campaignGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    // The coefficient is answered once per order, an action counted once per ref, a budget returned once per key, the calendar a read: all safe to repeat.
    retryable: ['GetActivityCoefficient', 'RecordAction', 'ReturnBudget', 'ListEarnCampaigns'],
    metrics,
  });
  const risk = createPeerClient(loadProto<RiskProto>('risk').membergraph.risk.v1.RiskService.service, {
    address: config.riskGrpcAddress,
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    // One decision per idempotency key: a repeated assessment answers the first (in a batch too).
    retryable: ['Assess', 'AssessBatch'],
    metrics,
  });
  return {
    member,
    campaign: {
      getActivityCoefficient: async (memberId, at, scope, earn) => {
        const answer = await campaign.GetActivityCoefficient(
          {
            memberId,
            atEpochMs: toEpochMs(at),
            ...(earn
              ? {
                  orderRef: `ORDER:${earn.orderNo}`,
                  tierId: earn.tierId,
                  channel: earn.channel,
                  store: earn.store ?? '',
                  amountFen: toInt64(earn.amountFen),
                  baseRateMilli: earn.baseRateMilli,
                  multiplierMilli: earn.multiplierMilli,
                }
              : {}),
          },
          scope,
        );
        return { coefficientMilli: answer.coefficientMilli, campaignIds: answer.campaignIds, reservationId: answer.reservationId || null };
      },
      returnBudget: async (budgetReturn, scope) => {
        const answer = await campaign.ReturnBudget(
          {
            orderRef: `ORDER:${budgetReturn.orderNo}`,
            key: budgetReturn.key,
            ...('reservationId' in budgetReturn
              ? { reservationId: budgetReturn.reservationId }
              : { refundedFen: toInt64(budgetReturn.refundedFen), amountFen: toInt64(budgetReturn.amountFen) }),
          },
          scope,
        );
        return { returnedPoints: fromInt64(answer.returnedPoints), replayed: answer.replayed };
      },
      listEarnCampaigns: async (scope) => calendarOfWire(await campaign.ListEarnCampaigns({}, scope)),
      recordAction: async (action, scope) => {
        await campaign.RecordAction(
          { memberId: action.memberId, action: action.action, ref: action.ref, atEpochMs: toEpochMs(action.at) },
          scope,
        );
      },
    },
    risk: {
      assess: async (action, scope) => {
        const answer = await risk.Assess(assessRequest(action), scope);
        // The risk service always decides one of the three (DECISION_UNSPECIFIED is only proto3's zero).
        return { decision: answer.decision as RiskDecision, reason: answer.reason };
      },
      assessBatch: async (actions, scope) => {
        const answer = await risk.AssessBatch({ actions: actions.map(assessRequest) }, scope);
        // DECISION_UNSPECIFIED: risk could not parse that action (its reason says why) and recorded nothing.
        return answer.decisions.map((d) => ({
          decision: d.decision === 'DECISION_UNSPECIFIED' ? null : (d.decision as RiskDecision),
          reason: d.reason,
        }));
      },
    },
    close: () => [member, campaign, risk].forEach((peer) => peer.close()),
  };
}
