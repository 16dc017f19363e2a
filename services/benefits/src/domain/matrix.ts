/**
 * The default tier × benefit matrix, shared/DOMAIN.md §4. The source table's columns are Regular,
 * Gold, Platinum and Diamond; our ladder (§2) is REGULAR, SILVER, GOLD, DIAMOND, and two of the
 * names mean different rungs. So the source is written down here as it stands and mapped onto our
 * tiers by tier code, explicitly (SOURCE_TIER_CODES), never by position. It is seed data: brands edit
 * the cells, code never reads this table again.
 *
 * The source's "points acceleration" row (1× / 1.5× / 2× / 3× + never expire) contradicts the γ
 * table of §2, which is the rule: that row is not seeded as text. Its cells are derived from each
 * tier's γ in force (and whether its points never expire), see `accelerationLevel`.
 */

/** The source's column names. */
export type SourceTier = 'Regular' | 'Gold' | 'Platinum' | 'Diamond';

/** Which of our tiers (by code) each source column describes: its Gold is our SILVER, its Platinum our GOLD. */
export const SOURCE_TIER_CODES: Readonly<Record<SourceTier, string>> = {
  Regular: 'REGULAR',
  Gold: 'SILVER',
  Platinum: 'GOLD',
  Diamond: 'DIAMOND',
};

export interface BenefitSeed {
  code: string;
  name: string;
  /** Level per tier code; a tier absent here does not get the benefit. Empty for a derived benefit. */
  levels: Record<string, string>;
  /** True for points acceleration: shown from the tier's γ, never stored. */
  derivedFromMultiplier: boolean;
}

interface SourceRow {
  code: string;
  name: string;
  /** The source's cells by its own column names; "—" (nothing) is left out. Null: derived from γ. */
  source: Partial<Record<SourceTier, string>> | null;
}

/** DOMAIN §4 as the source writes it. */
const SOURCE_ROWS: readonly SourceRow[] = [
  {
    code: 'DISCOUNT',
    name: 'Member discount 會員折扣',
    source: { Regular: '10% off (9折)', Gold: '20% off', Platinum: '25% off', Diamond: '30% off' },
  },
  {
    code: 'BIRTHDAY',
    name: 'Birthday privilege 生日禮遇',
    source: {
      Regular: 'coupon',
      Gold: 'gift + double points',
      Platinum: 'gift box + event invite',
      Diamond: 'private experience + advisor',
    },
  },
  {
    code: 'PRIORITY_SERVICE',
    name: 'Priority service 優先服務',
    source: { Regular: 'basic', Gold: 'priority line', Platinum: '1:1 concierge', Diamond: '24h advisor' },
  },
  {
    code: 'EXCLUSIVE_EVENTS',
    name: 'Exclusive events 專屬活動',
    source: { Gold: 'new-product trials', Platinum: 'launch events', Diamond: 'meet the founder' },
  },
  // The source's 1× / 1.5× / 2× / 3× + never expire: not seeded, shown from γ (DOMAIN §2).
  { code: 'POINTS_ACCELERATION', name: 'Points acceleration 積分加速', source: null },
  {
    code: 'COMMUNITY',
    name: 'Community 會員社群',
    source: { Gold: 'member community', Platinum: 'expert sessions', Diamond: 'private circle' },
  },
];

/** The source's cells keyed by our tier codes. */
function byTierCode(source: Partial<Record<SourceTier, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).map(([column, level]) => [SOURCE_TIER_CODES[column as SourceTier], level]));
}

export const DEFAULT_BENEFITS: readonly BenefitSeed[] = SOURCE_ROWS.map((row) => ({
  code: row.code,
  name: row.name,
  levels: row.source ? byTierCode(row.source) : {},
  derivedFromMultiplier: row.source === null,
}));

/**
 * The points-acceleration cell of a tier, from its γ in force: "1×", "1.2×", "1.5×", "2× + never
 * expire" (γ to at most three decimals, as tiers hold it; trailing zeros dropped).
 */
export function accelerationLevel(tier: { multiplier: number; pointsNeverExpire: boolean }): string {
  const milli = Math.round(tier.multiplier * 1000);
  const figure = `${Math.floor(milli / 1000)}.${String(milli % 1000).padStart(3, '0')}`.replace(/\.?0+$/, '');
  return `${figure}×${tier.pointsNeverExpire ? ' + never expire' : ''}`;
}
