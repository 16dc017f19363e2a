import type { DataSource } from 'typeorm';
import type { ResolvePartnerMembersRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/ResolvePartnerMembersRequest';
import type { ResolvePartnerMembersResponse } from '../../../../../proto/gen/membergraph/member/v1/ResolvePartnerMembersResponse';
import type { PiiCipher } from '../../../../kit/src';
import { resolvePartnerMembers } from '../../commands/linkPartnerMember';

export async function resolvePartnerMembersForPeer(
  dataSource: DataSource,
  pii: PiiCipher,
  request: ResolvePartnerMembersRequest__Output,
): Promise<ResolvePartnerMembersResponse> {
  return { links: await resolvePartnerMembers(dataSource, pii, request.partner, request.partnerMemberIds) };
}
