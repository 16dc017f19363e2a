import { In, LessThanOrEqual, Not, type DataSource } from 'typeorm';
import { invalidateShared, sharedValue } from '../../../kit/src';
import { cellsInEffect, type BenefitType } from '../domain/benefitMatrix';
import { accelerationLevel } from '../domain/matrix';
import { Benefit } from './entities/Benefit';
import { BenefitCell } from './entities/BenefitCell';

export interface TierBenefitView {
  tierId: string;
  code: string;
  name: string;
  type: BenefitType;
  level: string;
  /** DISCOUNT only: the percentage checkout takes off. */
  discountPercent: number | null;
  /** The cell's revision in effect, and since when. */
  revision: number;
  effectiveFrom: Date;
  /** The benefit's place in the catalogue's display order. */
  position: number;
  /** Points acceleration: shown from the tier's γ in force (revision 0, effectiveFrom the tier version's), never stored. */
  derived: boolean;
}

/** A tier as the member service holds it in force (the gateway brings these fields in the keys of Tier and Member). */
export interface TierInForce {
  id: string;
  /** γ, the earn multiplier. */
  multiplier: number;
  pointsNeverExpire: boolean;
  /** Since when this version of the tier is in force. */
  effectiveFrom: Date;
}

/**
 * The matrix cells of the given tiers in effect at `at`, with their benefits, in each tier's
 * display order: one statement for any number of tiers (the matrix is small; its chains are
 * resolved here rather than in dialect-specific SQL).
 */
export async function findTierBenefits(dataSource: DataSource, tierIds: readonly string[], at = new Date()): Promise<TierBenefitView[]> {
  if (tierIds.length === 0) return [];
  const revisions = await dataSource.getRepository(BenefitCell).find({
    where: {
      tierId: In([...new Set(tierIds)]),
      effectiveFrom: LessThanOrEqual(at),
      // Derived benefits have no stored cells since DeriveAcceleration; none is ever read as a figure.
      benefit: { type: Not(DERIVED) },
    },
    relations: { benefit: true },
  });
  return storedViews(revisions, at);
}

const DERIVED = 'POINTS_ACCELERATION';

function storedViews(revisions: readonly BenefitCell[], at: Date): TierBenefitView[] {
  return cellsInEffect(revisions, at)
    .map((cell) => ({
      tierId: cell.tierId,
      code: cell.benefitCode,
      name: cell.benefit!.name,
      type: cell.benefit!.type as BenefitType,
      level: cell.level!,
      discountPercent: cell.discountPercent,
      revision: cell.revision,
      effectiveFrom: cell.effectiveFrom,
      position: cell.benefit!.position,
      derived: false,
    }))
    .sort(byTierAndPosition);
}

const byTierAndPosition = (a: TierBenefitView, b: TierBenefitView) =>
  a.tierId < b.tierId ? -1 : a.tierId > b.tierId ? 1 : a.position - b.position || (a.code < b.code ? -1 : 1);

/** The catalogue's derived benefits (points acceleration): every tier has one, from its γ. */
export function findDerivedBenefits(dataSource: DataSource): Promise<Benefit[]> {
  return dataSource.getRepository(Benefit).findBy({ type: DERIVED });
}

/** The cell a derived benefit shows for a tier: its γ in force, e.g. "1.5×" (shared/DOMAIN.md §2). */
export function derivedCell(benefit: Benefit, tier: TierInForce): TierBenefitView {
  return {
    tierId: tier.id,
    code: benefit.code,
    name: benefit.name,
    type: benefit.type as BenefitType,
    level: accelerationLevel(tier),
    discountPercent: null,
    revision: 0,
    effectiveFrom: tier.effectiveFrom,
    position: benefit.position,
    derived: true,
  };
}

/**
 * The benefits each tier shows, in the order asked: its stored cells in effect at `at` and, in
 * their catalogue places, the derived ones from the tier's γ in force. One statement for any number
 * of tiers: the catalogue's derived benefits and the tiers' cells come together.
 */
