import { formatFen } from '../../../../kit/src';
import type {
  ClearingEntryResolvers,
  PartnerOfferResolvers,
  PartnerRedemptionResolvers,
  PartnerStatementResolvers,
} from '../__generated__/resolvers-types';

export const PartnerOffer: PartnerOfferResolvers = {
  partner: (offer, _, ctx) => ctx.loaders.partnerBrand.load(offer.partnerCode),
  price: (offer) => formatFen(offer.priceFen),
  validFrom: (offer) => offer.validFrom.toISOString(),
  validTo: (offer) => offer.validTo.toISOString(),
  remaining: (offer) => offer.stockLeft,
};

export const ClearingEntry: ClearingEntryResolvers = {
  amount: (entry) => formatFen(entry.amountFen),
  recordedAt: (entry) => entry.recordedAt.toISOString(),
};

export const PartnerRedemption: PartnerRedemptionResolvers = {
  id: ({ redemption }) => redemption.id,
  offer: ({ redemption }, _, ctx) => ctx.loaders.partnerOffer.load(redemption.offerId),
  memberId: ({ redemption }) => redemption.memberId,
  partnerMemberId: ({ redemption }) => redemption.partnerMemberId,
  redeemedAt: ({ redemption }) => redemption.redeemedAt.toISOString(),
};

export const PartnerStatement: PartnerStatementResolvers = {
  partner: (statement, _, ctx) => ctx.loaders.partnerBrand.load(statement.partnerCode),
  receivable: (statement) => formatFen(statement.receivableFen),
  payable: (statement) => formatFen(statement.payableFen),
  net: (statement) => formatFen(statement.netFen),
};
