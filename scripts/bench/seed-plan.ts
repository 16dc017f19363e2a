/**
 * The shape of a seeded programme, before any points or tiers are worked out: who the members are,
 * when they registered, how they behave and how many of the orders each one placed. Pure: the same
 * seed and `now` give the same plan.
 */
import { CHANNELS, type Channel } from '../../services/kit/src';
import { normalizePhone } from '../../services/member/src/domain/phone';
import { createRandom, idMaker, type Random } from './seed-random';

const DAY_MS = 86_400_000;
/** 18 months of order history, as the issue asks. */
export const HISTORY_DAYS = 548;

/**
 * Behaviour, after DOMAIN.md §1's segments. Nothing here names a tier: tiers follow from the orders
 * through the tier engine. The weights are tuned so that, with ten orders a member on average,
 * about 62% of members stay Regular, 26% reach Silver, 9% Gold and under 3% Diamond (the scarce
 * top of DOMAIN.md §2), and some 2% registered but never bought.
 */
export interface Segment {
  name: 'occasional' | 'potential' | 'loyal' | 'top' | 'lapsed';
  share: number;
  /** Relative share of the orders a member of this segment places over the whole history. */
  orderWeight: number;
  /** Typical order value (fen); each member and each order spreads around it. */
  aovFen: number;
  /** Lapsed members bought in the first months of the history only, then stopped. */
  activeDays?: number;
}

export const SEGMENTS: readonly Segment[] = [
  { name: 'occasional', share: 0.5, orderWeight: 3, aovFen: 18_000 },
  { name: 'potential', share: 0.29, orderWeight: 11, aovFen: 40_000 },
  { name: 'loyal', share: 0.13, orderWeight: 26, aovFen: 68_000 },
  { name: 'top', share: 0.02, orderWeight: 60, aovFen: 110_000 },
  { name: 'lapsed', share: 0.06, orderWeight: 12, aovFen: 50_000, activeDays: 240 },
];

/** Where members sign up and shop: the mini-program leads, as for most brands in the source. */
const CHANNEL_WEIGHTS: Record<Channel, number> = { WEB: 30, MINI_PROGRAM: 40, POS: 25, PARTNER: 5 };
/** Mobile prefixes for seeded phones; 137 and 139 are left to the bench's and the tests' own sign-ins. */
const PHONE_PREFIXES = ['135', '136', '138', '150', '151', '152', '158', '159', '186', '188'];

export interface PlannedMember {
  index: number;
  id: string;
  phone: string;
  registeredVia: Channel;
  registeredAt: Date;
  segment: Segment;
  /** Typical order value of this member (fen). */
  aovFen: number;
  /** The window the member's orders fall in (epoch ms). */
  activeFrom: number;
  activeUntil: number;
  /** How many of the programme's orders are this member's. */
  orders: number;
}

export interface ProgrammePlan {
  now: Date;
  historyStart: Date;
  members: PlannedMember[];
}

function uniquePhone(random: Random, taken: Set<string>): string {
  for (;;) {
    const phone = normalizePhone(
      `${PHONE_PREFIXES[random.int(0, PHONE_PREFIXES.length - 1)]}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    );
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

/** Most members joined before the history starts; a third during it (they have had less time to buy). */
function registrationTime(random: Random, segment: Segment, historyStart: number, now: number): number {
  if (segment.activeDays || random.next() < 0.65) return historyStart - random.int(1, 730) * DAY_MS - random.int(0, DAY_MS - 1);
  return random.int(historyStart, now - 14 * DAY_MS);
}

/**
 * Splits `total` in proportion to `weights`, exactly (largest remainder, ties to the lower index),
 * so the programme has precisely the number of orders asked for.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error('apportion needs a positive weight');
  const quotas = weights.map((w) => (total * w) / sum);
  const counts = quotas.map(Math.floor);
  const left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < left; k += 1) counts[byRemainder[k].i] += 1;
  return counts;
}

/** The programme's members, their behaviour and their share of the orders: from the seed and `now` alone. */
export function planProgramme(options: { members: number; orders: number; seed: number; now: Date }): ProgrammePlan {
  if (!Number.isSafeInteger(options.members) || options.members < 1) throw new Error('members must be a positive integer');
  if (!Number.isSafeInteger(options.orders) || options.orders < 0) throw new Error('orders must be a non-negative integer');
  const random = createRandom(options.seed);
  const now = options.now.getTime();
  const historyStart = now - HISTORY_DAYS * DAY_MS;
  // Orders stop a minute before `now`, so every seeded order lies in the past when the stack reads it.
  const lastOrderAt = now - 60_000;
  const phones = new Set<string>();
  const drafts = Array.from({ length: options.members }, (_, index) => {
    const segment = random.weighted(SEGMENTS, (s) => s.share);
    const registeredAt = registrationTime(random, segment, historyStart, now);
    const activeFrom = Math.max(registeredAt + 3_600_000, historyStart);
    const activeUntil = segment.activeDays ? historyStart + segment.activeDays * DAY_MS : lastOrderAt;
    return {
      index,
      // The first id of the member's own stream; their rows take the next ones (seed-history.ts).
      id: idMaker(random, index + 1)(),
      phone: uniquePhone(random, phones),
      registeredVia: random.weighted(CHANNELS, (c) => CHANNEL_WEIGHTS[c]),
      registeredAt: new Date(registeredAt),
      segment,
      aovFen: Math.round(segment.aovFen * random.logNormal(0.3)),
      activeFrom,
      activeUntil,
      // Propensity × the share of the history the member was around for.
      weight: segment.orderWeight * random.logNormal(0.35) * ((activeUntil - activeFrom) / (lastOrderAt - historyStart)),
    };
  });
  const counts = apportion(
    options.orders,
    drafts.map((d) => d.weight),
  );
  return {
    now: options.now,
    historyStart: new Date(historyStart),
    members: drafts.map(({ weight: _weight, ...member }, i) => ({ ...member, orders: counts[i] })),
  };
}
