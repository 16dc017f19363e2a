import type { Resolvers } from '../__generated__/resolvers-types';
import { Benefit } from './Benefit';
import { Member } from './Member';
import { Tier } from './Tier';

export const resolvers: Resolvers = { Benefit, Member, Tier };
