import type { DataSource } from 'typeorm';
import { DomainError, inTransaction } from '../../../kit/src';
import { CampaignSetting } from '../db/entities/CampaignSetting';
import { combinationChanged, COMBINATION_SETTING, type Combination } from '../db/settings';
import { enqueueCalendarChanged } from './campaignCalendar';

/** The programme's rule for several live multipliers: MAX (the default) or MULTIPLY. */
export async function setCoefficientCombination(
  dataSource: DataSource,
  rule: string,
  actor: string,
  now = new Date(),
): Promise<Combination> {
  const value: Combination | null = rule === 'MAX' ? 'max' : rule === 'MULTIPLY' ? 'product' : null;
  if (!value) throw new DomainError('BAD_USER_INPUT', 'combination must be MAX or MULTIPLY', { field: 'combination' });
  await inTransaction(dataSource, async (manager) => {
    await manager.getRepository(CampaignSetting).save({ name: COMBINATION_SETTING, value, updatedBy: actor, updatedAt: now });
    // Points computes unbudgeted coefficients from its calendar copy, combination included.
    await enqueueCalendarChanged(manager, now);
  });
  // Earns read the setting from the process's shared copy: the next one reads the new value.
  combinationChanged(dataSource);
  return value;
}
