import type { DatabaseSchema } from '../../../kit/src';
import { LedgerEntry } from './entities/LedgerEntry';
import { Order } from './entities/Order';
import { PointsAccount } from './entities/PointsAccount';
import { CreatePoints1764000000000 } from './migrations/1764000000000-CreatePoints';

/** The points service's entities and migrations. */
export const pointsSchema: DatabaseSchema = {
  entities: [Order, LedgerEntry, PointsAccount],
  migrations: [CreatePoints1764000000000],
};
