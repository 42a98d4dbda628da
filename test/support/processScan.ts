import { readdir, readFile } from 'node:fs/promises';

/**
 * Processes whose command line (or, with `environment`, whose environment) mentions a folder:
 * the servers and roles a stack under test started there, to prove a stop left none behind.
 */
export async function processesUsing(folder: string, options: { environment?: boolean } = {}) {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const environ = options.environment ? await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '') : '';
    if (cmdline.includes(folder) || environ.includes(folder)) {
      found.push(`${pid}: ${cmdline.replaceAll('\0', ' ')}`);
    }
  }
  return found;
}
