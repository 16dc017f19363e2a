/**
 * The default tier × benefit matrix, shared/DOMAIN.md §4. The source names its columns Regular,
 * Gold, Platinum, Diamond; our ladder (§2) is Regular, Silver, Gold, Diamond, so the columns are
 * mapped by rank. It is seed data: brands edit the rows, code never reads this table again.
 */
export interface BenefitSeed {
  code: string;
  name: string;
  /** Level per tier id; a tier absent here does not get the benefit. */
  levels: Record<string, string>;
}

export const DEFAULT_BENEFITS: readonly BenefitSeed[] = [
  {
    code: 'DISCOUNT',
    name: 'Member discount 會員折扣',
    levels: { REGULAR: '10% off (9折)', SILVER: '20% off', GOLD: '25% off', DIAMOND: '30% off' },
  },
  {
    code: 'BIRTHDAY',
    name: 'Birthday privilege 生日禮遇',
    levels: { REGULAR: 'coupon', SILVER: 'gift + double points', GOLD: 'gift box + event invite', DIAMOND: 'private experience + advisor' },
  },
  {
    code: 'PRIORITY_SERVICE',
    name: 'Priority service 優先服務',
    levels: { REGULAR: 'basic', SILVER: 'priority line', GOLD: '1:1 concierge', DIAMOND: '24h advisor' },
  },
  {
    code: 'EXCLUSIVE_EVENTS',
    name: 'Exclusive events 專屬活動',
    levels: { SILVER: 'new-product trials', GOLD: 'launch events', DIAMOND: 'meet the founder' },
  },
  {
    code: 'POINTS_ACCELERATION',
    name: 'Points acceleration 積分加速',
    levels: { REGULAR: '1×', SILVER: '1.5×', GOLD: '2×', DIAMOND: '3× + never expire' },
  },
  {
    code: 'COMMUNITY',
    name: 'Community 會員社群',
    levels: { SILVER: 'member community', GOLD: 'expert sessions', DIAMOND: 'private circle' },
  },
];
