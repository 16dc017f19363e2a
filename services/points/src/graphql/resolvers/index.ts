import { Member } from './Member';
import { Mutation } from './Mutation';
import { OrderReceipt } from './OrderReceipt';

export const resolvers = { Mutation, OrderReceipt, Member };
