import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MEMBER_CARD, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

/** Forwards to the real risk subgraph and counts the requests the gateway sends it. */
let forwarded = 0;
let target = '';
const proxy: Server = createServer((req, res) => {
  forwarded += 1;
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)),
    ) as Record<string, string>;
    const answer = await fetch(target, { method: 'POST', headers, body: Buffer.concat(chunks) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
});

let stack: Stack;
beforeAll(async () => {
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  stack = await startStack({ env: { RISK_URL: `http://127.0.0.1:${port}/graphql` } });
  target = stack.services.risk.httpUrl;
});
afterAll(async () => {
  await stack?.stop();
  proxy.close();
});

describe('identical subgraph queries in flight', () => {
  it('one member opening the card 20 times at once: the risk subgraph is asked fewer times, and every answer is whole', async () => {
    const member = await stack.loginMember(uniquePhone());
    forwarded = 0;
    const cards = await Promise.all(
      Array.from({ length: 20 }, () => stack.queryAs(member.accessToken, MEMBER_CARD, { id: member.memberId })),
    );
    for (const card of cards) {
      expect(card.errors).toBeUndefined();
      expect(card.data.member).toMatchObject({ id: member.memberId, risk: { level: 'LOW' } });
    }
    expect(forwarded).toBeGreaterThanOrEqual(1);
    expect(forwarded).toBeLessThan(20);
  });

  it('different members at once: each is asked for on its own', async () => {
    const members = await Promise.all(Array.from({ length: 5 }, () => stack.loginMember(uniquePhone())));
    forwarded = 0;
    const cards = await Promise.all(members.map((m) => stack.queryAs(m.accessToken, MEMBER_CARD, { id: m.memberId })));
    expect(cards.map((c) => c.data.member.id)).toEqual(members.map((m) => m.memberId));
    expect(forwarded).toBe(5);
  });
});
