import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many of a reward a member has redeemed or has under way: raised by a guarded UPDATE
 * (… WHERE claimed < limit) when a redemption reserves its stock, lowered by its compensation.
 */
@Entity({ name: 'reward_claims' })
export class RewardClaim {
  @PrimaryColumn({ name: 'reward_code', type: 'varchar', length: 32 })
  rewardCode: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'int' })
  claimed: number;
}
