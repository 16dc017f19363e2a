import { readFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_PATH } from '../../scripts/compose';
import { staleGeneratedFiles } from '../../scripts/codegen-proto';

describe('contracts', () => {
  it('the five subgraph schemas compose, and schemas/supergraph.graphql is what they compose to', () => {
    const composed = composeSupergraph();
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composed);
    for (const graph of ['MEMBER', 'POINTS', 'BENEFITS', 'CAMPAIGN', 'RISK']) expect(composed).toContain(`${graph} @join__graph`);
  });

  it('proto/gen holds exactly what proto-loader-gen-types makes of proto/*.proto', () => {
    expect(staleGeneratedFiles()).toEqual([]);
  });
});
