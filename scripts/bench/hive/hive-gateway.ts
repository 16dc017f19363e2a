/**
 * The peer the benchmark compares our gateway with: Hive Gateway (The Guild's federation gateway
 * runtime), in its own process, serving the same schemas/supergraph.graphql over the same running
 * subgraphs and doing the same work per request as ours: its own JWT plugin verifies the caller's
 * access token against the member service's JWKS, and a small plugin signs every subgraph request
 * (over its body) with the project's signIdentity. Otherwise Hive keeps its defaults.
 *
 * Type-checked on its own (tsconfig.hive.json): graphql-yoga augments graphql's error extensions
 * globally in a way that clashes with Apollo Server's, so it stays out of the main program.
 * Started by scripts/bench/index.ts with HIVE_CONFIG (JSON) in the environment; prints its URL.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import useJWT, { createRemoteJwksSigningKeyProvider, extractFromHeader } from '@graphql-mesh/plugin-jwt-auth';
import {
  identityOfClaims,
  repoPath,
  signIdentity,
  TOKEN_ALG,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type Identity,
} from '../../../services/kit/src';

interface HiveConfig {
  subgraphUrls: Record<string, string>;
  jwksUrl: string;
  identitySecret: string;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.HIVE_CONFIG ?? '{}') as HiveConfig;
  const signing = {
    onFetch({
      context,
      options,
      setOptions,
    }: {
      context?: unknown;
      options: { headers?: unknown; body?: unknown };
      setOptions(o: unknown): void;
    }) {
      const payload = (context as { jwt?: { payload?: Record<string, unknown> } } | undefined)?.jwt?.payload;
      const identity: Identity = payload ? identityOfClaims(payload) : { kind: 'ANONYMOUS' };
      // The signature covers the exact body sent (Hive's HTTP transport posts the request as a JSON string).
      const body = typeof options.body === 'string' ? options.body : '';
      setOptions({
        ...options,
        headers: { ...(options.headers as Record<string, string>), ...signIdentity(identity, config.identitySecret, body) },
      });
    },
  };
  const runtime = createGatewayRuntime({
    supergraph: readFileSync(repoPath('schemas', 'supergraph.graphql'), 'utf8'),
    transportEntries: Object.fromEntries(Object.entries(config.subgraphUrls).map(([name, url]) => [name, { location: url }])),
    logging: false,
    plugins: () => [
      useJWT({
        signingKeyProviders: [createRemoteJwksSigningKeyProvider({ jwksUri: config.jwksUrl })],
        tokenLookupLocations: [extractFromHeader({ name: 'authorization', prefix: 'Bearer' })],
        tokenVerification: { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: [TOKEN_ALG] },
        reject: { missingToken: false, invalidToken: true },
        // The plugin's typings pin an older @graphql-hive/logger than the runtime's; the shapes agree at run time.
      }) as never,
      signing as never,
    ],
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log(`hive gateway listening http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
