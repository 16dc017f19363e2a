import type { DataSource, EntityManager } from 'typeorm';
import { invalidateShared, sharedValue, type Combination } from '../../../kit/src';
import { CampaignSetting } from './entities/CampaignSetting';

export const COMBINATION_SETTING = 'coefficient_combination';
export type { Combination };

const SHARED_COMBINATION = 'campaign.coefficientCombination';

/**
 * The staff setting as stored (null: never set), shared by the requests of this process: one
 * programme-wide value that rarely changes, so an earn with several live multipliers costs no
 * statement for it. setCoefficientCombination clears it after its write (SHARED_VALUE_TTL_MS bounds
 * what another replica shows, as for member's tier ladder).
 */
function storedCombination(dataSource: DataSource) {
  return sharedValue(dataSource, SHARED_COMBINATION, () => settingOf(dataSource));
}

async function settingOf(db: DataSource | EntityManager): Promise<Combination | null> {
  const row = await db.getRepository(CampaignSetting).findOneBy({ name: COMBINATION_SETTING });
  return row?.value === 'product' || row?.value === 'max' ? row.value : null;
}

/** How several live multipliers combine: the staff setting, or the configured default (max). */
export async function coefficientCombination(dataSource: DataSource, fallback: Combination): Promise<Combination> {
  return (await storedCombination(dataSource).get()) ?? fallback;
}

/** The rule in force read from the database now (not this process's shared copy). */
export async function readCombination(db: DataSource | EntityManager, fallback: Combination): Promise<Combination> {
  return (await settingOf(db)) ?? fallback;
}

/** After a new combination setting has committed: this process's next read sees it. */
export function combinationChanged(dataSource: DataSource): void {
  invalidateShared(dataSource, SHARED_COMBINATION);
}
