import { readdir, readFile } from 'node:fs/promises';

async function processesWhere(matches: (pid: string) => Promise<boolean>): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
    if (pid === String(process.pid) || !(await matches(pid))) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    // A process that exited between the listing and this read is no longer running.
    if (cmdline !== '') found.push(`${pid}: ${cmdline.replaceAll('\0', ' ').trim()}`);
  }
  return found;
}

/** Running processes whose command line mentions `text` (a data folder, for instance). */
export function processesMentioning(text: string): Promise<string[]> {
  return processesWhere(async (pid) =>
    (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).includes(text),
  );
}

/**
 * Running processes whose environment holds `marker`: everything a child started with that
 * variable set (its own children inherit it), however their command lines look.
 */
export function processesInheriting(marker: string): Promise<string[]> {
  return processesWhere(async (pid) =>
    (await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '')).includes(marker),
  );
}
