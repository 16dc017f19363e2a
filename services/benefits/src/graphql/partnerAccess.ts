import { DomainError, requireStaff, type Identity } from '../../../kit/src';
import { parsePartnerCode } from '../domain/partners';
import { CHECKOUT_ROLES } from './access';
import type { RedemptionCaller } from '../commands/redeemPartnerOffer';

/** Staff who read the alliance's offers and statements. */
const PARTNER_READERS = ['ADMIN', 'OPERATOR', 'ANALYST'] as const;

/**
 * Whose cross-brand data the caller may read: a partner brand (its API key) only its own, whatever
 * it names; staff any partner's, or all (null). Members and anyone else are refused here: a member
 * sees partner offers on Member.partnerOffers.
 */
export function partnerScope(identity: Identity, named?: string | null): string | null {
  const partner = named ? parsePartnerCode(named) : null;
  if (identity.kind === 'PARTNER') {
    if (!identity.partner) throw new DomainError('FORBIDDEN', 'this partner key names no partner');
    if (partner && partner !== identity.partner) throw new DomainError('FORBIDDEN', 'a partner sees only its own cross-brand data');
    return identity.partner;
  }
  requireStaff(identity, PARTNER_READERS);
  return partner;
}

/** Who records a cross-brand redemption: a partner with its key, or our checkout staff (a POS at its store). */
export function redemptionCaller(identity: Identity): RedemptionCaller {
  if (identity.kind === 'PARTNER' && identity.partner) return { kind: 'PARTNER', partner: identity.partner };
  const actor = requireStaff(identity, [...CHECKOUT_ROLES, 'POS']);
  return { kind: 'US', actor: `staff:${actor}` };
}
