import { Member } from './Member';

export const resolvers = { Member };
