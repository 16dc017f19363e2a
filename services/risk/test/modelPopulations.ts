/**
 * Seeded generators with known processes, for the model tests: whatever is fitted on them can be
 * checked against the parameters they were drawn from.
 */
import { seededRandom } from '../src/domain/models/random';

export type Random = () => number;

export function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (boosted for shape < 1). */
export function gamma(random: Random, shape: number, rate: number): number {
  if (shape < 1) return gamma(random, shape + 1, rate) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function beta(random: Random, a: number, b: number): number {
  const x = gamma(random, a, 1);
  return x / (x + gamma(random, b, 1));
}

export interface SimulatedBuyer {
  /** Purchase times in weeks from the first (0 first), within calibration + holdout. */
  purchases: number[];
  /** Order values (one per purchase). */
  values: number[];
  /** Weeks observed in calibration. */
  T: number;
}

/**
 * Buyers from the BG/NBD process with Gamma-Gamma spend: λ ~ Gamma(r, α), p ~ Beta(a, b); a
 * purchase at 0, then exponential gaps while alive, dropping out after each purchase with
 * probability p after each repeat purchase. Observed for T ∈ [minT, maxT] weeks, then for `holdout` more weeks.
 */
export function simulateBuyers(
  seed: number,
  count: number,
  bg: { r: number; alpha: number; a: number; b: number },
  gg: { p: number; q: number; gamma: number },
  window: { minT: number; maxT: number; holdout: number },
): SimulatedBuyer[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const lambda = gamma(random, bg.r, bg.alpha);
    const dropout = beta(random, bg.a, bg.b);
    const nu = gamma(random, gg.q, gg.gamma);
    const T = window.minT + random() * (window.maxT - window.minT);
    const end = T + window.holdout;
    const purchases = [0];
    let t = 0;
    // Alive at the first purchase; each repeat purchase may be the last (FHL 2005, assumption iii).
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > end) break;
      purchases.push(t);
      if (random() < dropout) break;
    }
    return { purchases, values: purchases.map(() => gamma(random, gg.p, nu)), T };
  });
}

const DAY = 86_400_000;

/** The churn process `generateMembers` draws from: P(churn) = σ(logit), signs as named. */
export const GENERATED_CHURN = {
  intercept: -0.3,
  /** + : the longer since the last order, the likelier to churn. */
  recency: 1.2,
  /** − : frequent buyers stay. */
  frequency: -0.9,
  /** − : members who use their points stay. */
  burnRate: -2.0,
  /** − : a rising order rate stays. */
  trend: -0.8,
  /** − : members who take part in campaigns (referrals, experiments) stay. */
  campaignEngagement: -0.9,
  /** − : members who check in stay. */
  checkIns: -0.5,
};

/** Points a generated check-in earns (a token amount, as the programme's daily bonus). */
const CHECK_IN_POINTS = 5;

/**
 * Members with histories up to `asOf` whose churn is known: each buys at a rate drawn per member
 * (some slowing down), earns a point per CNY and burns some; half take part in campaigns (referral
 * shares, experiment exposures) and some check in daily, each at a rate of their own, from a
 * stream of their own (so the orders are those the same seed gave before engagement was drawn);
 * at the cutoff (`horizonDays` before asOf) each churns with P = σ(GENERATED_CHURN · features of
 * their history), computed here from the history directly. Churners stop engaging too. A churner orders nothing after the cutoff; anyone else orders at least once in
 * the horizon, so the label a model sees is exactly the churn drawn.
 */
