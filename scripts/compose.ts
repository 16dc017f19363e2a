/**
 * Composes schemas/<service>.graphql into schemas/supergraph.graphql with @apollo/composition.
 * The supergraph is committed and served statically by the gateway; `--check` fails when it is
 * stale or when composition fails (the contract test runs the same check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

const schemas = join(__dirname, '..', 'schemas');

/** Subgraph names and the URLs written into the supergraph (the gateway's config overrides them). */
export const SUBGRAPHS = [
  { name: 'member', url: 'http://localhost:4001/graphql' },
  { name: 'points', url: 'http://localhost:4002/graphql' },
  { name: 'benefits', url: 'http://localhost:4003/graphql' },
  { name: 'campaign', url: 'http://localhost:4004/graphql' },
  { name: 'risk', url: 'http://localhost:4005/graphql' },
];

export const SUPERGRAPH_PATH = join(schemas, 'supergraph.graphql');

export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map(({ name, url }) => ({ name, url, typeDefs: parse(readFileSync(join(schemas, `${name}.graphql`), 'utf8')) })),
  );
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result.supergraphSdl;
}

if (process.argv[1] === __filename) {
  const sdl = composeSupergraph();
  if (process.argv.includes('--check')) {
    if (readFileSync(SUPERGRAPH_PATH, 'utf8') !== sdl) {
      console.error('schemas/supergraph.graphql is stale: run npm run compose');
      process.exit(1);
    }
    console.log('schemas/supergraph.graphql is current');
  } else {
    writeFileSync(SUPERGRAPH_PATH, sdl);
    console.log(`wrote ${SUPERGRAPH_PATH}`);
  }
}
