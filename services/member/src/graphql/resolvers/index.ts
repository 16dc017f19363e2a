import type { Resolvers } from '../__generated__/resolvers-types';
import { Member, TierChange } from './Member';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { AuthSession, PartnerKey, SignInMutation, StaffAccount } from './SignIn';
import { Tier } from './Tier';

export const resolvers: Resolvers = {
  Query,
  Mutation: { ...Mutation, ...SignInMutation },
  Member,
  Tier,
  TierChange,
  AuthSession,
  StaffAccount,
  PartnerKey,
  IssuedPartnerKey: PartnerKey,
};
