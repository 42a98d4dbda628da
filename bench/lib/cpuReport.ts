import os from 'node:os';
import { type CpuReading, REST_OF_MACHINE, stackTotal } from './processCpu.js';

const NAME_WIDTH = 30;
const COLUMN_WIDTH = 14;

const cell = (value: number, digits: number) => value.toFixed(digits).padStart(COLUMN_WIDTH);

/**
 * One row per process, one column per phase: CPU ms per operation (or cores in use). The total
 * is the stack's and the load generator's; the rest of the machine is shown below it, outside.
 */
export function printCpuTable(
  title: string,
  columns: { label: string; reading: CpuReading }[],
  digits = 2,
): void {
  const names = [...(columns[0]?.reading.keys() ?? [])].filter((n) => n !== REST_OF_MACHINE);
  const header = columns.map((c) => c.label.padStart(COLUMN_WIDTH)).join('');
  console.log(`${title.padEnd(NAME_WIDTH)}${header}`);
  for (const name of names) {
    console.log(
      `  ${name.padEnd(NAME_WIDTH - 2)}${columns.map((c) => cell(c.reading.get(name) ?? 0, digits)).join('')}`,
    );
  }
  console.log(
    `${'total'.padEnd(NAME_WIDTH)}${columns.map((c) => cell(stackTotal(c.reading), digits)).join('')}`,
  );
  console.log(
    `${`(${REST_OF_MACHINE})`.padEnd(NAME_WIDTH)}${columns.map((c) => cell(c.reading.get(REST_OF_MACHINE) ?? 0, digits)).join('')}`,
  );
}

/** The process with the largest value, and its share of the total. */
function largest(reading: CpuReading): { name: string; value: number; share: number } {
  let best = { name: '', value: Number.NEGATIVE_INFINITY };
  for (const [name, value] of reading)
    if (name !== REST_OF_MACHINE && value > best.value) best = { name, value };
  return { ...best, share: best.value / Math.max(1e-9, stackTotal(reading)) };
}

/** The processes of one role summed: `permit-worker-1` and `permit-worker-2` as `permit-worker`. */
function byRole(reading: CpuReading): CpuReading {
  const roles: CpuReading = new Map();
  for (const [name, value] of reading) {
    const role = name.replace(/-\d+$/, '');
    roles.set(role, (roles.get(role) ?? 0) + value);
  }
  return roles;
}

/** Which process (and role) dominates an operation, and which makes up most of the gap to the baseline. */
export function dominance(operation: CpuReading, baseline: CpuReading): string[] {
  const extra = new Map([...operation].map(([name, ms]) => [name, ms - (baseline.get(name) ?? 0)]));
  const gap = stackTotal(operation) - stackTotal(baseline);
  const share = (value: number, of: number) => `${((value / Math.max(1e-9, of)) * 100).toFixed(0)} %`;
  const lines: string[] = [];
  for (const [what, group] of [
    ['process', (r: CpuReading) => r],
    ['role', byRole],
  ] as const) {
    const top = largest(group(operation));
    const widest = largest(group(extra));
    lines.push(
      `dominates a submission, by ${what}: ${top.name} (${top.value.toFixed(2)} ms, ${share(top.value, stackTotal(operation))} of its CPU); ` +
        `most of the extra over a bare start: ${widest.name} (+${widest.value.toFixed(2)} ms of +${gap.toFixed(2)} ms)`,
    );
  }
  return lines;
}

/** A summary table: each measure against its target. */
export function printVerdicts(
  rows: { measure: string; result: string; target: string; met?: boolean }[],
): void {
  const w = [46, 34, 14];
  console.log(`${'measure'.padEnd(w[0]!)}${'result'.padEnd(w[1]!)}${'target'.padEnd(w[2]!)}verdict`);
  for (const r of rows) {
    const verdict = r.met === undefined ? '(reported)' : r.met ? 'met' : 'NOT MET';
    console.log(`${r.measure.padEnd(w[0]!)}${r.result.padEnd(w[1]!)}${r.target.padEnd(w[2]!)}${verdict}`);
  }
}

/** The machine and how busy it was: other work on it skews every figure. */
export function printMachine(loadBefore: number, extra: string[]): void {
  const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Machine: ${os.cpus().length} × ${cpuModel}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`,
  );
  console.log(
    `Load average (1 min) at start ${loadBefore.toFixed(2)}, at end ${os.loadavg()[0]!.toFixed(2)}: other work on the machine skews the figures`,
  );
  for (const line of extra) console.log(line);
}
