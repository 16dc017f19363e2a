import type { Resolvers } from '../__generated__/resolvers-types';
import { ConsentChange, Member, TierChange } from './Member';
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
  ConsentChange,
  AuthSession,
  StaffAccount,
  PartnerKey,
  IssuedPartnerKey: PartnerKey,
};
