// Temporal bundles workflow code into a deterministic sandbox: the stage machine, the permit file
// and whatever they import at run time must not reach node: modules, I/O libraries (or Temporal:
// the domain stays free of it), the clock or randomness.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('../../../src/domain/stages/stageMachine.ts', import.meta.url));
const PERMIT_FILE_ENTRY = fileURLToPath(
  new URL('../../../src/domain/permitFile/openPermitFile.ts', import.meta.url),
);

/** Source files reachable through value (non-type) imports, with their module specifiers. */
function runtimeImportGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  for (let file = pending.pop(); file; file = pending.pop()) {
    if (graph.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map(
      (m) => m[1] ?? '',
    );
    graph.set(file, specifiers);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  }
  return graph;
}

describe('stage machine is safe to import from Temporal workflow code', () => {
  const graph = runtimeImportGraph(ENTRY);

  it('imports only relative modules at run time (no node:, zod, yaml or other packages)', () => {
    const external = [...graph.values()].flat().filter((specifier) => !specifier.startsWith('.'));
    expect(external).toEqual([]);
    expect(graph.size).toBeGreaterThan(1);
  });

  it('uses no clock, randomness or timers', () => {
    for (const file of graph.keys()) {
      const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/Date\.now|new Date\(|Math\.random|crypto|setTimeout|process\./);
    }
  });
});

describe('the permit file is safe to import from Temporal workflow code', () => {
  it('imports only relative modules at run time (no Temporal, node:, zod, yaml or other packages)', () => {
    const graph = runtimeImportGraph(PERMIT_FILE_ENTRY);
    const external = [...graph.values()].flat().filter((specifier) => !specifier.startsWith('.'));
    expect(external).toEqual([]);
    expect(graph.size).toBeGreaterThan(3);
  });
});
