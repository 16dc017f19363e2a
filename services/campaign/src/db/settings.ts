import type { DataSource } from 'typeorm';
import { invalidateShared, sharedValue } from '../../../kit/src';
import { CampaignSetting } from './entities/CampaignSetting';

export const COMBINATION_SETTING = 'coefficient_combination';
export type Combination = 'max' | 'product';

const SHARED_COMBINATION = 'campaign.coefficientCombination';

/**
 * The staff setting as stored (null: never set), shared by the requests of this process: one
 * programme-wide value that rarely changes, so an earn with several live multipliers costs no
 * statement for it. setCoefficientCombination clears it after its write (SHARED_VALUE_TTL_MS bounds
 * what another replica shows, as for member's tier ladder).
 */
function storedCombination(dataSource: DataSource) {
  return sharedValue(dataSource, SHARED_COMBINATION, async () => {
    const row = await dataSource.getRepository(CampaignSetting).findOneBy({ name: COMBINATION_SETTING });
    return row?.value === 'product' || row?.value === 'max' ? row.value : null;
  });
}

/** How several live multipliers combine: the staff setting, or the configured default (max). */
export async function coefficientCombination(dataSource: DataSource, fallback: Combination): Promise<Combination> {
  return (await storedCombination(dataSource).get()) ?? fallback;
}

/** After a new combination setting has committed: this process's next read sees it. */
export function combinationChanged(dataSource: DataSource): void {
  invalidateShared(dataSource, SHARED_COMBINATION);
}
