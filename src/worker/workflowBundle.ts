import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Path of the workflows entry module, whether running from TypeScript sources or built JS. */
export function workflowsPath(): string {
  const dir = path.resolve(import.meta.dirname, '..', 'workflows');
  const ts = path.join(dir, 'index.ts');
  return existsSync(ts) ? ts : path.join(dir, 'index.js');
}

/**
 * The workflow bundle, built by webpack in a short-lived child process. Bundled inside the
 * worker, webpack and its caches stay in the worker's memory for good (about 120 MB of RSS on
 * every permit worker, docs/benchmarks.md "Open files"); the child returns the memory on exit.
 */
export async function bundleWorkflowsApart(): Promise<{ code: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perizinan-workflow-bundle-'));
  const out = path.join(dir, 'workflows.js');
  try {
    // The same Node flags as this process (e.g. the tsx loader when running from sources).
    const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, out], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (status) => resolve(status));
    });
    if (code !== 0)
      throw new Error(`bundling the workflows failed (exit code ${code}); see the output above`);
    return { code: await readFile(out, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Run as a script (by bundleWorkflowsApart): bundle, write the code to the path given, exit.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath() });
  await writeFile(process.argv[2]!, code);
}
