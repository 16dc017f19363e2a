import type { DataSource } from 'typeorm';
import { DomainError } from '../../../kit/src';
import { CouponTemplate } from '../db/entities/CouponTemplate';
import { OccasionReward } from '../db/entities/OccasionReward';
import { parseMatrixCode } from '../domain/benefitMatrix';
import { occasionOf } from '../domain/occasions';

export interface SetOccasionRewardInput {
  occasion: string;
  tierId?: string | null;
  /** Null or absent: the occasion gives nothing from now on. */
  templateCode?: string | null;
}

/**
 * Sets the coupon template an occasion gives (a tier's birthday, a milestone), or takes it away.
 * Grants already made stay as they were; the next occasion gives the new template.
 */
export async function setOccasionReward(
  dataSource: DataSource,
  input: SetOccasionRewardInput,
  actor: string,
  now = new Date(),
): Promise<{ occasion: string; reward: OccasionReward | null }> {
  const occasion = occasionOf(input.occasion, input.tierId);
  const rewards = dataSource.getRepository(OccasionReward);
  if (!input.templateCode) {
    await rewards.delete({ occasion });
    return { occasion, reward: null };
  }
  const templateCode = parseMatrixCode(input.templateCode, 'templateCode');
  if (!(await dataSource.getRepository(CouponTemplate).existsBy({ code: templateCode }))) {
    throw new DomainError('NOT_FOUND', `no coupon template ${templateCode}`, { field: 'templateCode' });
  }
  const reward = rewards.create({ occasion, templateCode, updatedBy: actor, updatedAt: now });
  // One row per occasion: the primary key makes a simultaneous second setting an update of the first.
  await rewards.upsert(reward, ['occasion']);
  return { occasion, reward };
}
