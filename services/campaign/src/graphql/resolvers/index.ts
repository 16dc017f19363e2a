import type { Resolvers } from '../__generated__/resolvers-types';
import { Campaign } from './Campaign';
import { Member } from './Member';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers: Resolvers = { Query, Mutation, Campaign, Member };
