// The adapters (HTTP API, Telegram bot) reach the service layer through its public surface only:
// nothing below it (service internals, repositories, the database) is theirs to call.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import (type imports too) of the adapter's files, as paths under src/. */
function importsOf(adapter: string): { file: string; target: string }[] {
  return sourceFiles(join(SRC, adapter)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => ({
      file: relative(SRC, file),
      target: relative(SRC, resolve(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'))),
    })),
  );
}

describe.each(['api', 'bot'])('src/%s', (adapter) => {
  const imports = importsOf(adapter);

  it('imports the service layer only through src/services/index.ts', () => {
    const below = imports.filter(
      ({ target }) =>
        (target.startsWith('services/') && target !== 'services/index.ts') ||
        target.startsWith('repositories/') ||
        target.startsWith('db/'),
    );
    expect(below).toEqual([]);
  });

  it('does use the service layer', () => {
    expect(imports.some(({ target }) => target === 'services/index.ts')).toBe(true);
  });
});
