import { parsePageSize, requireStaff } from '../../../../kit/src';
import { validateCoupons } from '../../commands/checkout';
import type { BenefitsContext } from '../../context';
import { findTemplatePage } from '../../db/couponPages';
import { Benefit } from '../../db/entities/Benefit';
import { BenefitCell } from '../../db/entities/BenefitCell';
import { parseMatrixCode } from '../../domain/benefitMatrix';
import type { CartInput } from '../../domain/checkout';
import { checkoutCart, READER_ROLES } from '../access';
import { connectionOf, decodeCursor } from '../connection';

export const Query = {
  benefitCatalogue: (_: unknown, __: unknown, ctx: BenefitsContext) => {
    requireStaff(ctx.identity, READER_ROLES);
    return ctx.dataSource.getRepository(Benefit).find({ order: { position: 'ASC', code: 'ASC' } });
  },

  tierBenefitRevisions: (_: unknown, args: { tierId: string; benefitCode: string }, ctx: BenefitsContext) => {
    requireStaff(ctx.identity, READER_ROLES);
    const where = { tierId: parseMatrixCode(args.tierId, 'tierId'), benefitCode: parseMatrixCode(args.benefitCode, 'benefitCode') };
    return ctx.dataSource.getRepository(BenefitCell).find({ where, order: { revision: 'ASC' } });
  },

  couponTemplates: async (_: unknown, args: { first: number; after?: string | null }, ctx: BenefitsContext) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR', 'ANALYST']);
    const first = parsePageSize(args.first);
    const rows = await findTemplatePage(ctx.dataSource, first, args.after ? decodeCursor(args.after) : null);
    return connectionOf(rows, first, args.after, (t) => ({ at: t.createdAt, id: t.code }));
  },

  validateCoupons: (_: unknown, args: { memberId: string; cart: CartInput; couponIds?: string[] | null }, ctx: BenefitsContext) => {
    const cart = checkoutCart(ctx.identity, args.memberId, args.cart);
    return validateCoupons(ctx.dataSource, ctx.peers.member, { ...args, cart });
  },
};
