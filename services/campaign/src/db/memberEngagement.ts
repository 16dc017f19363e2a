import { And, In, LessThan, MoreThanOrEqual, type DataSource } from 'typeorm';
import { Campaign } from './entities/Campaign';
import { CampaignAction } from './entities/CampaignAction';
import { CampaignProgress } from './entities/CampaignProgress';
import { ExperimentParticipant } from './entities/ExperimentParticipant';
import { ReferralInvitation } from './entities/ReferralInvitation';
import { ReferralMember } from './entities/ReferralMember';

export const ENGAGEMENT_KINDS = [
  'TASK_ACTION',
  'TASK_COMPLETED',
  'REFERRAL_SHARED',
  'REFERRAL_CONVERTED',
  'EXPERIMENT_EXPOSED',
  'EXPERIMENT_CONVERTED',
] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export interface EngagementEvent {
  at: Date;
  kind: EngagementKind;
}

/** Between `since` (inclusive) and `before` (exclusive): the window the risk models ask for. */
const within = (at: Date | null, since: Date, before: Date): at is Date =>
  at !== null && at.getTime() >= since.getTime() && at.getTime() < before.getTime();

/**
 * Every dated engagement the campaign service holds for `memberIds` in [since, before), oldest first
 * per member (proto/campaign.proto GetMemberEngagement says what each kind is). Five searches by
 * member id (the indexes of migration 1765000000000) and one for the counting campaigns' actions,
 * whatever the batch's size; the growing tables (actions, shares) are windowed in SQL on their
 * (member, time) indexes, the rest here.
 *
 * Check-in actions are left out: points owns check-ins (its ledger), and a check-in campaign counts
 * the same day again. An action several campaigns counted (the same member and ref) is one event.
 */
export async function readMemberEngagement(
  dataSource: DataSource,
  memberIds: readonly string[],
  since: Date,
  before: Date,
): Promise<Map<string, EngagementEvent[]>> {
  const byId = new Map<string, EngagementEvent[]>(memberIds.map((id) => [id, []]));
  if (memberIds.length === 0) return byId;
  const ids = In([...byId.keys()]);
  const window = And(MoreThanOrEqual(since), LessThan(before));
  const [actions, progress, shares, conversions, participations] = await Promise.all([
    dataSource.getRepository(CampaignAction).find({ where: { memberId: ids, at: window } }),
    dataSource.getRepository(CampaignProgress).find({ select: { memberId: true, rewardedAt: true }, where: { memberId: ids } }),
    dataSource
      .getRepository(ReferralInvitation)
      .find({ select: { memberId: true, createdAt: true }, where: { memberId: ids, createdAt: window } }),
    dataSource
      .getRepository(ReferralMember)
      .find({ select: { inviterId: true, countedAt: true }, where: { inviterId: ids, status: 'COUNTED' } }),
    dataSource
      .getRepository(ExperimentParticipant)
      .find({ select: { memberId: true, exposedAt: true, convertedAt: true }, where: { memberId: ids } }),
  ]);
  const add = (memberId: string | null, at: Date | null, kind: EngagementKind) => {
    if (memberId !== null && within(at, since, before)) byId.get(memberId)?.push({ at, kind });
  };
  const actionOf = new Map(
    (
      await dataSource
        .getRepository(Campaign)
        .find({ select: { id: true, taskAction: true }, where: { id: In([...new Set(actions.map((a) => a.campaignId))]) } })
    ).map((c) => [c.id, c.taskAction]),
  );
  const firstCount = new Map<string, CampaignAction>();
  for (const a of actions) {
    const action = actionOf.get(a.campaignId) ?? null;
    if (action === 'CHECK_IN') continue;
    const key = `${a.memberId}\u0000${action}\u0000${a.actionRef}`;
    const seen = firstCount.get(key);
    if (!seen || a.at < seen.at) firstCount.set(key, a);
  }
  for (const a of firstCount.values()) add(a.memberId, a.at, 'TASK_ACTION');
  for (const p of progress) add(p.memberId, p.rewardedAt, 'TASK_COMPLETED');
  for (const s of shares) add(s.memberId, s.createdAt, 'REFERRAL_SHARED');
  for (const c of conversions) add(c.inviterId, c.countedAt, 'REFERRAL_CONVERTED');
  for (const e of participations) {
    add(e.memberId, e.exposedAt, 'EXPERIMENT_EXPOSED');
    add(e.memberId, e.convertedAt, 'EXPERIMENT_CONVERTED');
  }
  for (const events of byId.values()) events.sort((x, y) => x.at.getTime() - y.at.getTime() || (x.kind < y.kind ? -1 : 1));
  return byId;
}
