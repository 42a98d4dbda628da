import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { findGo, goInstall, toolsBinDir, toolsDir, versionLine } from './goToolchain.js';

/**
 * The Temporal server the pinned CLI embeds (1.29.1), as separate binaries for the cluster shape:
 * `temporal-server` (every service) and `temporal-sql-tool` (creates and migrates its databases;
 * the schema files of this server version are embedded in it). Release downloads are not
 * reachable here, so both are built with the Go toolchain into the git-ignored tools folder once.
 */
export const TEMPORAL_SERVER_VERSION = '1.29.1';
const MODULE = 'go.temporal.io/server';

export interface TemporalServerKit {
  server: string;
  sqlTool: string;
}

export class TemporalServerUnavailableError extends Error {
  override name = 'TemporalServerUnavailableError';
}

function kitPaths(root?: string): TemporalServerKit {
  const bin = toolsBinDir(root);
  return {
    server: path.join(bin, 'temporal-server'),
    sqlTool: path.join(bin, 'temporal-sql-tool'),
  };
}

const versionOf = async (binary: string) => /version (\S+)/.exec((await versionLine(binary)) ?? '')?.[1];

async function complete(kit: TemporalServerKit): Promise<boolean> {
  return (
    (await versionOf(kit.server)) === TEMPORAL_SERVER_VERSION &&
    (await versionOf(kit.sqlTool)) === TEMPORAL_SERVER_VERSION
  );
}

/** Returns the server kit of the pinned version, building it when any part is missing. */
export async function ensureTemporalServer(
  options: { root?: string; log?: (message: string) => void } = {},
): Promise<TemporalServerKit> {
  const log = options.log ?? (() => {});
  const kit = kitPaths(options.root);
  if (await complete(kit)) return kit;

  const go = await findGo();
  if (!go) {
    throw new TemporalServerUnavailableError(
      `The Temporal server v${TEMPORAL_SERVER_VERSION} was not found in ${toolsBinDir(options.root)}, and Go is not installed to build it.\n` +
        `Install Go (https://go.dev/doc/install) and run "npm run tools:temporal-server".`,
    );
  }
  // go install names the binaries after their folders (server, sql); they are renamed after.
  // A folder per build, so two starts building at once do not take each other's files.
  const buildDir = path.join(toolsDir(options.root), `build-temporal-server-${process.pid}`);
  await mkdir(buildDir, { recursive: true });
  log(
    `building temporal-server and temporal-sql-tool v${TEMPORAL_SERVER_VERSION} with ${go} into ${toolsBinDir(options.root)} (a cold build takes several minutes)`,
  );
  const version = `v${TEMPORAL_SERVER_VERSION}`;
  try {
    await goInstall(go, [`${MODULE}/cmd/server@${version}`, `${MODULE}/cmd/tools/sql@${version}`], buildDir, {
      ldflags: '-s -w',
    });
  } catch (error) {
    throw new TemporalServerUnavailableError(error instanceof Error ? error.message : String(error));
  }
  await mkdir(path.dirname(kit.server), { recursive: true });
  await rename(path.join(buildDir, 'server'), kit.server);
  await rename(path.join(buildDir, 'sql'), kit.sqlTool);
  await rm(buildDir, { recursive: true, force: true });

  if (!(await complete(kit))) {
    throw new TemporalServerUnavailableError(
      `Built the Temporal server into ${toolsBinDir(options.root)}, but the binaries do not report version ${TEMPORAL_SERVER_VERSION}.`,
    );
  }
  return kit;
}
