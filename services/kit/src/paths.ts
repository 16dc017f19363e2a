import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/**
 * The repository root, found from this file's location (not the working directory), so SDL and
 * protos resolve the same from sources, from dist/ and from any cwd.
 */
export function repoPath(...parts: string[]): string {
  if (!root) {
    let dir = __dirname;
    while (!existsSync(join(dir, 'proto')) || !existsSync(join(dir, 'schemas'))) {
      const parent = dirname(dir);
      if (parent === dir) throw new Error(`cannot find the repository root above ${__dirname}`);
      dir = parent;
    }
    root = dir;
  }
  return join(root, ...parts);
}
