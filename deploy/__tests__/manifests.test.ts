/**
 * Static checks of deploy/: the Kubernetes manifests, docker-compose.yml, the Dockerfile and its
 * entrypoint. Everything is parsed (never grepped where a structure exists) and cross-checked
 * against the ports the code itself defaults to, so a renamed port, a missing probe or a peer
 * address that points nowhere fails here instead of in a cluster.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CORE_SCHEMA, load, loadAll, mergeTag } from 'js-yaml';
import { DEFAULT_PORTS, SERVICE_NAMES } from '../../services/kit/src/config';
import { readPiiCipher } from '../../services/kit/src/pii';

const deployDir = resolve(__dirname, '..');
const repoRoot = resolve(deployDir, '..');
const k8sDir = join(deployDir, 'k8s');

const GATEWAY_PORT = 4000;
const PROCESSES = ['gateway', ...SERVICE_NAMES] as const;
type Process = (typeof PROCESSES)[number];
const httpPort = (name: Process): number => (name === 'gateway' ? GATEWAY_PORT : DEFAULT_PORTS[name].http);
/** The gRPC peers each process dials (`<PEER>_GRPC_ADDRESS`); see services/<name>/src/config.ts. */
const PEERS: Partial<Record<Process, string[]>> = {
  points: ['member', 'campaign', 'risk'],
  member: ['points', 'benefits'],
  campaign: ['member', 'points'],
  benefits: ['member'],
};

const read = (path: string): string => readFileSync(path, 'utf8');

// ---------------------------------------------------------------- Kubernetes

type Doc = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } } & Record<
  string,
  any
>;

const manifestFiles = readdirSync(k8sDir)
  .filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml')
  .sort();
const docs: Doc[] = manifestFiles.flatMap((f) => (loadAll(read(join(k8sDir, f))) as Array<Doc | null>).filter((d): d is Doc => d != null));
const ofKind = (kind: string): Doc[] => docs.filter((d) => d.kind === kind);
const named = (kind: string, name: string): Doc | undefined => ofKind(kind).find((d) => d.metadata.name === name);
const deployment = (name: string): Doc => {
  const found = named('Deployment', name);
  if (!found) throw new Error(`no Deployment ${name}`);
  return found;
};
const containersOf = (d: Doc): any[] => d.spec.template.spec.containers;

/** The containerPort a probe's or Service's port (a number or a port name) refers to, if declared. */
function containerPort(container: any, port: number | string): number | undefined {
  const ports: Array<{ name?: string; containerPort: number }> = container.ports ?? [];
  return ports.find((p) => p.containerPort === port || (p.name !== undefined && p.name === port))?.containerPort;
}

function cpuCores(quantity: string | number): number {
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(String(quantity));
  if (!match) throw new Error(`unparsable cpu quantity ${quantity}`);
  return Number(match[1]) / (match[2] ? 1000 : 1);
}

function memoryBytes(quantity: string | number): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(quantity));
  if (!match) throw new Error(`unparsable memory quantity ${quantity}`);
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * unit;
}

/** Values a ConfigMap or Secret provides (a Secret's `data` is base64). */
function sourceData(doc: Doc): Record<string, string> {
  if (doc.kind === 'ConfigMap') return { ...(doc.data ?? {}) };
  const decoded = Object.fromEntries(
    Object.entries(doc.data ?? {}).map(([k, v]) => [k, Buffer.from(String(v), 'base64').toString('utf8')]),
  );
  return { ...decoded, ...(doc.stringData ?? {}) };
}

