import { requireSelfOrStaff, requireStoreStaff, type Identity } from '../../../kit/src';
import type { CartInput } from '../domain/checkout';

/** Staff who work checkouts anywhere; POS accounts work them at their own store. */
export const CHECKOUT_ROLES = ['ADMIN', 'OPERATOR'] as const;
/** Staff who run the programme: the matrix, templates, issuing and voiding. */
export const PROGRAMME_ROLES = ['ADMIN', 'OPERATOR'] as const;
/** Staff who may read the programme's set-up. */
export const READER_ROLES = ['ADMIN', 'OPERATOR', 'ANALYST', 'SERVICE_AGENT'] as const;

/**
 * Who may plan or redeem a member's checkout: the member themselves, staff with CHECKOUT_ROLES, or
 * a POS account at its own store (its cart is then at that store, named or not).
 */
export function checkoutCart(identity: Identity, memberId: string, cart: CartInput): CartInput {
  if (identity.kind === 'MEMBER') {
    requireSelfOrStaff(identity, memberId, CHECKOUT_ROLES);
    return cart;
  }
  const boundStore = requireStoreStaff(identity, CHECKOUT_ROLES, cart.store);
  return { ...cart, store: cart.store ?? boundStore };
}
