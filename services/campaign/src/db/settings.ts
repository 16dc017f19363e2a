import type { DataSource } from 'typeorm';
import { CampaignSetting } from './entities/CampaignSetting';

export const COMBINATION_SETTING = 'coefficient_combination';
export type Combination = 'max' | 'product';

/** How several live multipliers combine: the staff setting, or the configured default (max). */
export async function coefficientCombination(dataSource: DataSource, fallback: Combination): Promise<Combination> {
  const row = await dataSource.getRepository(CampaignSetting).findOneBy({ name: COMBINATION_SETTING });
  return row?.value === 'product' || row?.value === 'max' ? row.value : fallback;
}
