import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** PARTNER_MEMBER: a partner brand's member id (`<partner>:<their id>`), linked by a phone both brands verified. */
export type ChannelIdentityKind = 'WECHAT_OPENID' | 'WECHAT_UNIONID' | 'POS_CARD' | 'PARTNER_MEMBER';

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

  /** The id's blind index (HMAC, see externalIndex): looked up and kept unique without the id in clear. */
  @Column({ name: 'external_id', type: 'varchar', length: 128 })
  externalId: string;

  /** The id itself, sealed with the PII cipher (WeChat's APIs need the openid back). */
  @Column({ name: 'external_enc', type: 'text' })
  externalSealed: string;

  /** For an openid: WeChat's session key, sealed with the PII cipher; it never leaves the server. */
  @Column({ name: 'secret_enc', type: 'text', nullable: true })
  secretSealed: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** How a channel id is indexed: per kind, so an openid and a card number can never collide. */
export function externalIndex(pii: { blindIndex(value: string): string }, kind: ChannelIdentityKind, externalId: string): string {
  return pii.blindIndex(`${kind}:${externalId}`);
}
