import type { Resolvers } from '../__generated__/resolvers-types';
import { Member } from './Member';
import { Mutation } from './Mutation';
import { OrderReceipt } from './OrderReceipt';
import { LedgerEntryResolvers, PointsAccount } from './PointsAccount';
import { RefundReceipt } from './RefundReceipt';
import { SpendStats } from './SpendStats';

export const resolvers: Resolvers = {
  Mutation,
  OrderReceipt,
  RefundReceipt,
  Member,
  PointsAccount,
  LedgerEntry: LedgerEntryResolvers,
  SpendStats,
};
