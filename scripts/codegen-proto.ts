/**
 * Generates TypeScript types for proto/*.proto into proto/gen/ with @grpc/proto-loader's
 * proto-loader-gen-types. The output is committed; `--check` fails when it is out of date.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');
const protoDir = join(root, 'proto');

export function generate(outDir: string): void {
  const protos = readdirSync(protoDir).filter((f) => f.endsWith('.proto'));
  execFileSync(
    join(root, 'node_modules', '.bin', 'proto-loader-gen-types'),
    // -I takes a list, so it goes last or it swallows the file names.
    [
      ...protos,
      '--longs=String',
      '--enums=String',
      '--defaults',
      '--oneofs',
      '--includeComments',
      '--grpcLib=@grpc/grpc-js',
      `--outDir=${outDir}`,
      '-I',
      protoDir,
    ],
    { stdio: 'inherit' },
  );
  // The generator writes each proto's absolute path into a comment; keep the output machine-independent.
  for (const file of files(outDir)) {
    writeFileSync(file, readFileSync(file, 'utf8').split(`${protoDir}/`).join('proto/'));
  }
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Paths whose generated content differs from what is committed in proto/gen. */
export function staleGeneratedFiles(): string[] {
  const fresh = mkdtempSync(join(tmpdir(), 'proto-gen-'));
  try {
    generate(fresh);
    const committed = join(protoDir, 'gen');
    const want = new Map(files(fresh).map((f) => [relative(fresh, f), readFileSync(f, 'utf8')]));
    const have = new Map(files(committed).map((f) => [relative(committed, f), readFileSync(f, 'utf8')]));
    const names = new Set([...want.keys(), ...have.keys()]);
    return [...names].filter((name) => want.get(name) !== have.get(name)).sort();
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

if (process.argv[1] === __filename) {
  if (process.argv.includes('--check')) {
    const stale = staleGeneratedFiles();
    if (stale.length) {
      console.error(`proto/gen is stale; run npm run codegen:proto. Differs: ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('proto/gen is current');
  } else {
    rmSync(join(protoDir, 'gen'), { recursive: true, force: true });
    generate(join(protoDir, 'gen'));
  }
}
