/**
 * The database's own limit for an earn: the ledger transaction that records an order and earns its
 * points, sent with mysql2 alone — no GraphQL, no gRPC peers, no ORM — into the points service's own
 * tables. `earn ÷ raw` in the report says how close to this limit the service runs. MySQL only: on
 * SQLite the service shares its process with the database, so there is no separate limit to compare with.
 *
 * A fixed yardstick: these are the ten statements the service issued when issue 19 set its target
 * against this row (order look-up, INSERT IGNORE of the account, BEGIN, order, account read,
 * guarded UPDATE, ledger entry, lot, outbox event, COMMIT). The service now issues seven before its
 * answer (one read of order, tier copy and account; BEGIN; guarded UPDATE; entry; lot; order, which
 * carries its announcements; COMMIT); the row is kept as it was so that the ratio stays comparable
 * across runs, and the README says so beside it.
 */
import { randomUUID } from 'node:crypto';
import { createConnection, createPool, type Pool, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import { newOutboxRow } from '../../services/kit/src';
import { ACTIVITY_TOPIC } from '../../services/points/src/commands/publishActivity';

export class RawEarn {
  private readonly pool: Pool;

  constructor(databaseUrl: string, connections: number) {
    this.pool = createPool({ uri: databaseUrl, connectionLimit: connections, timezone: 'Z' });
  }

  /** One earn of `points` for the member, as the service writes it: order, guarded balance update, ledger, lot, outbox. */
  async earn(memberId: string, orderNo: string, points = 128): Promise<void> {
    const now = new Date();
    const connection = await this.pool.getConnection();
    try {
      // Before the transaction, as the service: is the order known, and does the account exist.
      await connection.query('SELECT order_no FROM orders WHERE order_no = ?', [orderNo]);
      await connection.query('INSERT IGNORE INTO points_accounts (member_id, balance, debt, version) VALUES (?, 0, 0, 0)', [memberId]);
      await connection.beginTransaction();
      await connection.query(
        // Announced: its outbox event (below) announces it, as the service's earns did when this row was set.
        `INSERT INTO orders (order_no, member_id, amount_fen, channel, store_id, items, points_earned, refunded_fen, points_clawed, created_at, ordered_at, announced_at)
         VALUES (?, ?, 12880, 'POS', NULL, NULL, ?, 0, 0, ?, ?, ?)`,
        [orderNo, memberId, points, now, now, now],
      );
      const [rows] = await connection.query<RowDataPacket[]>(
        'SELECT balance, debt, version, last_seq FROM points_accounts WHERE member_id = ?',
        [memberId],
      );
      const { balance, version, last_seq: lastSeq } = rows[0];
      const after = Number(balance) + points;
      const [updated] = await connection.query<ResultSetHeader>(
        // As the service's: the order joins the bound of the member's 12-month figures (activityBound.ts) in the same UPDATE.
        'UPDATE points_accounts SET balance = ?, debt = 0, last_seq = last_seq + 1, version = version + 1, bound_spend_fen = bound_spend_fen + 12880, bound_purchases = bound_purchases + 1 WHERE member_id = ? AND version = ?',
        [after, memberId, version],
      );
      // The service retries a lost version race; here it is counted as an error (distinct members make it rare).
      if (updated.affectedRows !== 1) throw new Error(`account ${memberId} changed under the earn`);
      const entryId = randomUUID();
      await connection.query(
        `INSERT INTO points_ledger (id, member_id, entry_type, points, balance_after, source, source_ref, reason, actor, idempotency_key, seq, created_at)
         VALUES (?, ?, 'EARN', ?, ?, 'ORDER', ?, ?, 'bench', ?, ?, ?)`,
        [entryId, memberId, points, after, orderNo, `order ${orderNo} via POS`, `ORDER:${orderNo}`, Number(lastSeq) + 1, now],
      );
      await connection.query(
        'INSERT INTO points_lots (id, member_id, entry_id, points, remaining, earned_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, NULL)',
        [randomUUID(), memberId, entryId, points, points, now],
      );
      // Its id marks it as the raw row's (settleRawEvents); pending, as the service's events are.
      const event = { ...newOutboxRow({ type: ACTIVITY_TOPIC, key: memberId, payload: { memberId }, at: now }), id: rawEventId() };
      await connection.query(
        `INSERT INTO outbox_events (id, type, version, event_key, payload, created_at, delivered_at, attempts, next_attempt_at, last_error)
         VALUES (?, ?, ?, ?, ?, ?, NULL, 0, ?, NULL)`,
        [event.id, event.type, event.version, event.key, event.payload, now, now],
      );
      await connection.commit();
    } catch (error) {
      await connection.rollback();
      throw error;
    } finally {
      connection.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** The id prefix of the raw row's outbox events (36 characters in all, as a UUID). */
const RAW_EVENT = 'rawearn-';
const rawEventId = () => `${RAW_EVENT}${randomUUID().slice(RAW_EVENT.length)}`;

/**
 * After the raw row: its outbox events still pending are marked delivered. During the row points'
 * dispatcher delivers them as it would any (the yardstick as issue 19 set it: its figures include
 * that); what is left would be delivered one member at a time, 100 a second, for minutes after the
 * row, and billed to the rows after it (the gateway comparison's first rounds).
 */
export async function settleRawEvents(databaseUrl: string): Promise<void> {
  const connection = await createConnection({ uri: databaseUrl, timezone: 'Z' });
  try {
    await connection.query('UPDATE outbox_events SET delivered_at = ? WHERE id LIKE ? AND delivered_at IS NULL', [
      new Date(),
      `${RAW_EVENT}%`,
    ]);
  } finally {
    await connection.end();
  }
}
