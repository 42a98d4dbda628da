import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const MB = 1024 * 1024;

/** Resident and proportional set size of one process, in bytes (0 when it is gone). */
function memoryOf(pid: number): { rss: number; pss: number } {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
    return { rss: kb('Rss') * 1024, pss: kb('Pss') * 1024 };
  } catch {
    return { rss: 0, pss: 0 };
  }
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent)
        children.push(Number(entry));
    } catch {
      // ended between the listing and the read
    }
  }
  return children;
}

/**
 * What one process or process tree holds in memory. A single process: its RSS. PostgreSQL (a
 * postmaster and its backends, which share the buffer cache): the sum of PSS, so shared pages
 * count once; the sum of RSS would count shared buffers once per backend.
 */
export interface MemoryTarget {
  name: string;
  pid: () => number | undefined;
  tree: boolean;
}

export function memoryNow(target: MemoryTarget): number {
  const pid = target.pid();
  if (pid === undefined) return 0;
  if (!target.tree) return memoryOf(pid).rss;
  return [pid, ...childrenOf(pid)].reduce((sum, p) => sum + memoryOf(p).pss, 0);
}

export interface MemoryFigures {
  name: string;
  measure: 'RSS' | 'PSS (postmaster + backends)';
  startMb: number;
  peakMb: number;
  endMb: number;
}

/** Samples every target every `everyMs` until stopped; keeps start, peak and the latest value. */
export function sampleMemory(targets: MemoryTarget[], everyMs = 2_000) {
  const figures = new Map<string, { start: number; peak: number; last: number }>();
  const sample = () => {
    for (const target of targets) {
      const bytes = memoryNow(target);
      const seen = figures.get(target.name);
      if (!seen) figures.set(target.name, { start: bytes, peak: bytes, last: bytes });
      else {
        seen.peak = Math.max(seen.peak, bytes);
        if (bytes > 0) seen.last = bytes;
      }
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    /** Takes a last sample and stops. */
    stop(): MemoryFigures[] {
      sample();
      clearInterval(timer);
      return targets.map((t) => {
        const f = figures.get(t.name)!;
        return {
          name: t.name,
          measure: t.tree ? 'PSS (postmaster + backends)' : 'RSS',
          startMb: f.start / MB,
          peakMb: f.peak / MB,
          endMb: f.last / MB,
        };
      });
    },
  };
}

/** Bytes of the files under `dir` (uploaded documents). */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
}

export interface HeapFigures {
  name: string;
  rssAfterGcMb: number;
  /** One per V8 isolate: the main thread (activities, pools, clients) and the workflow thread. */
  isolates: { thread: string; usedMb: number; liveMb: number; externalMb: number }[];
}

/** NODE_OPTIONS for the app roles: loads bench/openFilesHeapProbe.cjs (see there). */
export function heapProbeOptions(dir: string, extra = ''): Record<string, string> {
  const probe = path.resolve(import.meta.dirname, 'openFilesHeapProbe.cjs');
  return {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${extra} --require ${probe}`.trim(),
    OPEN_FILES_HEAP_PROBE_DIR: dir,
  };
}

interface ProbeAnswer {
  at: number;
  rss: number;
  isolates: { threadId: number; usedBefore: number; usedAfter: number; external: number }[];
}

/** Asks each worker for the heaps of its isolates before and after a full collection (SIGUSR2). */
export async function probeHeaps(dir: string, workers: MemoryTarget[]): Promise<HeapFigures[]> {
  const figures: HeapFigures[] = [];
  for (const worker of workers) {
    const pid = worker.pid();
    if (pid === undefined) continue;
    const asked = Date.now();
    process.kill(pid, 'SIGUSR2');
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const text = await readFile(path.join(dir, `${pid}.json`), 'utf8').catch(() => undefined);
      const answer = text === undefined ? undefined : (JSON.parse(text) as ProbeAnswer);
      if (!answer || answer.at < asked) continue;
      figures.push({
        name: worker.name,
        rssAfterGcMb: answer.rss / MB,
        isolates: answer.isolates.map((h) => ({
          thread: h.threadId === 0 ? 'main thread' : `thread ${h.threadId}`,
          usedMb: h.usedBefore / MB,
          liveMb: h.usedAfter / MB,
          externalMb: h.external / MB,
        })),
      });
      break;
    }
  }
  return figures;
}
