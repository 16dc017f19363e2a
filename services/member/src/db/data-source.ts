import type { DatabaseSchema } from '../../../kit/src';
import { Member } from './entities/Member';
import { TierDefinition } from './entities/TierDefinition';
import { CreateMembers1764000000000 } from './migrations/1764000000000-CreateMembers';

/** The member service's entities and migrations; the kit's factory builds the DataSource from it. */
export const memberSchema: DatabaseSchema = {
  entities: [Member, TierDefinition],
  migrations: [CreateMembers1764000000000],
};
