import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The git-ignored folder where locally built tools live. */
export function toolsDir(root = process.cwd()): string {
  return path.join(root, '.tools');
}

export function toolsBinDir(root = process.cwd()): string {
  return path.join(toolsDir(root), 'bin');
}

export async function executable(file: string): Promise<string | undefined> {
  try {
    await access(file, constants.X_OK);
    return file;
  } catch {
    return undefined;
  }
}

export async function findOnPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const found = await executable(path.join(dir, name));
    if (found) return found;
  }
  return undefined;
}

/** The Go toolchain on PATH or in its default install location, if any. */
export async function findGo(): Promise<string | undefined> {
  return (await findOnPath('go')) ?? (await executable('/usr/local/go/bin/go'));
}

/** The first line of `<binary> --version`, or undefined when it does not run. */
export async function versionLine(binary: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(binary, ['--version'], { timeout: 15_000 });
    return stdout.split('\n')[0];
  } catch {
    return undefined;
  }
}

/**
 * `go install` of pinned modules into `binDir`, statically linked (no C toolchain needed).
 * Throws with go's own output when the build fails.
 */
export async function goInstall(
  go: string,
  modules: string[],
  binDir: string,
  options: { ldflags?: string } = {},
): Promise<void> {
  const flags = options.ldflags ? ['-ldflags', options.ldflags] : [];
  try {
    await run(go, ['install', ...flags, ...modules], {
      env: { ...process.env, GOBIN: binDir, CGO_ENABLED: '0' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60 * 60_000,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`"go install ${modules.join(' ')}" failed:\n${stderr.trim()}`);
  }
}
