import { DomainError } from '../../../kit/src';
import type { CampaignStatus } from './newCampaign';

/** What staff and members see: DRAFT → SCHEDULED → LIVE → ENDED. */
export type CampaignState = 'DRAFT' | 'SCHEDULED' | 'LIVE' | 'ENDED';

interface Lifecycle {
  status: CampaignStatus;
  startsAt: Date;
  endsAt: Date;
  endedAt?: Date | null;
}

/** The state at `at`: a scheduled campaign is LIVE inside [startsAt, endsAt) and ENDED after, or once ended early. */
export function stateAt(campaign: Lifecycle, at: Date): CampaignState {
  if (campaign.status === 'DRAFT') return 'DRAFT';
  if (campaign.status === 'ENDED' || at.getTime() >= campaign.endsAt.getTime()) return 'ENDED';
  return at.getTime() >= campaign.startsAt.getTime() ? 'LIVE' : 'SCHEDULED';
}

/** Staff moves: schedule a draft (ADMIN, OPERATOR) and end a scheduled or live campaign early (ADMIN, OPERATOR). */
export type LifecycleMove = 'SCHEDULE' | 'END';

/**
 * The stored change a move makes, or a coded refusal. Ending cuts the window at `at`, so grants
 * and the coefficient stop at once and the history shows when it ended.
 */
export function planMove(campaign: Lifecycle, move: LifecycleMove, at: Date): { status: CampaignStatus; endsAt?: Date; endedAt?: Date } {
  const state = stateAt(campaign, at);
  if (move === 'SCHEDULE') {
    if (state !== 'DRAFT')
      throw new DomainError('BAD_USER_INPUT', `only a DRAFT campaign can be scheduled (it is ${state})`, { field: 'id', reason: state });
    if (campaign.endsAt.getTime() <= at.getTime())
      throw new DomainError('BAD_USER_INPUT', 'the campaign window has passed; change it before scheduling', {
        field: 'endsAt',
        reason: 'WINDOW_PASSED',
      });
    return { status: 'SCHEDULED' };
  }
  if (state !== 'SCHEDULED' && state !== 'LIVE')
    throw new DomainError('BAD_USER_INPUT', `only a SCHEDULED or LIVE campaign can be ended (it is ${state})`, {
      field: 'id',
      reason: state,
    });
  return { status: 'ENDED', endedAt: at, ...(state === 'LIVE' ? { endsAt: at } : {}) };
}

/** Windows [a, b) and [c, d) share an instant. */
export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}
