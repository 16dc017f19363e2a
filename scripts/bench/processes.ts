/**
 * CPU time and memory of a process from /proc (Linux), so each server's cost is its own: the
 * gateways, the subgraphs' process and the database server are measured apart.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function procStat(pid: number): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** CPU milliseconds (user + system) the process has used so far: fields 14 and 15 of /proc/<pid>/stat. */
export function processCpuMs(pid: number): number {
  const stat = procStat(pid);
  return ((Number(stat[11]) + Number(stat[12])) * 1000) / TICKS_PER_SECOND;
}

/** The most resident memory the process has had so far (VmHWM, its high-water mark), in MiB. */
export function processPeakRssMiB(pid: number): number {
  const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib ?? 0) / 1024;
}

/** The local MySQL/MariaDB server's pid when the database is on this machine, to bill its CPU too. */
export function localDatabasePid(databaseUrl: string | undefined): number | undefined {
  if (!databaseUrl || !/@(127\.0\.0\.1|localhost)[:/]/.test(databaseUrl)) return undefined;
  try {
    const pid = Number(execFileSync('pidof', ['-s', 'mariadbd', 'mysqld'], { encoding: 'utf8' }).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
