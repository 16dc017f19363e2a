import { IDENTITY_HEADER } from '../../../services/kit/src';
import { deduplicateQueries, isSharableQuery, parseReply, type SubgraphCall, type SubgraphReply } from '../subgraph-fetch';

const QUERY = JSON.stringify({
  query: 'query($representations:[_Any!]!){_entities(representations:$representations){...on Member{risk{level}}}}',
  variables: {},
});
const MUTATION = JSON.stringify({ query: 'mutation{checkIn(memberId:"m1"){points}}' });
const as = (identity: string, body: string): SubgraphCall => ({ headers: { [IDENTITY_HEADER]: identity }, body });
const json = (text: string): SubgraphReply => ({ status: 200, contentType: 'application/json; charset=utf-8', text });

/** A subgraph that answers after `release()` and counts what reached it. */
function slowSubgraph() {
  let calls = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const send = async (call: SubgraphCall) => {
    calls += 1;
    await gate;
    return json(JSON.stringify({ data: { echo: call.body.length } }));
  };
  return { send, release: () => release(), calls: () => calls };
}

describe('deduplicateQueries', () => {
  it('sends identical queries of one caller in flight together once, and each waiter gets its own parsed copy', async () => {
    const subgraph = slowSubgraph();
    const send = deduplicateQueries('http://risk/graphql', subgraph.send);
    const pending = [1, 2, 3].map(() => send(as('alice', QUERY)));
    subgraph.release();
    const bodies = (await Promise.all(pending)).map(parseReply);
    expect(subgraph.calls()).toBe(1);
    expect(bodies).toEqual([1, 2, 3].map(() => ({ data: { echo: QUERY.length } })));
    expect(bodies[0]).not.toBe(bodies[1]);
  });

  it('never shares between callers, never shares a mutation, and caches nothing once answered', async () => {
    const subgraph = slowSubgraph();
    const send = deduplicateQueries('http://risk/graphql', subgraph.send);
    const pending = [send(as('alice', QUERY)), send(as('bob', QUERY)), send(as('alice', MUTATION)), send(as('alice', MUTATION))];
    subgraph.release();
    await Promise.all(pending);
    expect(subgraph.calls()).toBe(4);
    await send(as('alice', QUERY));
    expect(subgraph.calls()).toBe(5);
  });

  it('shares a failure with the waiters of that flight only', async () => {
    let calls = 0;
    const send = deduplicateQueries('u', async () => {
      calls += 1;
      if (calls === 1) throw new Error('subgraph down');
      return json('{"data":{}}');
    });
    const results = await Promise.allSettled([send(as('a', QUERY)), send(as('a', QUERY))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((await send(as('a', QUERY))).status).toBe(200);
    expect(calls).toBe(2);
  });

  it('recognises queries as the gateway serialises them, and nothing else', () => {
    expect(isSharableQuery(QUERY)).toBe(true);
    expect(isSharableQuery(JSON.stringify({ query: '{ tiers { id } }' }))).toBe(true);
    expect(isSharableQuery(MUTATION)).toBe(false);
    expect(isSharableQuery(JSON.stringify({ variables: {}, query: 'query { a }' }))).toBe(false);
  });
});

describe('parseReply', () => {
  it("passes a subgraph's GraphQL errors through, whatever the status", () => {
    const errors = [{ message: 'no such member', extensions: { code: 'NOT_FOUND' } }];
    expect(parseReply({ ...json(JSON.stringify({ errors })), status: 400 })).toEqual({ errors });
  });

  it('turns an answer that is not a GraphQL response into UNAVAILABLE, without its content', () => {
    for (const reply of [
      { status: 502, contentType: 'text/html', text: '<html>Bad Gateway at 10.0.0.7</html>' },
      json('{"data":'),
      json('[1,2]'),
      json('null'),
    ]) {
      expect(() => parseReply(reply)).toThrow(expect.objectContaining({ extensions: { code: 'UNAVAILABLE' } }));
    }
  });
});
