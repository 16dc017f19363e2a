import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../chromium';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'membergraph-chromium-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeBinary(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, and refuses one that names nothing', async () => {
    fakeBinary('chromium');
    expect(await findChromium({ CHROMIUM_PATH: fakeBinary('my-chrome'), PATH: dir })).toMatchObject({
      executablePath: join(dir, 'my-chrome'),
      source: 'CHROMIUM_PATH',
    });
    await expect(findChromium({ CHROMIUM_PATH: join(dir, 'missing'), PATH: dir })).rejects.toThrow(
      `CHROMIUM_PATH=${join(dir, 'missing')}: no such file`,
    );
  });

  it.each(['chromium', 'chromium-browser', 'google-chrome'])('takes a system %s on PATH next', async (name) => {
    const path = fakeBinary(name);
    expect(await findChromium({ PATH: `${join(dir, 'empty')}:${dir}` })).toEqual({
      executablePath: path,
      args: expect.arrayContaining(['--no-sandbox']),
      source: 'system',
    });
  });
  // The fallback, the Chromium inside @sparticuz/chromium, is what the playground e2e test runs on a
  // machine without one; not unpacked here too, so two test workers never unpack it at once.
});
