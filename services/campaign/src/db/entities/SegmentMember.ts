import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A member of a segment as last computed. Pages of members are keyset-paginated by member id. */
@Entity({ name: 'segment_members' })
@Index('idx_segment_members_member', ['memberId'])
export class SegmentMember {
  @PrimaryColumn({ name: 'segment_id', type: 'varchar', length: 36 })
  segmentId: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;
}
