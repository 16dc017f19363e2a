import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseIdempotencyKey, parseMemberId } from '../../../kit/src';
import { templateRules } from '../db/coupons';
import { Coupon } from '../db/entities/Coupon';
import { CouponClaim } from '../db/entities/CouponClaim';
import { CouponTemplate } from '../db/entities/CouponTemplate';
import { parseMatrixCode } from '../domain/benefitMatrix';
import { couponWindow, faceValueFen } from '../domain/couponTemplate';
import type { MemberPort } from '../ports';

export interface IssueCouponInput {
  templateCode: string;
  memberId: string;
  idempotencyKey: string;
}

export interface IssuedCoupon {
  coupon: Coupon;
  replayed: boolean;
}

/** Who a coupon was issued by: staff; campaigns, referrals and reward redemptions; the birthday job and milestone rewards. */
export type IssueSource = 'STAFF' | 'CAMPAIGN' | 'REFERRAL' | 'REWARD' | 'BIRTHDAY' | 'MILESTONE';

/** A known key answers its coupon only for the same template and member: another would be a silent mix-up. */
function replay(coupon: Coupon, templateCode: string, memberId: string): IssuedCoupon {
  if (coupon.templateCode !== templateCode || coupon.memberId !== memberId) {
    throw new DomainError('CONFLICT', 'this idempotencyKey was already used for another coupon', { field: 'idempotencyKey' });
  }
  return { coupon, replayed: true };
}

const refused = (reason: string, message: string) => new DomainError('CONFLICT', message, { field: 'templateCode', reason });

/**
 * Issues one coupon of a template to a member, exactly once per idempotency key. Stock, budget and
 * the member's limit are each taken by a guarded UPDATE in one transaction (the member's count
 * first, then the template, always in that order, so simultaneous issues queue on row locks and
 * never deadlock): 500 simultaneous issues against a stock of 100 issue exactly 100, and a member
 * never holds more than the limit. A refusal (OUT_OF_STOCK, BUDGET_EXHAUSTED, PER_MEMBER_LIMIT) is
 * CONFLICT with that reason and takes nothing. `within` runs in the issue's transaction after the
 * coupon is written (the reward saga moves its state there); a throw there issues nothing.
 */
export async function issueCoupon(
  dataSource: DataSource,
  member: MemberPort,
  input: IssueCouponInput,
  actor: string,
  source: IssueSource = 'STAFF',
  now = new Date(),
  within?: (manager: EntityManager, coupon: Coupon) => Promise<void>,
): Promise<IssuedCoupon> {
  const templateCode = parseMatrixCode(input.templateCode, 'templateCode');
  const memberId = parseMemberId(input.memberId);
  const issueKey = `ISSUE:${parseIdempotencyKey(input.idempotencyKey)}`;
  const coupons = dataSource.getRepository(Coupon);
  const known = await coupons.findOneBy({ issueKey });
  if (known) return replay(known, templateCode, memberId);
  const template = await dataSource.getRepository(CouponTemplate).findOneBy({ code: templateCode });
  if (!template) throw new DomainError('NOT_FOUND', `no coupon template ${templateCode}`, { field: 'templateCode' });
  const window = couponWindow(templateRules(template), now);
  if (template.stockLeft <= 0) throw refused('OUT_OF_STOCK', `coupon template ${templateCode} has no stock left`);
  if (!(await member.getMemberTier(memberId))) throw new DomainError('NOT_FOUND', `no member ${memberId}`, { field: 'memberId' });
  // The member's count row exists before the transaction, so inside it is only ever updated (an
  // INSERT … IGNORE there would take a shared lock that two issues could both try to upgrade).
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(CouponClaim)
    .values({ templateCode, memberId, issued: 0 })
    .orIgnore()
    .updateEntity(false)
    .execute();
  const face = faceValueFen(templateRules(template)) ?? 0;
  try {
    const coupon = await inTransaction(dataSource, async (manager) => {
      const counted = await manager
        .createQueryBuilder()
        .update(CouponClaim)
        .set({ issued: () => 'issued + 1' })
        .where('template_code = :templateCode AND member_id = :memberId AND issued < :limit', {
          templateCode,
          memberId,
          limit: template.perMemberLimit,
        })
        .execute();
      if (counted.affected !== 1) {
        throw refused('PER_MEMBER_LIMIT', `a member may hold at most ${template.perMemberLimit} of coupon template ${templateCode}`);
      }
      const taken = await manager
        .createQueryBuilder()
        .update(CouponTemplate)
        .set({ stockLeft: () => 'stock_left - 1', budgetLeftFen: () => 'budget_left_fen - :face' })
        .where('code = :templateCode AND stock_left > 0 AND (budget_left_fen IS NULL OR budget_left_fen >= :face)', { templateCode, face })
        .execute();
      if (taken.affected !== 1) {
        const left = await manager.getRepository(CouponTemplate).findOneByOrFail({ code: templateCode });
        throw left.stockLeft <= 0
          ? refused('OUT_OF_STOCK', `coupon template ${templateCode} has no stock left`)
          : refused('BUDGET_EXHAUSTED', `coupon template ${templateCode} has spent its budget`);
      }
      const issued = manager.getRepository(Coupon).create({
        id: randomUUID(),
        templateCode,
        memberId,
        status: 'AVAILABLE',
        ...window,
        source,
        issueKey,
        issuedBy: actor,
        issuedAt: now,
        orderNo: null,
        redeemedAt: null,
        discountFen: null,
        voidedAt: null,
        voidReason: null,
      });
      await manager.getRepository(Coupon).insert(issued);
      if (within) await within(manager, issued);
      return issued;
    });
    return { coupon, replayed: false };
  } catch (error) {
    // Two first attempts with one key: the loser's transaction took nothing; answer the winner's coupon.
    if (!isUniqueViolation(error)) throw error;
    return replay(await coupons.findOneByOrFail({ issueKey }), templateCode, memberId);
  }
}
