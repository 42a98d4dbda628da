import { execFile } from 'node:child_process';
import { access, constants, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The Temporal CLI is pinned to v1.5.1 (Temporal server 1.29.1): it is the newest release that
 * `go install` can build, since later go.mod files carry a replace directive. Release downloads
 * are not reachable here, so the binary comes from PATH, the git-ignored tools folder, or a
 * build with the Go toolchain — in that order.
 */
export const TEMPORAL_CLI_VERSION = '1.5.1';
const MODULE = `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`;

export function toolsBinDir(root = process.cwd()): string {
  return path.join(root, '.tools', 'bin');
}

async function versionOf(binary: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(binary, ['--version'], { timeout: 15_000 });
    return /temporal version (\S+)/.exec(stdout)?.[1];
  } catch {
    return undefined;
  }
}

async function onPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

export class TemporalCliUnavailableError extends Error {
  override name = 'TemporalCliUnavailableError';
}

/** Returns the path of a temporal CLI binary of the pinned version, building it when needed. */
export async function ensureTemporalCli(
  options: { root?: string; log?: (message: string) => void } = {},
): Promise<string> {
  const log = options.log ?? (() => {});
  const fromPath = await onPath('temporal');
  if (fromPath && (await versionOf(fromPath)) === TEMPORAL_CLI_VERSION) return fromPath;

  const binDir = toolsBinDir(options.root);
  const local = path.join(binDir, 'temporal');
  if ((await versionOf(local)) === TEMPORAL_CLI_VERSION) return local;

  const go = (await onPath('go')) ?? (await exists('/usr/local/go/bin/go'));
  if (!go) {
    throw new TemporalCliUnavailableError(
      `The Temporal CLI v${TEMPORAL_CLI_VERSION} was not found on PATH or in ${binDir}, and Go is not installed to build it.\n` +
        `Install Go (https://go.dev/doc/install) and run "npm run tools:temporal", or put a temporal v${TEMPORAL_CLI_VERSION} binary on PATH.`,
    );
  }
  await mkdir(binDir, { recursive: true });
  log(
    `building temporal CLI v${TEMPORAL_CLI_VERSION} with ${go} into ${binDir} (a cold build takes several minutes)`,
  );
  try {
    // The same flags as the release build, so the binary reports its real version.
    const ldflags = `-s -w -X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION}`;
    await run(go, ['install', '-ldflags', ldflags, MODULE], {
      env: { ...process.env, GOBIN: binDir, CGO_ENABLED: '0' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60 * 60_000,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new TemporalCliUnavailableError(`"go install ${MODULE}" failed:\n${stderr.trim()}`);
  }
  const built = await versionOf(local);
  if (built !== TEMPORAL_CLI_VERSION) {
    throw new TemporalCliUnavailableError(`Built ${local} but it reports version ${built ?? 'unknown'}.`);
  }
  return local;
}

async function exists(file: string): Promise<string | undefined> {
  try {
    await access(file, constants.X_OK);
    return file;
  } catch {
    return undefined;
  }
}