export function generateMembers(seed: number, count: number, asOf: Date, horizonDays = 90) {
  const random = seededRandom(seed);
  const engaging = seededRandom(seed ^ 0x5eed);
  const cutoff = asOf.getTime() - horizonDays * DAY;
  const members = [];
  let churned = 0;
  for (let m = 0; m < count; m++) {
    const ratePerDay = gamma(random, 1.5, 1) / 30;
    const slowing = random() < 0.4;
    const burnShare = beta(random, 1.5, 3);
    const start = cutoff - (120 + random() * 480) * DAY;
    const orders: Array<{ orderedAt: Date; amountFen: number; refundedFen: number }> = [];
    const points: Array<{ at: Date; kind: 'EARN' | 'BURN'; points: number; source?: string }> = [];
    let t = start;
    let unburned = 0;
    const addOrder = (at: number) => {
      const amountFen = Math.round(gamma(random, 3, 1) * 8000);
      orders.push({ orderedAt: new Date(at), amountFen, refundedFen: random() < 0.03 ? amountFen : 0 });
      const earned = Math.floor(amountFen / 100);
      points.push({ at: new Date(at), kind: 'EARN', points: earned });
      unburned += earned;
      if (random() < burnShare) {
        points.push({ at: new Date(at + DAY), kind: 'BURN', points: unburned });
        unburned = 0;
      }
    };
    addOrder(t);
    for (;;) {
      const rate = slowing && t > cutoff - 150 * DAY ? ratePerDay / 3 : ratePerDay;
      t += (-Math.log(1 - random()) / rate) * DAY;
      if (t >= cutoff) break;
      addOrder(t);
    }
    // Engagement from the first order on, while the member stays: events of a Poisson process.
    const engagements: Array<{ at: Date; kind: string }> = [];
    const campaignPerDay = engaging() < 0.5 ? gamma(engaging, 2, 1) / 30 : 0;
    const checkInsPerDay = engaging() < 0.4 ? Math.min(0.9, gamma(engaging, 1.5, 1) / 10) : 0;
    const engage = (from: number, to: number) => {
      for (let u = from; campaignPerDay > 0;) {
        u += (-Math.log(1 - engaging()) / campaignPerDay) * DAY;
        if (u >= to) break;
        engagements.push({ at: new Date(u), kind: engaging() < 0.6 ? 'REFERRAL_SHARED' : 'EXPERIMENT_EXPOSED' });
      }
      for (let u = from; checkInsPerDay > 0;) {
        u += (-Math.log(1 - engaging()) / checkInsPerDay) * DAY;
        if (u >= to) break;
        points.push({ at: new Date(u), kind: 'EARN', points: CHECK_IN_POINTS, source: 'CHECK_IN' });
      }
    };
    engage(start, cutoff);
    const ageDays = (at: Date) => (cutoff - at.getTime()) / DAY;
    const recencyDays = Math.min(...orders.map((o) => ageDays(o.orderedAt)));
    const ordersYear = orders.filter((o) => ageDays(o.orderedAt) <= 365).length;
    const recent = orders.filter((o) => ageDays(o.orderedAt) <= 90).length;
    const prior = orders.filter((o) => ageDays(o.orderedAt) > 90 && ageDays(o.orderedAt) <= 180).length;
    const yearPoints = points.filter((p) => ageDays(p.at) <= 365 && p.at.getTime() < cutoff);
    const issued = yearPoints.filter((p) => p.kind === 'EARN').reduce((s, p) => s + p.points, 0);
    const burned = yearPoints.filter((p) => p.kind === 'BURN').reduce((s, p) => s + p.points, 0);
    const recent90 = (at: Date) => at.getTime() < cutoff && ageDays(at) <= 90;
    const campaign90 = engagements.filter((e) => recent90(e.at)).length;
    const checkIns90 = points.filter((p) => p.source === 'CHECK_IN' && recent90(p.at)).length;
    const c = GENERATED_CHURN;
    const logit =
      c.intercept +
      c.recency * (Math.log1p(recencyDays) - 3.5) +
      c.frequency * (Math.log1p(ordersYear) - 2) +
      c.burnRate * ((issued ? Math.min(2, burned / issued) : 0) - 0.3) +
      c.trend * ((recent - prior) / (recent + prior + 1)) +
      c.campaignEngagement * (Math.log1p(campaign90) - 0.7) +
      c.checkIns * (Math.log1p(checkIns90) - 0.7);
    const churns = random() < 1 / (1 + Math.exp(-logit));
    if (churns) churned++;
    else {
      addOrder(cutoff + random() * horizonDays * DAY);
      for (let u = cutoff; ;) {
        u += (-Math.log(1 - random()) / ratePerDay) * DAY;
        if (u >= asOf.getTime()) break;
        addOrder(u);
      }
      orders.sort((a, b) => a.orderedAt.getTime() - b.orderedAt.getTime());
      engage(cutoff, asOf.getTime());
    }
    points.sort((a, b) => a.at.getTime() - b.at.getTime());
    engagements.sort((a, b) => a.at.getTime() - b.at.getTime());
    members.push({ memberId: `m-${seed}-${String(m).padStart(6, '0')}`, orders, points, engagements });
  }
  return { members, churned };
}