/** The environment a container ends up with, and which kind of object each variable came from. */
function containerEnv(container: any): Record<string, { value: string; from: string }> {
  const env: Record<string, { value: string; from: string }> = {};
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ? named('ConfigMap', source.configMapRef.name) : named('Secret', source.secretRef?.name);
    if (!ref) continue;
    for (const [key, value] of Object.entries(sourceData(ref))) env[`${source.prefix ?? ''}${key}`] = { value, from: ref.kind };
  }
  for (const entry of container.env ?? []) {
    if (entry.value !== undefined) env[entry.name] = { value: String(entry.value), from: 'literal' };
    const keyRef = entry.valueFrom?.configMapKeyRef ?? entry.valueFrom?.secretKeyRef;
    if (keyRef) {
      const kind = entry.valueFrom.configMapKeyRef ? 'ConfigMap' : 'Secret';
      const ref = named(kind, keyRef.name);
      if (ref) env[entry.name] = { value: sourceData(ref)[keyRef.key], from: kind };
    }
  }
  return env;
}

describe('Kubernetes manifests (deploy/k8s)', () => {
  it('parse, and every object is namespaced in membergraph', () => {
    expect(manifestFiles.length).toBeGreaterThan(0);
    for (const doc of docs) {
      expect(doc.apiVersion).toBeTruthy();
      expect(doc.metadata.name).toBeTruthy();
      if (doc.kind === 'Namespace') expect(doc.metadata.name).toBe('membergraph');
      else expect(doc.metadata.namespace).toBe('membergraph');
    }
  });

  it('kustomization.yaml lists exactly the manifest files, in namespace membergraph', () => {
    const kustomization = load(read(join(k8sDir, 'kustomization.yaml'))) as { namespace: string; resources: string[] };
    expect(kustomization.namespace).toBe('membergraph');
    expect([...kustomization.resources].sort()).toEqual(manifestFiles);
  });

  it.each(PROCESSES)('%s has a Deployment and a Service', (name) => {
    expect(named('Deployment', name)?.apiVersion).toBe('apps/v1');
    expect(named('Service', name)?.apiVersion).toBe('v1');
  });

  it.each(PROCESSES)('the %s Deployment selects its own pods and runs its process', (name) => {
    const d = deployment(name);
    expect(d.spec.template.metadata.labels).toMatchObject(d.spec.selector.matchLabels);
    const [main] = containersOf(d);
    expect(main.image).toBeTruthy();
    expect(main.env).toContainEqual({ name: 'SERVICE', value: name });
    expect(containerPort(main, 'http')).toBe(httpPort(name));
    if (name !== 'gateway') expect(containerPort(main, 'grpc')).toBe(DEFAULT_PORTS[name].grpc);
  });

  describe.each(PROCESSES)('every container of %s', (name) => {
    it('has readinessProbe GET /readyz and livenessProbe GET /healthz on its declared HTTP port', () => {
      for (const container of containersOf(deployment(name))) {
        expect(container.readinessProbe?.httpGet?.path).toBe('/readyz');
        expect(container.livenessProbe?.httpGet?.path).toBe('/healthz');
        expect(containerPort(container, container.readinessProbe.httpGet.port)).toBe(httpPort(name));
        expect(containerPort(container, container.livenessProbe.httpGet.port)).toBe(httpPort(name));
        if (container.startupProbe?.httpGet) expect(containerPort(container, container.startupProbe.httpGet.port)).toBe(httpPort(name));
      }
    });

    it('has cpu and memory requests and limits, requests <= limits', () => {
      for (const container of containersOf(deployment(name))) {
        const { requests, limits } = container.resources ?? {};
        for (const bound of [requests, limits]) {
          expect(bound?.cpu).toBeDefined();
          expect(bound?.memory).toBeDefined();
        }
        expect(cpuCores(requests.cpu)).toBeLessThanOrEqual(cpuCores(limits.cpu));
        expect(memoryBytes(requests.memory)).toBeLessThanOrEqual(memoryBytes(limits.memory));
      }
    });

    it('runs as a non-root user', () => {
      const pod = deployment(name).spec.template.spec;
      for (const container of containersOf(deployment(name))) {
        const runAsNonRoot = container.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
        const runAsUser = container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
        expect(runAsNonRoot).toBe(true);
        if (runAsUser !== undefined) expect(runAsUser).not.toBe(0);
      }
    });
  });

  it.each(PROCESSES)('the %s Service exposes the HTTP port (and gRPC for a subgraph) onto declared container ports', (name) => {
    const service = named('Service', name)!;
    const d = deployment(name);
    expect(d.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    const [main] = containersOf(d);
    const ports: Array<{ name: string; port: number; targetPort?: number | string }> = service.spec.ports;
    const http = ports.find((p) => p.port === httpPort(name));
    expect(http).toBeDefined();
    expect(containerPort(main, http!.targetPort ?? http!.port)).toBe(httpPort(name));
    if (name !== 'gateway') {
      const grpc = ports.find((p) => p.port === DEFAULT_PORTS[name].grpc);
      expect(grpc).toBeDefined();
      expect(containerPort(main, grpc!.targetPort ?? grpc!.port)).toBe(DEFAULT_PORTS[name].grpc);
    }
  });

  it('every env and envFrom reference names a ConfigMap or Secret (and key) defined in deploy/k8s', () => {
    const refs: string[] = [];
    for (const d of ofKind('Deployment')) {
      for (const container of [...containersOf(d), ...(d.spec.template.spec.initContainers ?? [])]) {
        for (const source of container.envFrom ?? []) {
          const [kind, name] = source.configMapRef ? ['ConfigMap', source.configMapRef.name] : ['Secret', source.secretRef?.name];
          expect(`${d.metadata.name} -> ${kind}/${name}: ${named(kind, name) ? 'found' : 'missing'}`).toMatch(/found$/);
          refs.push(name);
        }
        for (const entry of container.env ?? []) {
          const keyRef = entry.valueFrom?.configMapKeyRef ?? entry.valueFrom?.secretKeyRef;
          if (!keyRef) continue;
          const kind = entry.valueFrom.configMapKeyRef ? 'ConfigMap' : 'Secret';
          const ref = named(kind, keyRef.name);
          expect(`${d.metadata.name} -> ${kind}/${keyRef.name}: ${ref ? 'found' : 'missing'}`).toMatch(/found$/);
          expect(Object.keys(sourceData(ref!))).toContain(keyRef.key);
          refs.push(keyRef.name);
        }
      }
    }
    expect(refs.length).toBeGreaterThan(0);
  });

  it('the Secret holds IDENTITY_SIGNING_SECRET and DATABASE_URL as clearly marked placeholders; no ConfigMap holds them', () => {
    const secret = ofKind('Secret').find((s) => 'IDENTITY_SIGNING_SECRET' in sourceData(s));
    expect(secret).toBeDefined();
    const values = sourceData(secret!);
    expect(values.IDENTITY_SIGNING_SECRET).toMatch(/REPLACE/);
    expect(values.DATABASE_URL).toMatch(/REPLACE/);
    expect(new URL(values.DATABASE_URL).protocol).toBe('mysql:');
    for (const key of ['SERVICE_TOKEN', 'PII_ENCRYPTION_KEYS', 'PII_ACTIVE_KEY_ID', 'PII_INDEX_KEY'])
      expect(values[key]).toMatch(/REPLACE/);
    for (const configMap of ofKind('ConfigMap')) {
      expect(Object.keys(sourceData(configMap))).not.toContain('IDENTITY_SIGNING_SECRET');
      expect(Object.keys(sourceData(configMap))).not.toContain('DATABASE_URL');
    }
  });

  it.each(PROCESSES)('%s gets production settings, the shared secret, and peer addresses that resolve to Services', (name) => {
    const env = containerEnv(containersOf(deployment(name))[0]);
    expect(env.NODE_ENV?.value).toBe('production');
    expect(env.HOST?.value).toBe('0.0.0.0');
    expect(env.IDENTITY_SIGNING_SECRET?.from).toBe('Secret');
    expect(env.IDENTITY_SIGNING_SECRET.value.length).toBeGreaterThanOrEqual(16);
    if (name !== 'gateway') expect(env.DATABASE_URL?.from).toBe('Secret');
    const servicePorts = (service: string): number[] => (named('Service', service)?.spec.ports ?? []).map((p: { port: number }) => p.port);
    for (const peer of PEERS[name] ?? []) {
      const address = env[`${peer.toUpperCase()}_GRPC_ADDRESS`]?.value;
      expect(address).toBe(`${peer}:${DEFAULT_PORTS[peer as keyof typeof DEFAULT_PORTS].grpc}`);
      const [host, port] = address!.split(':');
      expect(servicePorts(host)).toContain(Number(port));
    }
    if (name === 'gateway') {
      for (const subgraph of SERVICE_NAMES) {
        const url = new URL(env[`${subgraph.toUpperCase()}_URL`]?.value ?? 'invalid:');
        expect(url.pathname).toBe('/graphql');
        expect(servicePorts(url.hostname)).toContain(Number(url.port));
        expect(url.hostname).toBe(subgraph);
      }
    }
  });

  describe('gRPC mutual TLS from the optional Secret membergraph-grpc-tls', () => {
    // Where the entrypoint looks for the certificate unless GRPC_TLS_DIR says otherwise.
    const tlsDir = /GRPC_TLS_DIR="\$\{GRPC_TLS_DIR:-([^}]+)\}"/.exec(read(join(deployDir, 'entrypoint.sh')))?.[1];
    const pods = [
      ...ofKind('Deployment').map((d) => ({ name: d.metadata.name, pod: d.spec.template.spec })),
      ...ofKind('CronJob').map((c) => ({ name: c.metadata.name, pod: c.spec.jobTemplate.spec.template.spec })),
    ];

    it.each(pods.map((p) => [p.name, p.pod]))('%s mounts it read-only where the entrypoint looks, and starts without it', (_, pod) => {
      expect(tlsDir).toBeDefined();
      const volume = (pod.volumes ?? []).find((v: any) => v.secret?.secretName === 'membergraph-grpc-tls');
      expect(volume?.secret.optional).toBe(true);
      for (const container of pod.containers) {
        const mount = (container.volumeMounts ?? []).find((m: any) => m.name === volume?.name);
        expect(mount).toEqual({ name: volume.name, mountPath: tlsDir, readOnly: true });
      }
    });
  });

  describe('the scheduled jobs as CronJobs', () => {
    const JOBS = {
      'points-expiry': 'expire-points',
      'tier-reevaluation': 'reevaluate-tiers',
      'birthday-benefits': 'birthday-benefits',
    } as const;
    const programmeOffset = Number(sourceData(named('ConfigMap', 'membergraph-config')!).PROGRAMME_UTC_OFFSET_MINUTES ?? 480);
    /** Minutes east of UTC of an IANA zone at an instant (January and July: a zone with summer time would differ). */
    const offsetOf = (timeZone: string, at: Date): number => {
      const local = new Date(at.toLocaleString('en-US', { timeZone }));
      const utc = new Date(at.toLocaleString('en-US', { timeZone: 'UTC' }));
      return Math.round((local.getTime() - utc.getTime()) / 60_000);
    };

    it.each(Object.entries(JOBS))(
      "%s runs SERVICE=%s from the services' image, in the programme time zone, one run at a time",
      (name, service) => {
        const cron = named('CronJob', name);
        expect(cron).toBeDefined();
        expect(cron!.apiVersion).toBe('batch/v1');
        expect(cron!.spec.schedule).toMatch(/^(\S+\s+){4}\S+$/);
        for (const at of [new Date('2026-01-15T00:00:00Z'), new Date('2026-07-15T00:00:00Z')])
          expect(offsetOf(cron!.spec.timeZone, at)).toBe(programmeOffset);
        expect(cron!.spec.concurrencyPolicy).toBe('Forbid');
        const pod = cron!.spec.jobTemplate.spec.template.spec;
        expect(pod.restartPolicy).toMatch(/^(OnFailure|Never)$/);
        expect(pod.securityContext.runAsNonRoot).toBe(true);
        const [container] = pod.containers;
        const points = containersOf(deployment('points'))[0];
        expect(container.image).toBe(points.image);
        expect(container.envFrom).toEqual(points.envFrom);
        const env = containerEnv(container);
        expect(env.SERVICE?.value).toBe(service);
        expect(env.DATABASE_URL?.from).toBe('Secret');
        expect(env.MEMBER_GRPC_ADDRESS?.value).toBe(`member:${DEFAULT_PORTS.member.grpc}`);
        expect(cpuCores(container.resources.requests.cpu)).toBeLessThanOrEqual(cpuCores(container.resources.limits.cpu));
        expect(memoryBytes(container.resources.requests.memory)).toBeLessThanOrEqual(memoryBytes(container.resources.limits.memory));
        // The entrypoint knows the job and runs a script that exists.
        const script = read(join(deployDir, 'entrypoint.sh'));
        const line = script.split('\n').find((l) => l.trim().startsWith(`${service})`));
        const entry = /exec node (\S+)/.exec(line ?? '')?.[1];
        expect(entry).toMatch(/^\/app\/dist\//);
        expect(existsSync(join(repoRoot, entry!.replace(/^\/app\/dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
      },
    );
  });

  describe('the risk model jobs as CronJobs', () => {
    const JOBS = { 'risk-model-evaluation': 'evaluate-risk-models', 'risk-model-retrain': 'retrain-risk-models' } as const;

    it.each(Object.entries(JOBS))(
      '%s runs SERVICE=%s from the risk image, one run at a time, with points and campaign to read from',
      (name, service) => {
        const cron = named('CronJob', name);
        expect(cron?.apiVersion).toBe('batch/v1');
        expect(cron!.spec.concurrencyPolicy).toBe('Forbid');
        const [container] = cron!.spec.jobTemplate.spec.template.spec.containers;
        const risk = containersOf(deployment('risk'))[0];
        expect(container.image).toBe(risk.image);
        expect(container.envFrom).toEqual(risk.envFrom);
        const env = containerEnv(container);
        expect(env.SERVICE?.value).toBe(service);
        expect(env.POINTS_GRPC_ADDRESS?.value).toBe(`points:${DEFAULT_PORTS.points.grpc}`);
        expect(env.CAMPAIGN_GRPC_ADDRESS?.value).toBe(`campaign:${DEFAULT_PORTS.campaign.grpc}`);
        const script = read(join(deployDir, 'entrypoint.sh'));
        const line = script.split('\n').find((l) => l.trim().startsWith(`${service})`));
        const entry = /exec node (\S+)/.exec(line ?? '')?.[1];
        expect(existsSync(join(repoRoot, entry!.replace(/^\/app\/dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
      },
    );

    it('evaluates monthly and retrains quarterly', () => {
      expect(named('CronJob', 'risk-model-evaluation')!.spec.schedule.split(/\s+/).slice(2)).toEqual(['2', '*', '*']);
      expect(named('CronJob', 'risk-model-retrain')!.spec.schedule.split(/\s+/).slice(2)).toEqual(['1', '1,4,7,10', '*']);
    });
  });

  it('an autoscaling/v2 HPA scales the gateway Deployment on CPU, which the gateway requests', () => {
    const hpa = ofKind('HorizontalPodAutoscaler').find((d) => d.spec.scaleTargetRef?.name === 'gateway');
    expect(hpa?.apiVersion).toBe('autoscaling/v2');
    expect(hpa!.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    expect(hpa!.spec.minReplicas).toBeGreaterThanOrEqual(1);
    expect(hpa!.spec.maxReplicas).toBeGreaterThan(hpa!.spec.minReplicas);
    const cpu = hpa!.spec.metrics.find((m: any) => m.type === 'Resource' && m.resource.name === 'cpu');
    expect(cpu?.resource.target.averageUtilization).toBeGreaterThan(0);
    for (const container of containersOf(deployment('gateway'))) expect(container.resources.requests.cpu).toBeDefined();
    // A fixed replica count would fight the HPA on every `kubectl apply`.
    expect(deployment('gateway').spec.replicas).toBeUndefined();
  });
});

// ---------------------------------------------------------------- docker-compose

/** Compose's `${VAR:-default}` interpolation with nothing set: every variable takes its default. */
const interpolate = (value: string): string =>
  value.replace(/\$\{[A-Z0-9_]+(?::?-([^}]*))?\}/g, (_m, fallback: string | undefined) => fallback ?? '');

describe('deploy/docker-compose.yml', () => {
  // Compose understands YAML merge keys (`<<: *anchor`); js-yaml 5 needs them enabled explicitly.
  const compose = load(read(join(deployDir, 'docker-compose.yml')), { schema: CORE_SCHEMA.withTags(mergeTag) }) as {
    services: Record<string, any>;
  };
  const services = compose.services;
  const envOf = (name: string): Record<string, string> => {
    const environment = services[name].environment ?? {};
    const entries: Array<[string, string]> = Array.isArray(environment)
      ? environment.map((e: string) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)])
      : Object.entries(environment).map(([k, v]) => [k, String(v)]);
    return Object.fromEntries(entries.map(([k, v]) => [k, interpolate(v)]));
  };
  const healthTest = (name: string): string => {
    const test = services[name].healthcheck?.test;
    return Array.isArray(test) ? test.join(' ') : String(test ?? '');
  };

  it('runs MySQL 8 and the six processes, each with a healthcheck', () => {
    expect(Object.keys(services).sort()).toEqual([...PROCESSES, 'mysql'].sort());
    expect(services.mysql.image).toMatch(/^mysql:8/);
    for (const name of Object.keys(services)) expect(healthTest(name)).not.toBe('');
  });

  it.each(PROCESSES)('%s builds deploy/Dockerfile from the repo root and runs as its SERVICE in production', (name) => {
    const service = services[name];
    expect(resolve(deployDir, service.build.context)).toBe(repoRoot);
    expect(existsSync(join(resolve(deployDir, service.build.context), service.build.dockerfile))).toBe(true);
    expect(resolve(deployDir, service.build.context, service.build.dockerfile)).toBe(join(deployDir, 'Dockerfile'));
    const env = envOf(name);
    expect(env.SERVICE).toBe(name);
    expect(env.NODE_ENV).toBe('production');
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.IDENTITY_SIGNING_SECRET.length).toBeGreaterThanOrEqual(16);
    if (name !== 'gateway') {
      const database = new URL(env.DATABASE_URL);
      expect(database.protocol).toBe('mysql:');
      expect(database.hostname).toBe('mysql');
    }
  });

  it('every process shares one IDENTITY_SIGNING_SECRET', () => {
    expect(new Set(PROCESSES.map((name) => envOf(name).IDENTITY_SIGNING_SECRET)).size).toBe(1);
  });

  it.each(PROCESSES)("%s's healthcheck asks /readyz on its own HTTP port", (name) => {
    const env = envOf(name);
    const portVariable = name === 'gateway' ? 'GATEWAY_PORT' : `${name.toUpperCase()}_HTTP_PORT`;
    if (env[portVariable] !== undefined) expect(Number(env[portVariable])).toBe(httpPort(name));
    expect(healthTest(name)).toContain(`127.0.0.1:${httpPort(name)}/readyz`);
  });

  it('depends_on waits for healthy services that exist: subgraphs on MySQL, the gateway on every subgraph', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, options] of Object.entries((service.depends_on ?? {}) as Record<string, { condition: string }>)) {
        expect(Object.keys(services)).toContain(dependency);
        expect(`${name} -> ${dependency}: ${options.condition}`).toBe(`${name} -> ${dependency}: service_healthy`);
      }
    }
    for (const name of SERVICE_NAMES) expect(Object.keys(services[name].depends_on)).toContain('mysql');
    expect(Object.keys(services.gateway.depends_on).sort()).toEqual([...SERVICE_NAMES].sort());
  });

  it('wires gRPC peers and the gateway subgraph URLs to compose services on their ports; publishes the gateway on 4000', () => {
    for (const [name, peers] of Object.entries(PEERS)) {
      for (const peer of peers) {
        expect(envOf(name)[`${peer.toUpperCase()}_GRPC_ADDRESS`]).toBe(`${peer}:${DEFAULT_PORTS[peer as keyof typeof DEFAULT_PORTS].grpc}`);
      }
    }
    for (const subgraph of SERVICE_NAMES) {
      expect(envOf('gateway')[`${subgraph.toUpperCase()}_URL`]).toBe(`http://${subgraph}:${DEFAULT_PORTS[subgraph].http}/graphql`);
    }
    const published = (services.gateway.ports ?? []).map((p: any) => (typeof p === 'object' ? `${p.published}:${p.target}` : String(p)));
    expect(published.some((p: string) => /(^|:)4000:4000$/.test(p))).toBe(true);
  });

  it('gives the member service PII keys the kit accepts in production, and every subgraph the same service token', () => {
    const env = envOf('member');
    expect(() => readPiiCipher({ NODE_ENV: 'production', ...env })).not.toThrow();
    const tokens = new Set(SERVICE_NAMES.map((name) => envOf(name).SERVICE_TOKEN));
    expect(tokens.size).toBe(1);
    expect([...tokens][0].length).toBeGreaterThanOrEqual(16);
  });
});

// ---------------------------------------------------------------- Dockerfile and entrypoint

describe('deploy/Dockerfile and deploy/entrypoint.sh', () => {
  /** Instructions with line continuations joined and comments dropped. */
  const instructions = read(join(deployDir, 'Dockerfile'))
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: string[][] = [];
  for (const line of instructions) {
    if (/^FROM\s/i.test(line)) stages.push([line]);
    else stages.at(-1)?.push(line);
  }
  const runtime = stages.at(-1) ?? [];
  const [build] = stages;

  it('has a build stage and a runtime stage on node:20-bookworm-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0]).toMatch(/^FROM\s+node:20-bookworm-slim\b/);
    const buildText = build.join('\n');
    for (const tool of ['python3', 'make', 'g++', 'npm ci', 'npm run build', 'npm prune --omit=dev']) expect(buildText).toContain(tool);
  });

  it('the runtime stage copies node_modules, dist, proto, schemas and package.json from the build, and runs as non-root on 0.0.0.0', () => {
    const copied = runtime.filter((l) => /^COPY\s+--from=/i.test(l)).map((l) => l.split(/\s+/).at(-2)!);
    for (const path of ['node_modules', 'dist', 'proto', 'schemas', 'package.json']) {
      expect(copied.some((source) => source.endsWith(`/${path}`))).toBe(true);
    }
    const users = runtime.filter((l) => /^USER\s/i.test(l)).map((l) => l.split(/\s+/)[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0']).not.toContain(users.at(-1));
    expect(runtime.some((l) => /^ENV\s.*\bHOST=0\.0\.0\.0\b/i.test(l))).toBe(true);
    expect(runtime.some((l) => /^(ARG|ENV)\s+SERVICE\b/i.test(l))).toBe(true);
  });

  it('uses an exec-form ENTRYPOINT, so SIGTERM reaches the process', () => {
    const entrypoint = runtime.filter((l) => /^ENTRYPOINT\s/i.test(l)).at(-1);
    expect(entrypoint).toBeDefined();
    expect(() => JSON.parse(entrypoint!.replace(/^ENTRYPOINT\s+/i, ''))).not.toThrow();
  });

  it('every COPY from the build context names paths that exist in the repository root', () => {
    const sources = stages
      .flat()
      .filter((l) => /^COPY\s/i.test(l) && !/--from=/i.test(l))
      .flatMap((l) => l.split(/\s+/).filter((w, i, words) => i > 0 && i < words.length - 1 && !w.startsWith('--')));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(`${source}: ${existsSync(join(repoRoot, source))}`).toBe(`${source}: true`);
  });

  describe('entrypoint.sh', () => {
    const script = join(deployDir, 'entrypoint.sh');
    let bin: string;
    beforeAll(() => {
      // A stand-in `node` that prints what it was asked to run.
      bin = mkdtempSync(join(tmpdir(), 'membergraph-entrypoint-'));
      writeFileSync(join(bin, 'node'), '#!/bin/sh\necho "$@"\n');
      chmodSync(join(bin, 'node'), 0o755);
    });
    afterAll(() => rmSync(bin, { recursive: true, force: true }));
    const run = (service: string) =>
      spawnSync('sh', [script, '--flag'], { env: { PATH: `${bin}:/usr/bin:/bin`, SERVICE: service }, encoding: 'utf8' });

    it.each(PROCESSES)('SERVICE=%s execs node on the built entry of that process', (name) => {
      const result = run(name);
      expect(result.status).toBe(0);
      const [entry, ...args] = result.stdout.trim().split(/\s+/);
      expect(entry).toBe(name === 'gateway' ? '/app/dist/gateway/src/index.js' : `/app/dist/services/${name}/src/index.js`);
      expect(args).toEqual(['--flag']);
      // The source it is compiled from exists (dist/ mirrors the repository under /app).
      expect(existsSync(join(repoRoot, entry.replace(/^\/app\/dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    });

    describe('gRPC TLS from a mounted certificate', () => {
      let dir: string;
      beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'membergraph-grpc-tls-'))));
      afterEach(() => rmSync(dir, { recursive: true, force: true }));
      /** The GRPC_TLS_* variables node starts with (a stand-in `node` that prints them). */
      const tlsEnv = (extra: Record<string, string> = {}) => {
        const printing = join(dir, 'bin');
        mkdirSync(printing);
        writeFileSync(join(printing, 'node'), '#!/bin/sh\necho "$GRPC_TLS_CA|$GRPC_TLS_CERT|$GRPC_TLS_KEY"\n');
        chmodSync(join(printing, 'node'), 0o755);
        const result = spawnSync('sh', [script], {
          env: { PATH: `${printing}:/usr/bin:/bin`, SERVICE: 'points', GRPC_TLS_DIR: join(dir, 'tls'), ...extra },
          encoding: 'utf8',
        });
        expect(result.status).toBe(0);
        return result.stdout.trim();
      };
      const mount = (...files: string[]) => {
        mkdirSync(join(dir, 'tls'));
        for (const file of files) writeFileSync(join(dir, 'tls', file), 'pem');
      };

      it('no certificate mounted: plaintext (no variable set)', () => {
        expect(tlsEnv()).toBe('||');
      });

      it('a mounted certificate sets all three paths', () => {
        mount('ca.crt', 'tls.crt', 'tls.key');
        const tls = join(dir, 'tls');
        expect(tlsEnv()).toBe(`${tls}/ca.crt|${tls}/tls.crt|${tls}/tls.key`);
      });

      it('a partial mount still sets all three, so the start fails on the missing file instead of running in plaintext', () => {
        mount('tls.crt');
        const tls = join(dir, 'tls');
        expect(tlsEnv()).toBe(`${tls}/ca.crt|${tls}/tls.crt|${tls}/tls.key`);
      });

      it('variables set explicitly win over the mount', () => {
        mount('ca.crt', 'tls.crt', 'tls.key');
        expect(tlsEnv({ GRPC_TLS_CA: '/a', GRPC_TLS_CERT: '/b', GRPC_TLS_KEY: '/c' })).toBe('/a|/b|/c');
      });
    });

    it('refuses an unknown SERVICE', () => {
      const result = run('nope');
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('SERVICE must be');
    });
  });
});
