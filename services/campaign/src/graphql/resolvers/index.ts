import { Campaign } from './Campaign';
import { Member } from './Member';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers = { Query, Mutation, Campaign, Member };
