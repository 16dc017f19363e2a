import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  dir: string;
  /** GRPC_TLS_* for the services: our CA and one certificate for 127.0.0.1 and localhost, for server and client use. */
  env: Record<'GRPC_TLS_CA' | 'GRPC_TLS_CERT' | 'GRPC_TLS_KEY', string>;
  /** A certificate and key of the same shape signed by a CA the services do not know. */
  stranger: { ca: string; cert: string; key: string };
  cleanup(): void;
}

const openssl = (dir: string, ...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** A CA and a certificate it signed, both EC P-256, valid for a day. */
function issue(dir: string, name: string): void {
  openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '1',
    '-subj',
    `/CN=${name} test CA`,
    '-keyout',
    `${name}-ca.key`,
    '-out',
    `${name}-ca.pem`,
  );
  openssl(
    dir,
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-subj',
    `/CN=${name} service`,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
  );
  writeFileSync(
    join(dir, `${name}.ext`),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n',
  );
  openssl(
    dir,
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${name}-ca.pem`,
    '-CAkey',
    `${name}-ca.key`,
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.pem`,
  );
}

/** Makes a throw-away PKI with openssl in a temporary folder: ours, and a stranger's. */
export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'membergraph-pki-'));
  issue(dir, 'ours');
  issue(dir, 'stranger');
  return {
    dir,
    env: { GRPC_TLS_CA: join(dir, 'ours-ca.pem'), GRPC_TLS_CERT: join(dir, 'ours.pem'), GRPC_TLS_KEY: join(dir, 'ours.key') },
    stranger: { ca: join(dir, 'stranger-ca.pem'), cert: join(dir, 'stranger.pem'), key: join(dir, 'stranger.key') },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
