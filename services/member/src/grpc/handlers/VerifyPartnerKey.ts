import type { DataSource } from 'typeorm';
import type { VerifyPartnerKeyRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/VerifyPartnerKeyRequest';
import type { VerifyPartnerKeyResponse } from '../../../../../proto/gen/membergraph/member/v1/VerifyPartnerKeyResponse';
import { verifyPartnerKey as verify } from '../../auth/partnerKeys';

export async function verifyPartnerKey(
  dataSource: DataSource,
  request: VerifyPartnerKeyRequest__Output,
): Promise<VerifyPartnerKeyResponse> {
  const found = await verify(dataSource, request.key);
  return found ? { valid: true, keyId: found.keyId, partner: found.partner } : { valid: false, keyId: '', partner: '' };
}
