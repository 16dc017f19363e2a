import type { DataSource } from 'typeorm';
import { DomainError, parseMemberId } from '../../../kit/src';
import { milestoneGrantKey, type MilestoneKind } from '../domain/occasions';
import type { MemberPort } from '../ports';
import { grantOccasion, type OccasionOutcome } from './grantOccasion';

export interface MilestoneInput {
  milestoneId: string;
  memberId: string;
  kind: string;
  reachedAt: Date;
}

const MILESTONES: readonly MilestoneKind[] = ['FIRST_TOP_TIER', 'TWELFTH_PURCHASE'];

/**
 * A milestone the member service recorded (delivered from its outbox, so possibly more than once):
 * its reward, exactly once per milestone id. The coupon is issued when the event arrives (an
 * outage of this service delays the gift, it never loses it).
 */
export async function grantMilestoneReward(dataSource: DataSource, member: MemberPort, input: MilestoneInput): Promise<OccasionOutcome> {
  const memberId = parseMemberId(input.memberId);
  if (!/^[0-9a-f-]{36}$/.test(input.milestoneId)) {
    throw new DomainError('BAD_USER_INPUT', 'milestone_id is the member service’s milestone id', { field: 'milestone_id' });
  }
  if (!(MILESTONES as readonly string[]).includes(input.kind)) {
    throw new DomainError('BAD_USER_INPUT', `kind must be one of ${MILESTONES.join(', ')}`, { field: 'kind' });
  }
  if (Number.isNaN(input.reachedAt.getTime())) {
    throw new DomainError('BAD_USER_INPUT', 'reached_at_epoch_ms must be a time', { field: 'reached_at_epoch_ms' });
  }
  return grantOccasion(dataSource, member, {
    grantKey: milestoneGrantKey(input.milestoneId),
    memberId,
    occasion: input.kind,
    source: 'MILESTONE',
  });
}
