import { readdirSync, readFileSync } from 'node:fs';

/**
 * A process of the stack, named for the report. Its CPU time is counted with that of all its
 * descendants (PostgreSQL's backends, tsx's esbuild helper) and of the children it has reaped
 * (backends that ended when a pool closed an idle connection).
 */
export interface CountedProcess {
  name: string;
  /** The current PID; a function for processes a drill may restart. */
  pid: number | undefined | (() => number | undefined);
}

/** This process: the load generator (and, in the bot benchmark, the Bot API emulator). */
export const LOAD_GENERATOR = 'load generator';
/** Everything on the machine outside the stack and the load generator. */
export const REST_OF_MACHINE = 'rest of the machine';

export type CpuReading = Map<string, number>;

interface ProcStat {
  ppid: number;
  /** Own CPU time and that of reaped children, in ms. */
  cpuMs: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 4 (ppid), 14 and 15 (utime, stime), 16 and 17 (cutime, cstime: reaped children),
    // in clock ticks of 10 ms. Counting the reaped children's time of every process keeps the
    // sum continuous when one ends: its time moves to its parent's cutime.
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return { ppid: Number(fields[1]), cpuMs: ticks * 10 };
  } catch {
    return undefined; // the process ended between the listing and the read
  }
}

const pidOf = (p: CountedProcess) => (typeof p.pid === 'function' ? p.pid() : p.pid);

/** CPU time used so far by every process on the machine, by the nearest counted ancestor. */
export function readCpu(counted: readonly CountedProcess[]): CpuReading {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  // The stack's processes are children of this one: the nearest named ancestor owns a process.
  const roots = new Map<number, string>([[process.pid, LOAD_GENERATOR]]);
  for (const p of counted) {
    const pid = pidOf(p);
    if (pid) roots.set(pid, p.name);
  }
  const owners = new Map<number, string>();
  const ownerOf = (pid: number): string => {
    const chain: number[] = [];
    let current = pid;
    let owner: string = REST_OF_MACHINE;
    for (let depth = 0; depth < 64 && current > 1; depth++) {
      const known = roots.get(current) ?? owners.get(current);
      if (known) {
        owner = known;
        break;
      }
      chain.push(current);
      current = stats.get(current)?.ppid ?? 0;
    }
    for (const c of chain) owners.set(c, owner);
    return owner;
  };
  const totals: CpuReading = new Map([
    ...counted.map((p) => [p.name, 0] as const),
    [LOAD_GENERATOR, 0],
    [REST_OF_MACHINE, 0],
  ]);
  for (const [pid, stat] of stats) {
    const owner = ownerOf(pid);
    totals.set(owner, (totals.get(owner) ?? 0) + stat.cpuMs);
  }
  return totals;
}

/** Per process: (after − before) / divisor; CPU ms per operation, or cores for a duration in ms. */
export function cpuDelta(before: CpuReading, after: CpuReading, divisor: number): CpuReading {
  const delta: CpuReading = new Map();
  for (const [name, ms] of after) delta.set(name, (ms - (before.get(name) ?? 0)) / Math.max(1, divisor));
  return delta;
}

/** The sum over the stack's processes and the load generator (the rest of the machine left out). */
export function stackTotal(reading: CpuReading): number {
  let sum = 0;
  for (const [name, value] of reading) if (name !== REST_OF_MACHINE) sum += value;
  return sum;
}

const stackOnly = (reading: CpuReading) => stackTotal(reading) - (reading.get(LOAD_GENERATOR) ?? 0);

/**
 * The cores each process uses while the stack is idle (housekeeping: Temporal's membership and
 * shard timers, pollers, the outbox dispatcher), read over `ms`: subtracted from the phases, and
 * the baseline for `untilStackQuiet`.
 */
export async function idleCores(counted: readonly CountedProcess[], ms = 5_000): Promise<CpuReading> {
  const before = readCpu(counted);
  await new Promise((r) => setTimeout(r, ms));
  return cpuDelta(before, readCpu(counted), ms);
}

/**
 * Resolves once the stack's processes used at most `margin` cores more than when idle (`idle`,
 * from idleCores) over two readings in a row: the work a phase queued (workflow tasks, outbox
 * rounds, the server's bookkeeping) is done, and is charged to that phase. Fails after
 * `timeoutMs` rather than measuring the next phase on a busy stack.
 */
export async function untilStackQuiet(
  counted: readonly CountedProcess[],
  options: { idle?: CpuReading; marginCores?: number; intervalMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  // The margin sits well above an idle stack's wobble and far below a stack working off a backlog.
  const { marginCores = 0.2, intervalMs = 500, timeoutMs = 120_000 } = options;
  const idle = options.idle ? stackOnly(options.idle) : 0;
  const deadline = Date.now() + timeoutMs;
  let previous = readCpu(counted);
  let quietReadings = 0;
  while (quietReadings < 2) {
    if (Date.now() > deadline)
      throw new Error(`the stack was still busy ${timeoutMs / 1000} s after the phase`);
    await new Promise((r) => setTimeout(r, intervalMs));
    const now = readCpu(counted);
    const cores = stackOnly(cpuDelta(previous, now, intervalMs));
    quietReadings = cores <= idle + marginCores ? quietReadings + 1 : 0;
    previous = now;
  }
}
