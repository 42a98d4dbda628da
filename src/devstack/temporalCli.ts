import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { findGo, findOnPath, goInstall, toolsBinDir, versionLine } from './goToolchain.js';

/**
 * The Temporal CLI is pinned to v1.5.1 (Temporal server 1.29.1): it is the newest release that
 * `go install` can build, since later go.mod files carry a replace directive. Release downloads
 * are not reachable here, so the binary comes from PATH, the git-ignored tools folder, or a
 * build with the Go toolchain — in that order.
 */
export const TEMPORAL_CLI_VERSION = '1.5.1';
const MODULE = `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`;

async function versionOf(binary: string): Promise<string | undefined> {
  return /temporal version (\S+)/.exec((await versionLine(binary)) ?? '')?.[1];
}

export class TemporalCliUnavailableError extends Error {
  override name = 'TemporalCliUnavailableError';
}

/** Returns the path of a temporal CLI binary of the pinned version, building it when needed. */
export async function ensureTemporalCli(
  options: { root?: string; log?: (message: string) => void } = {},
): Promise<string> {
  const log = options.log ?? (() => {});
  const fromPath = await findOnPath('temporal');
  if (fromPath && (await versionOf(fromPath)) === TEMPORAL_CLI_VERSION) return fromPath;

  const binDir = toolsBinDir(options.root);
  const local = path.join(binDir, 'temporal');
  if ((await versionOf(local)) === TEMPORAL_CLI_VERSION) return local;

  const go = await findGo();
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
    await goInstall(go, [MODULE], binDir, { ldflags });
  } catch (error) {
    throw new TemporalCliUnavailableError(error instanceof Error ? error.message : String(error));
  }
  const built = await versionOf(local);
  if (built !== TEMPORAL_CLI_VERSION) {
    throw new TemporalCliUnavailableError(`Built ${local} but it reports version ${built ?? 'unknown'}.`);
  }
  return local;
}
