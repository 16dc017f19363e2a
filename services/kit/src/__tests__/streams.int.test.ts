import type { ProtoGrpcType } from '../../../../proto/gen/points';
import type { PurchaseStatsBatch } from '../../../../proto/gen/membergraph/points/v1/PurchaseStatsBatch';
import { createLogger } from '../logger';
import { createStreamingPeerClient } from '../peers';
import { loadProto, serverStreamHandler, startGrpcServer, type GrpcServerHandle } from '../grpc';

/**
 * The kit's server-streaming pair over a real server on port 0: a reader that stops early cancels
 * the call and the producing generator is closed (no server keeps writing to nobody), and a
 * failure half-way reaches the reader with its code after the batches already sent.
 */
const TOKEN = 'a-test-service-token-of-length';
let server: GrpcServerHandle;
let closed: () => void;
let producerClosed: Promise<void>;
let failAfter = Number.POSITIVE_INFINITY;

const batch = (i: number): PurchaseStatsBatch => ({ stats: [{ memberId: `m-${i}`, purchases: i }] });

beforeAll(async () => {
  const proto = loadProto<ProtoGrpcType>('points');
  server = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    healthName: 'test',
    services: [
      {
        definition: proto.membergraph.points.v1.PointsService.service,
        implementation: {
          StreamPurchaseStats: serverStreamHandler({ logger: createLogger('points', 'silent'), serviceToken: TOKEN }, async function* () {
            try {
              for (let i = 0; ; i += 1) {
                if (i >= failAfter) throw new Error('the database went away');
                yield batch(i);
              }
            } finally {
              closed();
            }
          }),
        },
      },
    ],
  });
});
afterAll(() => server.stop(100));
beforeEach(() => {
  producerClosed = new Promise((resolve) => (closed = resolve));
});

const client = () =>
  createStreamingPeerClient(loadProto<ProtoGrpcType>('points').membergraph.points.v1.PointsService.service, {
    address: `127.0.0.1:${server.port}`,
    deadlineMs: 10_000,
    serviceToken: TOKEN,
  });

it('a reader that stops early ends the producer on the server', async () => {
  failAfter = Number.POSITIVE_INFINITY;
  const peer = client();
  const seen: number[] = [];
  for await (const message of peer.StreamPurchaseStats({ asOfEpochMs: '0', windowDays: 30, batchSize: 1 })) {
    seen.push(message.stats[0].purchases);
    if (seen.length === 3) break;
  }
  expect(seen).toEqual([0, 1, 2]);
  // Resolves only when the server's generator was closed: an endless producer otherwise.
  await producerClosed;
  peer.close();
});

it('a failure half-way reaches the reader after the batches sent before it, as UNAVAILABLE like any peer failure', async () => {
  failAfter = 2;
  const peer = client();
  const seen: number[] = [];
  const read = async () => {
    for await (const message of peer.StreamPurchaseStats({ asOfEpochMs: '0', windowDays: 30, batchSize: 1 }))
      seen.push(message.stats[0].purchases);
  };
  await expect(read()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  expect(seen).toEqual([0, 1]);
  await producerClosed;
  peer.close();
});
