import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../test/harness/commandDatabase';
import type { ProtoGrpcType as RiskProto } from '../../../proto/gen/risk';
import { createLogger, loadProto, startGrpcServer, unaryHandler, type GrpcServerHandle } from '../../kit/src';
import { recordedOrder } from '../../../test/harness/recordedOrder';
import { adjustPoints } from '../src/commands/adjustPoints';
import { assessEarn } from '../src/commands/assessRisk';
import { offsetCheckout } from '../src/commands/offsetCheckout';
import { pointsSchema } from '../src/db/data-source';
import { connectPeers } from '../src/grpc/peers';
import { memberDirectory, REGULAR, RULES } from '../src/commands/__tests__/pointsFixture';

/*
 * Risk that is up but does not answer in time, through the real gRPC adapter: a burn is refused
 * within the deadline (fails closed), an earn goes ahead unassessed (fails open).
 */

const TOKEN = 'risk-deadline-test-token';
const DEADLINE_MS = 300;
let server: GrpcServerHandle;
let db: CommandDatabase;
let peers: ReturnType<typeof connectPeers>;
const member = memberDirectory({ 'm-1': REGULAR });

beforeAll(async () => {
  const definition = loadProto<RiskProto>('risk').membergraph.risk.v1.RiskService.service;
  server = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    healthName: 'risk',
    services: [
      {
        definition,
        implementation: {
          // Answers long after any deadline: a risk service stuck on its database.
          Assess: unaryHandler({ logger: createLogger('risk-stuck', 'silent'), serviceToken: TOKEN }, async () => {
            await new Promise((resolve) => setTimeout(resolve, 5_000));
            return { decision: 'ALLOW' as const, reason: 'too late', eventId: 'e-late' };
          }),
        },
      },
    ],
  });
  peers = connectPeers({
    memberGrpcAddress: '127.0.0.1:1',
    campaignGrpcAddress: '127.0.0.1:1',
    riskGrpcAddress: `127.0.0.1:${server.port}`,
    grpcDeadlineMs: DEADLINE_MS,
    serviceToken: TOKEN,
  });
  db = await openCommandDatabase(pointsSchema);
  await adjustPoints(
    db.dataSource,
    member,
    RULES,
    { memberId: 'm-1', points: 1000, reason: 'opening balance', idempotencyKey: 'seed-m-1' },
    {
      name: 'staff:seed',
      subject: 'seed',
    },
  );
  await recordedOrder(db.dataSource, { orderNo: 'ORD-1', memberId: 'm-1' });
});
afterAll(async () => {
  peers.close();
  await db.close();
  await server.stop(0);
});

describe('risk past its deadline', () => {
  it('a burn is refused with UNAVAILABLE within the deadline, spending nothing', async () => {
    const before = await snapshotDatabase(db.dataSource);
    const started = Date.now();
    await expect(
      offsetCheckout(
        db.dataSource,
        { member, risk: peers.risk },
        RULES.pointsPerCnyOffset,
        { memberId: 'm-1', orderNo: 'ORD-1', offset: '1.00', idempotencyKey: 'checkout-stuck' },
        'member:m-1',
      ),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS * 10); // the hung server never answers: only the deadline ends the call
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('an earn goes ahead unassessed within the deadline', async () => {
    const started = Date.now();
    const earn = { action: 'EARN', memberId: 'm-1', amountFen: 100, channel: 'POS', idempotencyKey: 'EARN:stuck' };
    await expect(assessEarn(peers.risk, earn)).resolves.toBe('unassessed');
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS * 10); // the hung server never answers: only the deadline ends the call
  });
});
