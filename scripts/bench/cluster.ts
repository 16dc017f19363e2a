/**
 * The benchmark's servers as production runs them: each of the five services and our gateway in a
 * process of its own (the chaos harness's launcher, scripts/chaos/cluster.ts), so every process's
 * CPU time, memory and /metrics are its own. The benchmark's process opens each service's database
 * too, only to seed the programme and to issue members' tokens the way the member service does.
 */
import type { DataSource } from 'typeorm';
import {
  openDatabase,
  readCommonConfig,
  resolveDatabaseTarget,
  SERVICE_NAMES,
  type DatabaseSchema,
  type ServiceName,
} from '../../services/kit/src';
import { benefitsSchema } from '../../services/benefits/src/db/data-source';
import { campaignSchema } from '../../services/campaign/src/db/data-source';
import { memberSchema } from '../../services/member/src/db/data-source';
import { pointsSchema } from '../../services/points/src/db/data-source';
import { riskSchema } from '../../services/risk/src/db/data-source';
import { startCluster } from '../chaos/cluster';
import type { Env } from '../chaos/child-process';
import { postGraphQL, productionEnv, type SignedIn, type Stack } from '../../test/harness/startStack';

const SCHEMAS: Record<ServiceName, DatabaseSchema> = {
  member: memberSchema,
  points: pointsSchema,
  benefits: benefitsSchema,
  campaign: campaignSchema,
  risk: riskSchema,
};

export interface BenchService {
  name: ServiceName;
  httpUrl: string;
  grpcAddress: string;
  pid: number;
  /** The service's database, opened by the benchmark's process (seeding and tokens only). */
  dataSource: DataSource;
}

export interface BenchCluster {
  env: Env;
  services: Record<ServiceName, BenchService>;
  gateway: { url: string; pid: number };
  /** Through the gateway as the development ADMIN. */
  query: Stack['query'];
  loginStaff(username: string, password: string): Promise<SignedIn>;
  stop(): Promise<void>;
}

/**
 * `nodeArgs`: Node options for some of the processes (see startCluster), e.g. the profiler's. The
 * processes run as production runs them (NODE_ENV=production, with freshly generated secrets and
 * keys): graphql-js's development checks and the development defaults cost CPU that production
 * never spends, and the figures are meant to be production's.
 */
export async function startBenchCluster(env: Env, nodeArgs: Parameters<typeof startCluster>[1] = {}): Promise<BenchCluster> {
  const cluster = await startCluster({ ...productionEnv('bench'), ...env }, nodeArgs);
  const opened: DataSource[] = [];
  const stop = async () => {
    await Promise.all(opened.map((d) => d.destroy()));
    await cluster.stop();
  };
  try {
    const services = {} as Record<ServiceName, BenchService>;
    for (const name of SERVICE_NAMES) {
      // The service has migrated its database already: this only connects.
      const { dataSource } = await openDatabase(resolveDatabaseTarget(readCommonConfig(name, cluster.env)), SCHEMAS[name]);
      opened.push(dataSource);
      services[name] = {
        name,
        httpUrl: cluster.services[name].url,
        grpcAddress: cluster.env[`${name.toUpperCase()}_GRPC_ADDRESS`]!,
        pid: cluster.services[name].pid!,
        dataSource,
      };
    }
    return {
      env: cluster.env,
      services,
      gateway: { url: cluster.gatewayUrl, pid: cluster.gateway.pid! },
      query: async <T>(query: string, variables?: Record<string, unknown>) => (await cluster.query<T>(query, variables)).body,
      loginStaff: async (username, password) => {
        const { body } = await postGraphQL(
          cluster.gatewayUrl,
          'mutation($u: String!, $p: String!) { staffLogin(username: $u, password: $p) { accessToken refreshToken } }',
          { u: username, p: password },
        );
        if (!body.data?.staffLogin) throw new Error(`staffLogin failed: ${JSON.stringify(body.errors)}`);
        return body.data.staffLogin as SignedIn;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
