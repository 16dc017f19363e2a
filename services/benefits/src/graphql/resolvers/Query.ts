import { parsePageSize, requireStaff } from '../../../../kit/src';
import { validateCoupons } from '../../commands/checkout';
import { tallyRatings } from '../../db/benefitRatings';
import { findTemplatePage } from '../../db/couponPages';
import { Benefit } from '../../db/entities/Benefit';
import { BenefitCell } from '../../db/entities/BenefitCell';
import { OccasionReward } from '../../db/entities/OccasionReward';
import { PartnerBrand } from '../../db/entities/PartnerBrand';
import { findPartnerOfferPage } from '../../db/partnerOfferPages';
import { partnerStatement } from '../../db/partnerStatements';
import { parseMonth } from '../../domain/partners';
import { partnerScope } from '../partnerAccess';
import { parseMatrixCode } from '../../domain/benefitMatrix';
import { summarizeRatings } from '../../domain/ratings';
import { checkoutCart, READER_ROLES } from '../access';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { connectionOf, decodeCursor } from '../connection';

export const Query: QueryResolvers = {
  benefitCatalogue: (_, __, ctx) => {
    requireStaff(ctx.identity, READER_ROLES);
    return ctx.dataSource.getRepository(Benefit).find({ order: { position: 'ASC', code: 'ASC' } });
  },

  tierBenefitRevisions: (_, args, ctx) => {
    requireStaff(ctx.identity, READER_ROLES);
    const where = { tierId: parseMatrixCode(args.tierId, 'tierId'), benefitCode: parseMatrixCode(args.benefitCode, 'benefitCode') };
    return ctx.dataSource.getRepository(BenefitCell).find({ where, order: { revision: 'ASC' } });
  },

  couponTemplates: async (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR', 'ANALYST']);
    const first = parsePageSize(args.first);
    const rows = await findTemplatePage(ctx.dataSource, first, args.after ? decodeCursor(args.after) : null);
    return connectionOf(rows, first, args.after, (t) => ({ at: t.createdAt, id: t.code }));
  },

  validateCoupons: (_, args, ctx) => {
    const cart = checkoutCart(ctx.identity, args.memberId, args.cart);
    return validateCoupons(ctx.dataSource, ctx.peers.member, { ...args, cart });
  },

  benefitRatings: async (_, args, ctx) => {
    requireStaff(ctx.identity, READER_ROLES);
    const summaries = (await tallyRatings(ctx.dataSource)).map((tally) => summarizeRatings(tally));
    return args.flaggedOnly ? summaries.filter((s) => s.flaggedForRedesign) : summaries;
  },

  occasionRewards: (_, __, ctx) => {
    requireStaff(ctx.identity, READER_ROLES);
    return ctx.dataSource.getRepository(OccasionReward).find({ order: { occasion: 'ASC' } });
  },

  partnerBrands: (_, __, ctx) => {
    requireStaff(ctx.identity, READER_ROLES);
    return ctx.dataSource.getRepository(PartnerBrand).find({ order: { code: 'ASC' } });
  },

  partnerOffers: async (_, args, ctx) => {
    const partnerCode = partnerScope(ctx.identity, args.partner);
    const first = parsePageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : null;
    const rows = await findPartnerOfferPage(ctx.dataSource, { partnerCode, direction: args.direction }, first, after);
    return connectionOf(rows, first, args.after, (o) => ({ at: o.createdAt, id: o.id }));
  },

  partnerStatement: (_, args, ctx) => {
    const partnerCode = partnerScope(ctx.identity, args.partner)!;
    return partnerStatement(ctx.dataSource, partnerCode, parseMonth(args.month));
  },
};
