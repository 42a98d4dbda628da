import type { TrafficTally } from './drills/drillTraffic.js';
import type { CheckpointFigures, DiskSizes, historyFigures, Spread } from './openFilesFigures.js';
import type { HeapFigures, MemoryFigures } from './openFilesMemory.js';

export const WORKER_RSS_TARGET_MB = 600;
export const LATENESS_P99_TARGET_S = 5;

export interface OpenFilesReport {
  files: number;
  soon: number;
  loaded: number;
  http: TrafficTally;
  phases: { name: string; seconds: number }[];
  workerCache: string | undefined;
  checkpoints: CheckpointFigures;
  history: Awaited<ReturnType<typeof historyFigures>>;
  running: number;
  notices: { queued: number; delivered: number };
  sizesBefore: DiskSizes;
  sizesAfter: DiskSizes;
  documentsBytes: number;
  memory: MemoryFigures[];
  heaps: HeapFigures[];
}

const mb = (n: number) => `${n.toFixed(0)} MB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Prints the figures and one PASS/FAIL line per target; true when every target passed. */
export function printReport(r: OpenFilesReport): boolean {
  const verdicts: [boolean, string][] = [];
  const check = (ok: boolean, line: string) => verdicts.push([ok, line]);

  console.log('\nElapsed per phase');
  for (const p of r.phases) console.log(`  ${p.name.padEnd(32)} ${p.seconds.toFixed(1).padStart(8)} s`);

  console.log(
    `\nMemory (sampled every 2 s; permit workers' cached workflows: ${r.workerCache ?? 'app default'})`,
  );
  console.log(
    `  ${'process'.padEnd(24)} ${'start'.padStart(8)} ${'peak'.padStart(8)} ${'end'.padStart(8)}  measure`,
  );
  for (const m of r.memory) {
    console.log(
      `  ${m.name.padEnd(24)} ${mb(m.startMb).padStart(8)} ${mb(m.peakMb).padStart(8)} ${mb(m.endMb).padStart(8)}  ${m.measure}`,
    );
  }
  for (const w of r.heaps) {
    const isolates = w.isolates.map(
      (i) => `${i.thread} ${mb(i.usedMb)} → ${mb(i.liveMb)} (external ${mb(i.externalMb)})`,
    );
    console.log(
      `  ${w.name} V8 heaps before → after a full GC: ${isolates.join('; ')}; RSS after ${mb(w.rssAfterGcMb)}`,
    );
  }
  const growth = (pick: (m: MemoryFigures) => boolean) =>
    r.memory.filter(pick).reduce((sum, m) => sum + (m.endMb - m.startMb), 0);
  const perFile = (deltaMb: number) => kib((deltaMb * 1024 * 1024) / r.loaded);
  console.log(
    `  growth per open file: Temporal services ${perFile(growth((m) => m.name.startsWith('temporal-')))}, ` +
      `PostgreSQL ${perFile(growth((m) => m.name.startsWith('PostgreSQL')))}, ` +
      `permit workers ${perFile(growth((m) => m.name.startsWith('permit-worker')))}`,
  );

  const d = (k: keyof DiskSizes) => r.sizesAfter[k] - r.sizesBefore[k];
  console.log('\nDisk per open file (database size growth / files loaded)');
  console.log(
    `  Temporal: ${kib(d('temporal') / r.loaded)} (history store), ${kib(d('visibility') / r.loaded)} (visibility)`,
  );
  console.log(
    `  app database: ${kib(d('app') / r.loaded)}; uploaded documents: ${(r.documentsBytes / r.loaded).toFixed(0)} B (one stand-in PDF, stored once by content)`,
  );

  const h = r.history;
  console.log('\nHistory per file (history service rows of every file loaded)');
  console.log(
    `  events: avg ${h.eventsAvg.toFixed(1)}, min ${h.eventsMin}, max ${h.eventsMax}; stored history ${kib(h.historyBytesPerFile)} per file`,
  );

  const c = r.checkpoints;
  console.log('\nCheckpoints (audit events per file and kind)');
  for (const [action, t] of Object.entries(c.byAction)) {
    console.log(
      `  ${action.padEnd(18)} files with one: ${t.once}, with more than one: ${t.more} (+${t.extra} events)`,
    );
  }
  console.log(
    `  due before loading ended: ${c.due.beforeLoadEnded}, within one minute after: ${c.due.withinMinuteAfter}, later: ${c.due.later}`,
  );
  const l = c.latenessMs;
  const line = (what: string, x: Spread) =>
    console.log(`  ${what}: p50 ${s(x.p50)}, p99 ${s(x.p99)}, max ${s(x.max)}, min ${s(x.min)}`);
  line(`lateness (recorded − due) over ${l.count}`, l);
  line('  of which due → workflow task', c.toWorkflowTaskMs);
  line('  and workflow task → audit row', c.toRecordMs);
  const http = Object.entries(r.http.byStatus).map(([status, n]) => `${n}× ${status}`);
  console.log(`  intake answers: ${http.join(', ')}; retries ${r.http.retries}`);
  console.log(
    `  notices of these files (Telegram, through the emulator): ${r.notices.queued} queued, ${r.notices.delivered} delivered so far\n`,
  );

  check(r.loaded === r.files, `files loaded through the intake: ${r.loaded}/${r.files}`);
  check(r.http.byStatus['500'] === undefined, `API answers 500: ${r.http.byStatus['500'] ?? 0}`);
  check(
    c.submittedOnce === r.loaded,
    `files with exactly one submission event: ${c.submittedOnce}/${r.loaded}`,
  );
  for (const m of r.memory.filter((x) => x.name.startsWith('permit-worker'))) {
    check(
      m.peakMb <= WORKER_RSS_TARGET_MB,
      `${m.name} RSS peak ${mb(m.peakMb)}, end ${mb(m.endMb)} (target ≤ ${WORKER_RSS_TARGET_MB} MB)`,
    );
  }
  check(
    l.count > 0 && l.p99 <= LATENESS_P99_TARGET_S * 1000,
    `checkpoint lateness p99 ${s(l.p99)} (p50 ${s(l.p50)}, max ${s(l.max)}; target p99 ≤ ${LATENESS_P99_TARGET_S} s)`,
  );
  check(
    c.missing === 0 && c.doubled === 0 && c.unexpected === 0,
    `each due checkpoint fired exactly once: ${r.soon - c.missing}/${r.soon} due fired, ` +
      `${c.doubled} doubled, ${c.missing} missing, ${c.unexpected} not due but recorded`,
  );
  check(
    r.running === r.loaded,
    `files still open with live timers (running workflows): ${r.running}/${r.loaded}`,
  );
  for (const [ok, line] of verdicts) console.log(`${ok ? 'PASS' : 'FAIL'} ${line}`);
  return verdicts.every(([ok]) => ok);
}
