import { Member, TierChangeResolvers } from './Member';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Tier } from './Tier';

export const resolvers = { Query, Mutation, Member, Tier, TierChange: TierChangeResolvers };
