import { Member, TierChangeResolvers } from './Member';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { AuthSessionResolvers, PartnerKeyResolvers, SignInMutation, StaffAccountResolvers } from './SignIn';
import { Tier } from './Tier';

export const resolvers = {
  Query,
  Mutation: { ...Mutation, ...SignInMutation },
  Member,
  Tier,
  TierChange: TierChangeResolvers,
  AuthSession: AuthSessionResolvers,
  StaffAccount: StaffAccountResolvers,
  PartnerKey: PartnerKeyResolvers,
  IssuedPartnerKey: PartnerKeyResolvers,
};
