/**
 * Builds gateway/trusted-documents.json (Apollo's persisted query manifest format) from the client
 * operations in clients/operations/*.graphql, each validated against the supergraph. Committed;
 * `--check` fails when it is stale (the contract test runs the same check).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, print, validate, type OperationDefinitionNode } from 'graphql';

const root = join(__dirname, '..');
export const MANIFEST_PATH = join(root, 'gateway', 'trusted-documents.json');
const operationsDir = join(root, 'clients', 'operations');

export function buildManifest(): string {
  // Validated against the API schema clients see (the supergraph without federation's machinery).
  const schema = Supergraph.build(readFileSync(join(root, 'schemas', 'supergraph.graphql'), 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();
  const operations = readdirSync(operationsDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .flatMap((file) => {
      const document = parse(readFileSync(join(operationsDir, file), 'utf8'));
      const errors = validate(schema, document);
      if (errors.length) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
      return document.definitions
        .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
        .map((operation) => {
          const body = print(operation);
          return { id: createHash('sha256').update(body).digest('hex'), name: operation.name!.value, type: operation.operation, body };
        });
    });
  return `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`;
}

if (process.argv[1] === __filename) {
  const manifest = buildManifest();
  if (process.argv.includes('--check')) {
    if (readFileSync(MANIFEST_PATH, 'utf8') !== manifest) {
      console.error('gateway/trusted-documents.json is stale: run npm run trusted-documents');
      process.exit(1);
    }
  } else {
    writeFileSync(MANIFEST_PATH, manifest);
    console.log(`wrote ${MANIFEST_PATH}`);
  }
}
