import type { DataSource } from 'typeorm';
import type { CouponTemplateInput } from '../../domain/couponTemplate';
import { defineCouponTemplate } from '../defineCouponTemplate';
import { issueCoupon } from '../issueCoupon';
import { MemoryMember } from '../../../test/memoryPorts';

/** A template valid 30 days from issue, one per member, 100 in stock: tests change what they are about. */
export const TEMPLATE: CouponTemplateInput = {
  code: 'WELCOME20',
  name: 'Welcome 20 CNY off',
  kind: 'NO_THRESHOLD',
  amount: '20.00',
  validDays: 30,
  perMemberLimit: 1,
  stock: 100,
};

export const NOW = new Date('2026-11-30T08:00:00Z');

/** Members the member service knows, with their tiers. */
export function memberDirectory(known: Record<string, string>): MemoryMember {
  const member = new MemoryMember();
  for (const [memberId, tierId] of Object.entries(known)) member.add(memberId, tierId);
  return member;
}

export const defineTemplate = (dataSource: DataSource, change: Partial<CouponTemplateInput> = {}) =>
  defineCouponTemplate(dataSource, { ...TEMPLATE, ...change }, 'staff:ops', NOW);

let keys = 0;
/** Issues one coupon of `templateCode` to `memberId` with a fresh key; answers the coupon id. */
export async function give(
  dataSource: DataSource,
  member: MemoryMember,
  templateCode: string,
  memberId: string,
  now = NOW,
): Promise<string> {
  keys += 1;
  const { coupon } = await issueCoupon(
    dataSource,
    member,
    { templateCode, memberId, idempotencyKey: `fixture-${keys}-${templateCode}` },
    'staff:ops',
    'STAFF',
    now,
  );
  return coupon.id;
}
