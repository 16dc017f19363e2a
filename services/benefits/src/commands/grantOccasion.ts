import type { DataSource } from 'typeorm';
import { DomainError, isUniqueViolation } from '../../../kit/src';
import { OccasionGrant } from '../db/entities/OccasionGrant';
import { OccasionReward } from '../db/entities/OccasionReward';
import type { MemberPort } from '../ports';
import { issueCoupon, type IssueSource } from './issueCoupon';

export interface OccasionInput {
  /** The occasion's own key: once per key, ever. */
  grantKey: string;
  memberId: string;
  /** BIRTHDAY:<tier id>, FIRST_TOP_TIER or TWELFTH_PURCHASE. */
  occasion: string;
  source: Extract<IssueSource, 'BIRTHDAY' | 'MILESTONE'>;
}

export interface OccasionOutcome {
  grant: OccasionGrant;
  /** True when the key had been granted before. */
  replayed: boolean;
}

/** What a coupon issue may refuse for good: the grant records it instead of failing the job or the event. */
const FINAL_REFUSALS = ['OUT_OF_STOCK', 'BUDGET_EXHAUSTED', 'PER_MEMBER_LIMIT'];

/**
 * Gives a member what an occasion gives, exactly once per grant key. The coupon is issued under
 * the grant key as its idempotency key, then the grant row is written under the same key: two
 * first attempts at once (two job runs, an event delivered twice) issue one coupon and write one
 * row, and an attempt that died between the two finds its coupon again and writes the row. An
 * occasion with no reward set is recorded as NO_REWARD; a template whose stock, budget or
 * per-member limit is spent as REFUSED with the reason. Anything else (the member service down)
 * fails, and the caller tries again later.
 */
export async function grantOccasion(
  dataSource: DataSource,
  member: MemberPort,
  input: OccasionInput,
  now = new Date(),
): Promise<OccasionOutcome> {
  const grants = dataSource.getRepository(OccasionGrant);
  const known = await grants.findOneBy({ grantKey: input.grantKey });
  if (known) return { grant: known, replayed: true };
  const reward = await dataSource.getRepository(OccasionReward).findOneBy({ occasion: input.occasion });
  const grant = grants.create({
    grantKey: input.grantKey,
    memberId: input.memberId,
    occasion: input.occasion,
    outcome: 'NO_REWARD',
    couponId: null,
    reason: null,
    grantedAt: now,
  });
  if (reward) {
    try {
      const { coupon } = await issueCoupon(
        dataSource,
        member,
        { templateCode: reward.templateCode, memberId: input.memberId, idempotencyKey: input.grantKey },
        `service:${input.source.toLowerCase()}`,
        input.source,
        now,
      );
      Object.assign(grant, { outcome: 'ISSUED', couponId: coupon.id });
    } catch (error) {
      const reason = error instanceof DomainError ? error.details.reason : undefined;
      if (!(typeof reason === 'string' && FINAL_REFUSALS.includes(reason))) throw error;
      Object.assign(grant, { outcome: 'REFUSED', reason });
    }
  }
  try {
    await grants.insert(grant);
    return { grant, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { grant: await grants.findOneByOrFail({ grantKey: input.grantKey }), replayed: true };
  }
}
