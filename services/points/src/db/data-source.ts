import { OutboxEventSchema, type DatabaseSchema } from '../../../kit/src';
import { ExpiryNotice } from './entities/ExpiryNotice';
import { JobLease } from './entities/JobLease';
import { OrderOffset } from './entities/OrderOffset';
import { LedgerEntry } from './entities/LedgerEntry';
import { Order } from './entities/Order';
import { PendingPoints } from './entities/PendingPoints';
import { PointsAccount } from './entities/PointsAccount';
import { PointsHold } from './entities/PointsHold';
import { PointsLot } from './entities/PointsLot';
import { Refund } from './entities/Refund';
import { CreatePoints1764000000000 } from './migrations/1764000000000-CreatePoints';
import { AddLotsRefundsDebt1764100000000 } from './migrations/1764100000000-AddLotsRefundsDebt';
import { Outbox1764200000000 } from './migrations/1764200000000-Outbox';
import { ActorsStores1764300000000 } from './migrations/1764300000000-ActorsStores';
import { PendingPoints1764400000000 } from './migrations/1764400000000-PendingPoints';
import { KitOutbox1764510000000 } from './migrations/1764510000000-KitOutbox';
import { LedgerSequence1764600000000 } from './migrations/1764600000000-LedgerSequence';
import { OrderTime1764610000000 } from './migrations/1764610000000-OrderTime';
import { LotOrders1764613000000 } from './migrations/1764613000000-LotOrders';
import { OrderOffsets1764614000000 } from './migrations/1764614000000-OrderOffsets';
import { NoticesLeases1764620000000 } from './migrations/1764620000000-NoticesLeases';
import { PendingFlag1764630000000 } from './migrations/1764630000000-PendingFlag';
import { PointsHolds1764700000000 } from './migrations/1764700000000-PointsHolds';
import { MemberTierCopies1765000000000 } from './migrations/1765000000000-MemberTierCopies';
import { ActivityBounds1765100000000 } from './migrations/1765100000000-ActivityBounds';
import { OrderAnnouncements1765200000000 } from './migrations/1765200000000-OrderAnnouncements';
import { MemberTierCopy } from './entities/MemberTierCopy';

/** The points service's entities and migrations. */
export const pointsSchema: DatabaseSchema = {
  entities: [
    Order,
    LedgerEntry,
    PointsAccount,
    PointsLot,
    Refund,
    OutboxEventSchema,
    PendingPoints,
    ExpiryNotice,
    JobLease,
    OrderOffset,
    PointsHold,
    MemberTierCopy,
  ],
  migrations: [
    CreatePoints1764000000000,
    AddLotsRefundsDebt1764100000000,
    Outbox1764200000000,
    ActorsStores1764300000000,
    PendingPoints1764400000000,
    KitOutbox1764510000000,
    LedgerSequence1764600000000,
    OrderTime1764610000000,
    LotOrders1764613000000,
    OrderOffsets1764614000000,
    NoticesLeases1764620000000,
    PendingFlag1764630000000,
    PointsHolds1764700000000,
    MemberTierCopies1765000000000,
    ActivityBounds1765100000000,
    OrderAnnouncements1765200000000,
  ],
};
