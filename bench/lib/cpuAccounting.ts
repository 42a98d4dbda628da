import { readdirSync, readFileSync } from 'node:fs';

/** The processes of one stack, by role; everything else on the machine is "other". */
export interface StackProcesses {
  api: number;
  worker: number;
  /** The bare-start baseline's worker: counted as the worker, since it does that phase's worker's job. */
  noopWorker: number;
  /** The embedded PostgreSQL's postmaster: its backends are its children. */
  postmaster: number;
}

export type CpuByRole = Record<'api' | 'worker' | 'temporal' | 'postgres' | 'bench' | 'other', number>;

interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  cpuMs: number;
  /** CPU of its children that have exited (and were waited for). */
  exitedChildrenCpuMs: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 4 (ppid), 14 and 15 (utime, stime), 16 and 17 (cutime, cstime: exited children),
    // in clock ticks of 10 ms.
    return {
      pid,
      comm,
      ppid: Number(fields[1]),
      cpuMs: (Number(fields[11]) + Number(fields[12])) * 10,
      exitedChildrenCpuMs: (Number(fields[13]) + Number(fields[14])) * 10,
    };
  } catch {
    return undefined; // the process ended between the listing and the read
  }
}

/** CPU time used so far by every process on the machine, grouped by the stack's roles. */
export function cpuByRole(stack: StackProcesses): CpuByRole {
  const totals: CpuByRole = { api: 0, worker: 0, temporal: 0, postgres: 0, bench: 0, other: 0 };
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const p = readStat(Number(entry));
    if (!p) continue;
    const role: keyof CpuByRole =
      p.pid === stack.api
        ? 'api'
        : p.pid === stack.worker || p.pid === stack.noopWorker
          ? 'worker'
          : p.pid === process.pid
            ? 'bench'
            : p.pid === stack.postmaster || p.ppid === stack.postmaster
              ? 'postgres'
              : p.comm === 'temporal'
                ? 'temporal'
                : 'other';
    totals[role] += p.cpuMs;
    // PostgreSQL starts a process per connection: a backend that has ended (a pool closing an
    // idle connection) leaves its CPU time with the postmaster.
    if (p.pid === stack.postmaster) totals.postgres += p.exitedChildrenCpuMs;
  }
  return totals;
}

/** CPU milliseconds per operation of each role between two readings. */
export function cpuPerOperation(before: CpuByRole, after: CpuByRole, operations: number): CpuByRole {
  const per = {} as CpuByRole;
  for (const role of Object.keys(before) as (keyof CpuByRole)[])
    per[role] = (after[role] - before[role]) / Math.max(1, operations);
  return per;
}

/** Cores each role used on average between two readings `elapsedMs` apart. */
export function coresUsed(before: CpuByRole, after: CpuByRole, elapsedMs: number): CpuByRole {
  return cpuPerOperation(before, after, elapsedMs);
}

/**
 * Resolves once the stack's processes (all but the load generator and the rest of the machine)
 * used less than `idleShare` of one core over two readings `intervalMs` apart: the work a phase
 * queued (workflow tasks, outbox rounds, the server's own bookkeeping) is done, and is charged to
 * that phase. Fails after `timeoutMs` rather than measuring the next phase on a busy machine.
 */
export async function untilStackQuiet(
  stack: StackProcesses,
  options: { intervalMs?: number; idleShare?: number; timeoutMs?: number } = {},
): Promise<void> {
  // The threshold sits well above an idle stack (profilers from BENCH_PROFILE_DIR included) and
  // far below a stack working off a backlog, which uses both cores.
  const { intervalMs = 500, idleShare = 0.25, timeoutMs = 120_000 } = options;
  const busy = (c: CpuByRole) => c.api + c.worker + c.temporal + c.postgres;
  const deadline = Date.now() + timeoutMs;
  let previous = busy(cpuByRole(stack));
  let quietReadings = 0;
  while (quietReadings < 2) {
    if (Date.now() > deadline)
      throw new Error(`the stack was still busy ${timeoutMs / 1000} s after the phase`);
    await new Promise((r) => setTimeout(r, intervalMs));
    const now = busy(cpuByRole(stack));
    quietReadings = now - previous < intervalMs * idleShare ? quietReadings + 1 : 0;
    previous = now;
  }
}
