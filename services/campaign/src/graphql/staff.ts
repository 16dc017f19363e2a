import { requireStaff, type Identity } from '../../../kit/src';

/** Who may change experiments, segments and channel spend. */
export const GROWTH_WRITERS = ['ADMIN', 'OPERATOR'] as const;
/** Who may read their results. */
export const GROWTH_READERS = ['ADMIN', 'OPERATOR', 'ANALYST'] as const;

export const requireGrowthWriter = (identity: Identity) => requireStaff(identity, GROWTH_WRITERS);
export const requireGrowthReader = (identity: Identity) => requireStaff(identity, GROWTH_READERS);
