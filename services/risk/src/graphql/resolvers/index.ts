import type { Resolvers } from '../__generated__/resolvers-types';
import { Member } from './Member';

export const resolvers: Resolvers = { Member };
