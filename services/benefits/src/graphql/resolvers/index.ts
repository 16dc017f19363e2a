import { Benefit } from './Benefit';
import { Member } from './Member';
import { Tier } from './Tier';

export const resolvers = { Benefit, Member, Tier };
