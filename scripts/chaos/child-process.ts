/**
 * One service or gateway process the chaos harness can SIGKILL and start again on the same port and
 * database: spawned from source with scripts/run-ts.js (as scripts/bench/peers.ts spawns a gateway),
 * ready when it logs "<name> started" (the line runUntilSignal's servers print once they listen).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { epochMs } from './clock';

export type Env = Record<string, string | undefined>;

/** A pino log line, as far as the harness reads it. */
export interface LogLine {
  msg?: string;
  httpUrl?: string;
  url?: string;
  [field: string]: unknown;
}

const root = join(__dirname, '..', '..');
/** Enough of a process's output to say why it failed to start, without keeping a whole run's logs. */
const KEPT_LINES = 200;

const alive = new Set<ChildProcess>();
// However the harness ends (an exception, process.exit), no child it started outlives it.
process.on('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

export class ChaosProcess {
  private child: ChildProcess | undefined;
  private readonly output: string[] = [];
  private readonly listeners = new Set<(line: LogLine) => void>();
  /** Where it listens (the subgraph's or the gateway's /graphql URL), once started. */
  url = '';

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: Env,
    /** Node's own options for the process, e.g. `--cpu-prof` (the benchmark's profiler). */
    private readonly nodeArgs: readonly string[] = [],
  ) {}

  /** The running process's id (undefined before start). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns the process; resolves with the time it reported listening. */
  start(timeoutMs = 90_000): Promise<{ readyAt: number }> {
    if (this.running) throw new Error(`${this.name} is already running`);
    const child = spawn(process.execPath, [...this.nodeArgs, join(root, 'scripts', 'run-ts.js'), join(root, this.entry)], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    alive.add(child);
    child.once('exit', () => alive.delete(child));
    // Both streams are always drained: a child blocked on a full pipe would look like a hung service.
    createInterface({ input: child.stdout! }).on('line', (text) => this.onLine(text));
    createInterface({ input: child.stderr! }).on('line', (text) => this.keep(text));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`${this.name} did not start within ${timeoutMs} ms`)), timeoutMs);
      const onReady = (line: LogLine) => {
        if (line.msg !== `${this.name} started`) return;
        this.url = String(line.httpUrl ?? line.url);
        done();
        resolve({ readyAt: epochMs() });
      };
      const onExit = (code: number | null, signal: string | null) =>
        fail(new Error(`${this.name} exited (${signal ?? code}) before it listened:\n${this.recentOutput()}`));
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(onReady);
        child.off('exit', onExit);
      };
      const fail = (error: Error) => {
        done();
        child.kill('SIGKILL');
        reject(error);
      };
      this.listeners.add(onReady);
      child.once('exit', onExit);
    });
  }

  /** SIGKILL: no drain, no clean close of the database. Resolves with the time the process was gone. */
  kill(): Promise<number> {
    return this.signal('SIGKILL');
  }

  /**
   * SIGSTOP: the process hangs with its sockets open — the kernel still accepts connections and
   * takes requests, nobody answers them. `resume()` (SIGCONT) lets it carry on where it stopped.
   */
  pause(): void {
    if (this.running) this.child!.kill('SIGSTOP');
  }

  resume(): void {
    if (this.running) this.child!.kill('SIGCONT');
  }

  /** The clean stop (SIGTERM: drain, close the database), SIGKILL if it takes longer than `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    await this.signal('SIGTERM');
    clearTimeout(timer);
  }

  /** Calls `listener` with every JSON log line the process writes from now on; returns the unsubscribe. */
  onLog(listener: (line: LogLine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The last lines the process wrote (stdout and stderr), for a failure message. */
  recentOutput(): string {
    return this.output.join('\n');
  }

  private signal(signal: NodeJS.Signals): Promise<number> {
    const child = this.child;
    if (!child || !this.running) return Promise.resolve(epochMs());
    return new Promise((resolve) => {
      child.once('exit', () => resolve(epochMs()));
      child.kill(signal);
    });
  }

  private onLine(text: string): void {
    this.keep(text);
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      return; // not a log line (e.g. a warning printed by Node)
    }
    for (const listener of [...this.listeners]) listener(line);
  }

  private keep(text: string): void {
    this.output.push(text);
    if (this.output.length > KEPT_LINES) this.output.shift();
  }
}
