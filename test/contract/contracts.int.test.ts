import { readFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_PATH } from '../../scripts/compose';
import { staleGeneratedFiles as staleResolverTypes } from '../../scripts/codegen-graphql';
import { staleGeneratedFiles } from '../../scripts/codegen-proto';
import { buildManifest, MANIFEST_PATH } from '../../scripts/trusted-documents';

describe('contracts', () => {
  it('the five subgraph schemas compose, and schemas/supergraph.graphql is what they compose to', () => {
    const composed = composeSupergraph();
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composed);
    for (const graph of ['MEMBER', 'POINTS', 'BENEFITS', 'CAMPAIGN', 'RISK']) expect(composed).toContain(`${graph} @join__graph`);
  });

  it('gateway/trusted-documents.json registers exactly clients/operations, each valid against the supergraph', () => {
    const manifest = buildManifest();
    expect(readFileSync(MANIFEST_PATH, 'utf8')).toBe(manifest);
    expect(JSON.parse(manifest).operations.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining(['MiniProgramCard', 'MiniProgramLogin', 'PartnerMember']),
    );
  });

  it('proto/gen holds exactly what proto-loader-gen-types makes of proto/*.proto', () => {
    expect(staleGeneratedFiles()).toEqual([]);
  });

  it("each subgraph's src/graphql/__generated__ holds exactly what graphql-codegen makes of schemas/<service>.graphql", async () => {
    expect(await staleResolverTypes()).toEqual([]);
  });
});
