import type { DataSource } from 'typeorm';
import type { ProtoGrpcType } from '../../../proto/gen/points';
import {
  createLogger,
  createStreamingPeerClient,
  loadProto,
  readCommonConfig,
  serverStreamHandler,
  startGrpcServer,
  type GrpcServerHandle,
} from '../../kit/src';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { pointsSchema } from '../src/db/data-source';
import { LedgerEntry } from '../src/db/entities/LedgerEntry';
import { Order } from '../src/db/entities/Order';
import { streamPurchaseStats } from '../src/grpc/handlers/StreamPurchaseStats';

/**
 * StreamPurchaseStats over a real gRPC server on port 0 and the kit's streaming client, on the
 * database the suite runs on: batches in member-id order, figures by ordered_at, refunds netted.
 */
let dataSource: DataSource;
let server: GrpcServerHandle;
let stop: () => Promise<void>;
const token = readCommonConfig('points', {}).serviceToken;
const NOW = new Date('2026-11-30T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

beforeAll(async () => {
  const database = await openServiceTestDatabase(pointsSchema);
  ({ dataSource } = database);
  const proto = loadProto<ProtoGrpcType>('points');
  server = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    healthName: 'test',
    services: [
      {
        definition: proto.membergraph.points.v1.PointsService.service,
        implementation: {
          StreamPurchaseStats: serverStreamHandler({ logger: createLogger('points', 'silent'), serviceToken: token }, (request) =>
            streamPurchaseStats(dataSource, request),
          ),
        },
      },
    ],
  });
  stop = async () => {
    await server.stop(100);
    await database.close();
  };
  let n = 0;
  const order = (memberId: string, amountFen: number, orderedAt: Date, change: Partial<Order> = {}) =>
    dataSource.getRepository(Order).insert({
      orderNo: `o-${(n += 1)}`,
      memberId,
      amountFen,
      channel: 'WEB',
      storeId: null,
      items: null,
      pointsEarned: 0,
      refundedFen: 0,
      pointsClawed: 0,
      // Uploaded today: the statistics must go by when it was placed.
      createdAt: NOW,
      orderedAt,
      ...change,
    });
  // member-00: three live orders in the window through two channels, one wholly refunded, one old.
  await order('member-00', 500_00, daysAgo(10));
  await order('member-00', 300_00, daysAgo(40), { channel: 'POS', refundedFen: 100_00 });
  await order('member-00', 200_00, daysAgo(5), { refundedFen: 200_00 });
  await order('member-00', 900_00, daysAgo(500));
  // After as-of: ignored.
  await order('member-00', 999_00, new Date(NOW.getTime() + 86_400_000));
  for (let i = 1; i <= 24; i += 1) await order(`member-${String(i).padStart(2, '0')}`, 100_00 * i, daysAgo(i));
  await dataSource.getRepository(LedgerEntry).insert(
    [3, 4].map((day) => ({
      id: `checkin-${day}`,
      memberId: 'member-00',
      seq: day,
      entryType: 'EARN',
      points: 5,
      balanceAfter: 5 * day,
      source: 'CHECK_IN',
      sourceRef: `2026-11-${day}`,
      reason: 'daily check-in',
      actor: 'member',
      idempotencyKey: `CHECKIN:member-00:${day}`,
      flag: null,
      createdAt: daysAgo(day),
    })),
  );
});
afterAll(() => stop?.());

it('streams every member with orders in batches, in member-id order, with window figures by ordered_at', async () => {
  const client = createStreamingPeerClient(loadProto<ProtoGrpcType>('points').membergraph.points.v1.PointsService.service, {
    address: `127.0.0.1:${server.port}`,
    deadlineMs: 10_000,
    serviceToken: token,
  });
  const batches = [];
  for await (const batch of client.StreamPurchaseStats({ asOfEpochMs: String(NOW.getTime()), windowDays: 365, batchSize: 10 }))
    batches.push(batch.stats);
  client.close();
  expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
  const ids = batches.flat().map((s) => s.memberId);
  expect(ids).toEqual([...ids].sort());
  expect(batches[0][0]).toEqual({
    memberId: 'member-00',
    purchases: 2,
    spendFen: String(500_00 + 200_00),
    lastPurchaseEpochMs: String(daysAgo(10).getTime()),
    firstPurchaseEpochMs: String(daysAgo(500).getTime()),
    purchasesEver: 3,
    checkIns: 2,
    channels: 2,
  });
});

it('refuses a bad request with its code through the stream', async () => {
  const client = createStreamingPeerClient(loadProto<ProtoGrpcType>('points').membergraph.points.v1.PointsService.service, {
    address: `127.0.0.1:${server.port}`,
    deadlineMs: 10_000,
    serviceToken: token,
  });
  const read = async () => {
    for await (const _ of client.StreamPurchaseStats({ asOfEpochMs: '0', windowDays: 0, batchSize: 10 })) void _;
  };
  await expect(read()).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  const stranger = createStreamingPeerClient(loadProto<ProtoGrpcType>('points').membergraph.points.v1.PointsService.service, {
    address: `127.0.0.1:${server.port}`,
    deadlineMs: 10_000,
    serviceToken: 'not-the-token',
  });
  const strange = async () => {
    for await (const _ of stranger.StreamPurchaseStats({ asOfEpochMs: '0', windowDays: 30, batchSize: 10 })) void _;
  };
  await expect(strange()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  client.close();
  stranger.close();
});
