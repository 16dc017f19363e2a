import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, loadAll } from 'js-yaml';

const deploy = join(__dirname, '..');
const PROCESSES = ['gateway', 'member', 'points', 'benefits', 'campaign', 'risk'];

type Doc = { kind: string; metadata: { name: string }; spec: any; data?: Record<string, string>; stringData?: Record<string, string> };

const docs: Doc[] = readdirSync(join(deploy, 'k8s'))
  .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
  .flatMap((f) => loadAll(readFileSync(join(deploy, 'k8s', f), 'utf8')) as Doc[])
  .filter(Boolean);
const ofKind = (kind: string) => docs.filter((d) => d.kind === kind);

describe('Kubernetes manifests', () => {
  it.each(PROCESSES)('%s has a Deployment and a Service', (name) => {
    expect(ofKind('Deployment').map((d) => d.metadata.name)).toContain(name);
    expect(ofKind('Service').map((d) => d.metadata.name)).toContain(name);
  });

  it.each(PROCESSES)('every container of %s has /readyz and /healthz probes on a declared port, and requests and limits', (name) => {
    const deployment = ofKind('Deployment').find((d) => d.metadata.name === name)!;
    for (const container of deployment.spec.template.spec.containers) {
      const ports = container.ports.flatMap((p: { name: string; containerPort: number }) => [p.name, p.containerPort]);
      expect(container.readinessProbe.httpGet.path).toBe('/readyz');
      expect(container.livenessProbe.httpGet.path).toBe('/healthz');
      expect(ports).toContain(container.readinessProbe.httpGet.port);
      expect(ports).toContain(container.livenessProbe.httpGet.port);
      for (const bound of ['requests', 'limits']) {
        expect(container.resources[bound].cpu).toBeTruthy();
        expect(container.resources[bound].memory).toBeTruthy();
      }
      expect(container.env).toContainEqual({ name: 'SERVICE', value: name });
    }
  });

  it('every Service selects pods that a Deployment labels', () => {
    for (const service of ofKind('Service')) {
      const deployment = ofKind('Deployment').find((d) => d.metadata.name === service.metadata.name)!;
      expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    }
  });

  it('Deployments refer only to ConfigMaps and Secrets that exist', () => {
    const configMaps = ofKind('ConfigMap').map((d) => d.metadata.name);
    const secrets = ofKind('Secret').map((d) => d.metadata.name);
    for (const deployment of ofKind('Deployment')) {
      for (const container of deployment.spec.template.spec.containers) {
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef) expect(configMaps).toContain(source.configMapRef.name);
          if (source.secretRef) expect(secrets).toContain(source.secretRef.name);
        }
      }
    }
  });

  it('an HPA scales the gateway Deployment', () => {
    const hpa = ofKind('HorizontalPodAutoscaler').find((d) => d.spec.scaleTargetRef.name === 'gateway');
    expect(hpa?.spec.scaleTargetRef.kind).toBe('Deployment');
    expect(hpa?.spec.maxReplicas).toBeGreaterThan(hpa?.spec.minReplicas);
  });

  it('the kustomization lists every manifest file', () => {
    const kustomization = load(readFileSync(join(deploy, 'k8s', 'kustomization.yaml'), 'utf8')) as { resources: string[] };
    const files = readdirSync(join(deploy, 'k8s')).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });
});

describe('docker-compose.yml and Dockerfile', () => {
  const compose = load(readFileSync(join(deploy, 'docker-compose.yml'), 'utf8')) as { services: Record<string, any> };

  it('runs MySQL and the six processes, each process with a healthcheck and its SERVICE', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...PROCESSES, 'mysql'].sort());
    for (const name of PROCESSES) {
      expect(compose.services[name].healthcheck.test.join(' ')).toContain('/readyz');
      expect(compose.services[name].environment.SERVICE).toBe(name);
    }
  });

  it('the Dockerfile is multi-stage and its entrypoint knows every process', () => {
    const dockerfile = readFileSync(join(deploy, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const entrypoint = readFileSync(join(deploy, 'entrypoint.sh'), 'utf8');
    for (const name of PROCESSES) expect(entrypoint).toContain(name);
  });
});
