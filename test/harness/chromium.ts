import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import sparticuzChromium from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/** Names a distribution gives its Chromium on PATH (Debian, Ubuntu, Google's build). */
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** Flags for a system Chromium in a container: no sandbox (often root), nothing phoning home. */
const SYSTEM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A Chromium binary and the flags it wants. */
export interface ChromiumBinary {
  executablePath: string;
  args: string[];
  /** Environment for the browser process (the bundled Chromium's own libraries). */
  env?: Record<string, string>;
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

/**
 * Finds a Chromium to drive with playwright-core, so the browser tests run on a fresh machine
 * with nothing installed by hand: `CHROMIUM_PATH` when set (an error if it names nothing, since
 * the person asked for that one), else the system's Chromium on PATH, else the headless shell
 * that ships inside the `@sparticuz/chromium` npm package (unpacked to the temp dir on first use).
 */
export async function findChromium(env: Record<string, string | undefined> = process.env): Promise<ChromiumBinary> {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured}: no such file`);
    return { executablePath: configured, args: SYSTEM_ARGS, source: 'CHROMIUM_PATH' };
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of SYSTEM_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return { executablePath: candidate, args: SYSTEM_ARGS, source: 'system' };
    }
  }
  return {
    executablePath: await sparticuzChromium.executablePath(),
    args: sparticuzChromium.args,
    env: {
      LD_LIBRARY_PATH: unpackBundledLibraries(),
      FONTCONFIG_PATH: join(tmpdir(), 'fonts'),
    },
    source: '@sparticuz/chromium',
  };
}

/**
 * The bundled Chromium links against NSS and expat, which a slim Debian image does not have. The
 * package carries them (built for Amazon Linux 2023, glibc 2.34) but unpacks them only on AWS, so
 * we unpack them where it would and always use them: the same binary and libraries everywhere.
 */
function unpackBundledLibraries(): string {
  const dir = join(tmpdir(), 'al2023');
  const lib = join(dir, 'lib');
  if (!existsSync(join(lib, 'libnss3.so'))) {
    const bin = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'bin');
    mkdirSync(dir, { recursive: true });
    // tar is part of every Debian (Essential); Node has brotli but no tar reader.
    execFileSync('tar', ['-x', '-C', dir], { input: brotliDecompressSync(readFileSync(join(bin, 'al2023.tar.br'))) });
  }
  return lib;
}

/** Launches headless Chromium ({@link findChromium}) under playwright-core. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args, env } = await findChromium();
  return chromium.launch({ executablePath, args, env: env && { ...process.env, ...env } });
}
