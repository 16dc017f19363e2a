import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ChannelIdentityKind = 'WECHAT_OPENID' | 'WECHAT_UNIONID' | 'POS_CARD';

/** How a channel knows a member (a WeChat openid or unionid, a POS card number): one member, many. */
@Entity({ name: 'channel_identities' })
@Index('uq_channel_identity', ['kind', 'externalId'], { unique: true })
@Index('idx_channel_identity_member', ['memberId'])
export class ChannelIdentity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ChannelIdentityKind;

  @Column({ name: 'external_id', type: 'varchar', length: 128 })
  externalId: string;

  /** For an openid: WeChat's session key, sealed with the PII cipher; it never leaves the server. */
  @Column({ name: 'secret_enc', type: 'text', nullable: true })
  secretSealed: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