export async function findShownTierBenefits(
  dataSource: DataSource,
  tiers: readonly TierInForce[],
  at = new Date(),
): Promise<TierBenefitView[][]> {
  if (tiers.length === 0) return [];
  const benefits = await dataSource.getRepository(Benefit).find({
    where: [
      { type: DERIVED },
      { type: Not(DERIVED), cells: { tierId: In([...new Set(tiers.map((t) => t.id))]), effectiveFrom: LessThanOrEqual(at) } },
    ],
    relations: { cells: true },
  });
  return shownTierBenefits(benefits, tiers, at);
}

/** The tiers' shown benefits from catalogue benefits with their cells (those of other tiers, or not in effect at `at`, are passed over). */
function shownTierBenefits(benefits: readonly Benefit[], tiers: readonly TierInForce[], at: Date): TierBenefitView[][] {
  const tierIds = new Set(tiers.map((t) => t.id));
  const derived = benefits.filter((b) => b.type === DERIVED);
  const stored = storedViews(
    benefits
      .filter((b) => b.type !== DERIVED)
      .flatMap((benefit) =>
        (benefit.cells ?? [])
          .filter((cell) => tierIds.has(cell.tierId) && cell.effectiveFrom.getTime() <= at.getTime())
          .map((cell) => (cell.benefit === benefit ? cell : Object.assign(cell, { benefit }))),
      ),
    at,
  );
  return tiers.map((tier) =>
    [...stored.filter((cell) => cell.tierId === tier.id), ...derived.map((benefit) => derivedCell(benefit, tier))].sort(byTierAndPosition),
  );
}

const CATALOGUE = 'benefits.catalogue';

/**
 * The whole catalogue with every cell of every tier (past, in effect and scheduled revisions),
 * shared by the requests of this process: the same for every caller, and small. setTierBenefit
 * and defineBenefit clear it; read at most once a second otherwise (SHARED_VALUE_TTL_MS, for other
 * replicas). Frozen, since all readers hold the same objects.
 */
function catalogue(dataSource: DataSource) {
  return sharedValue(dataSource, CATALOGUE, async () => {
    const benefits = await dataSource.getRepository(Benefit).find({ relations: { cells: true } });
    for (const benefit of benefits) {
      for (const cell of benefit.cells ?? []) Object.freeze(Object.assign(cell, { benefit }));
      Object.freeze(benefit.cells);
      Object.freeze(benefit);
    }
    return benefits;
  });
}

/**
 * findShownTierBenefits for reads (GraphQL: Member.benefits, Tier.benefits) from the shared
 * catalogue, evaluated at `at`: the same answer without a statement per request.
 */
export async function sharedShownTierBenefits(
  dataSource: DataSource,
  tiers: readonly TierInForce[],
  at = new Date(),
): Promise<TierBenefitView[][]> {
  if (tiers.length === 0) return [];
  return shownTierBenefits(await catalogue(dataSource).get(), tiers, at);
}

/**
 * findTierBenefits from the shared catalogue: the tiers' stored cells in effect at `at`, without a
 * statement. A revision scheduled ahead takes effect exactly at its time (the catalogue holds
 * every revision); only an edit effective at once reaches another replica up to
 * SHARED_VALUE_TTL_MS later.
 */
export async function sharedTierBenefits(dataSource: DataSource, tierIds: readonly string[], at = new Date()): Promise<TierBenefitView[]> {
  if (tierIds.length === 0) return [];
  const wanted = new Set(tierIds);
  const cells = (await catalogue(dataSource).get())
    .filter((benefit) => benefit.type !== DERIVED)
    .flatMap((benefit) => (benefit.cells ?? []).filter((cell) => wanted.has(cell.tierId)));
  return storedViews(cells, at);
}

/** After a write to the catalogue or its cells has committed: this process's next read sees it. */
export function catalogueChanged(dataSource: DataSource): void {
  invalidateShared(dataSource, CATALOGUE);
}
