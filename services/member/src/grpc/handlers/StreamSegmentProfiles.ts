import { IsNull, MoreThan, type DataSource } from 'typeorm';
import type { SegmentProfileBatch } from '../../../../../proto/gen/membergraph/member/v1/SegmentProfileBatch';
import type { StreamSegmentProfilesRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/StreamSegmentProfilesRequest';
import { DomainError, toEpochMs } from '../../../../kit/src';
import { Member } from '../../db/entities/Member';
import { grantedPurposes } from '../../domain/consent';

/**
 * Every live member's segment facts, a page per batch in id order (keyset: one indexed statement a
 * page, however many members). Only the columns segments use are read; no personal data leaves.
 */
export async function* streamSegmentProfiles(
  dataSource: DataSource,
  request: StreamSegmentProfilesRequest__Output,
): AsyncGenerator<SegmentProfileBatch> {
  const batchSize = request.batchSize === 0 ? 500 : request.batchSize;
  if (batchSize < 1 || batchSize > 5000) throw new DomainError('BAD_USER_INPUT', 'batch_size must be 1–5000', { field: 'batchSize' });
  let after = '';
  for (;;) {
    const page = await dataSource.getRepository(Member).find({
      select: {
        id: true,
        tierId: true,
        registeredVia: true,
        registeredAt: true,
        partnerSharingAt: true,
        marketingConsentAt: true,
        analyticsConsentAt: true,
      },
      where: { id: MoreThan(after), mergedInto: IsNull() },
      order: { id: 'ASC' },
      take: batchSize,
    });
    if (page.length === 0) return;
    yield {
      profiles: page.map((m) => ({
        memberId: m.id,
        tierId: m.tierId,
        registeredVia: m.registeredVia,
        registeredAtEpochMs: toEpochMs(m.registeredAt),
        consents: grantedPurposes(m),
      })),
    };
    if (page.length < batchSize) return;
    after = page[page.length - 1].id;
  }
}
