import { IDENTITY_HEADER } from '../../../services/kit/src';
import { deduplicateQueries, isSharableQuery } from '../subgraph-fetch';

const QUERY = JSON.stringify({
  query: 'query($representations:[_Any!]!){_entities(representations:$representations){...on Member{risk{level}}}}',
  variables: {},
});
const MUTATION = JSON.stringify({ query: 'mutation{checkIn(memberId:"m1"){points}}' });
const as = (identity: string, body: string): RequestInit => ({ method: 'POST', headers: { [IDENTITY_HEADER]: identity }, body });

/** A subgraph that answers after `release()` and counts what reached it. */
function slowSubgraph() {
  let calls = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const fetchOnce = async (_input: string, init: RequestInit) => {
    calls += 1;
    await gate;
    return new Response(JSON.stringify({ data: { echo: String(init.body).length } }), { headers: { 'content-type': 'application/json' } });
  };
  return { fetchOnce, release: () => release(), calls: () => calls };
}

describe('deduplicateQueries', () => {
  it('sends identical queries of one caller in flight together once, and each waiter reads the answer', async () => {
    const subgraph = slowSubgraph();
    const fetch = deduplicateQueries(subgraph.fetchOnce);
    const pending = [1, 2, 3].map(() => fetch('http://risk/graphql', as('alice', QUERY)));
    subgraph.release();
    const bodies = await Promise.all(pending.map(async (p) => (await p).json()));
    expect(subgraph.calls()).toBe(1);
    expect(bodies).toEqual([1, 2, 3].map(() => ({ data: { echo: QUERY.length } })));
  });

  it('never shares between callers, never shares a mutation, and caches nothing once answered', async () => {
    const subgraph = slowSubgraph();
    const fetch = deduplicateQueries(subgraph.fetchOnce);
    const pending = [
      fetch('http://risk/graphql', as('alice', QUERY)),
      fetch('http://risk/graphql', as('bob', QUERY)),
      fetch('http://risk/graphql', as('alice', MUTATION)),
      fetch('http://risk/graphql', as('alice', MUTATION)),
    ];
    subgraph.release();
    await Promise.all(pending);
    expect(subgraph.calls()).toBe(4);
    await fetch('http://risk/graphql', as('alice', QUERY));
    expect(subgraph.calls()).toBe(5);
  });

  it('shares a failure with the waiters of that flight only', async () => {
    let calls = 0;
    const fetch = deduplicateQueries(async () => {
      calls += 1;
      if (calls === 1) throw new Error('subgraph down');
      return new Response('{"data":{}}');
    });
    const results = await Promise.allSettled([fetch('u', as('a', QUERY)), fetch('u', as('a', QUERY))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((await fetch('u', as('a', QUERY))).status).toBe(200);
    expect(calls).toBe(2);
  });

  it('recognises queries as the gateway serialises them, and nothing else', () => {
    expect(isSharableQuery(QUERY)).toBe(true);
    expect(isSharableQuery(JSON.stringify({ query: '{ tiers { id } }' }))).toBe(true);
    expect(isSharableQuery(MUTATION)).toBe(false);
    expect(isSharableQuery(JSON.stringify({ variables: {}, query: 'query { a }' }))).toBe(false);
    expect(isSharableQuery(undefined)).toBe(false);
  });
});
