import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../../../kit/src';
import { Segment } from './entities/Segment';
import { SegmentMember } from './entities/SegmentMember';

/*
 * Segment membership as campaign targeting asks for it: members as of the last recomputation
 * (job or on demand). One indexed statement per call, however many segments and members.
 */

/** Whether the member is in the segment (by segment id). */
export async function isMemberInSegment(db: DataSource | EntityManager, segmentId: string, memberId: string): Promise<boolean> {
  return (await db.getRepository(SegmentMember).countBy({ segmentId, memberId })) > 0;
}

/** The batch variant: for each member asked about, the ids among `segmentIds` they are in (an empty set: none). */
export async function segmentsOfMembers(
  db: DataSource | EntityManager,
  segmentIds: readonly string[],
  memberIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const answer = new Map(memberIds.map((id) => [id, new Set<string>()]));
  if (segmentIds.length === 0 || memberIds.length === 0) return answer;
  const rows = await db.getRepository(SegmentMember).findBy({ segmentId: In([...segmentIds]), memberId: In([...memberIds]) });
  for (const row of rows) answer.get(row.memberId)?.add(row.segmentId);
  return answer;
}

/**
 * Refuses segment ids that do not exist (a targeting rule or a campaign's target naming one):
 * BAD_USER_INPUT on `field` with reason UNKNOWN_SEGMENT, nothing written.
 */
export async function assertSegmentsExist(
  db: DataSource | EntityManager,
  segmentIds: readonly string[],
  field = 'segmentIds',
): Promise<void> {
  if (segmentIds.length === 0) return;
  const known = new Set(
    (await db.getRepository(Segment).find({ select: { id: true }, where: { id: In([...segmentIds]) } })).map((s) => s.id),
  );
  const unknown = segmentIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new DomainError('BAD_USER_INPUT', `unknown segment ${unknown.join(', ')}`, { field, reason: 'UNKNOWN_SEGMENT' });
}
