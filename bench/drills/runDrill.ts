import { parseArgs } from 'node:util';
import { startDrillStack } from './drillStack.js';
import { DRILLS, type DrillResult } from './drills.js';

/**
 * `npm run drill:r1` (… `drill:r4`, `drill:all`): starts the cluster shape on loopback, runs the
 * fault drills named, prints PASS/FAIL with the counts behind each verdict, and exits 1 on any
 * FAIL. Every drill is bounded: the whole run gives up after --timeout-minutes.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    files: { type: 'string', default: '1000' },
    'timeout-minutes': { type: 'string', default: '45' },
  },
});
const names = positionals.length === 0 || positionals.includes('all') ? Object.keys(DRILLS) : positionals;
const unknown = names.filter((n) => !(n in DRILLS));
const files = Number(values.files);
if (unknown.length > 0 || !Number.isInteger(files) || files < 1) {
  console.error(
    `Usage: run-drill [r1 r2 r3 r4 | all] [--files N] [--timeout-minutes M] (unknown: ${unknown.join(', ')})`,
  );
  process.exit(2);
}
const log = (message: string) => console.log(`[drill ${new Date().toISOString().slice(11, 19)}] ${message}`);
const timeoutMs = Number(values['timeout-minutes']) * 60_000;
const giveUp = setTimeout(() => {
  console.log(`FAIL: the drills did not finish within ${values['timeout-minutes']} minutes`);
  process.exit(1);
}, timeoutMs);

log(`starting the cluster shape (files per drill: ${files})`);
const stack = await startDrillStack(log);
// Ctrl-C stops the cluster in order too: nothing of a drill stays running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the cluster`);
    stack.stop().finally(() => process.exit(130));
  });
}
const results: DrillResult[] = [];
try {
  for (const name of names) {
    log(`${name}: starting`);
    const result = await DRILLS[name as keyof typeof DRILLS](stack, { files, log }).catch(
      (error: unknown): DrillResult => ({
        drill: name,
        pass: false,
        seconds: 0,
        counts: {},
        failures: [
          `the drill stopped with an error: ${error instanceof Error ? error.message : String(error)}`,
        ],
      }),
    );
    results.push(result);
    console.log(
      `${result.pass ? 'PASS' : 'FAIL'} ${result.drill} (${result.seconds} s) ${JSON.stringify(result.counts)}`,
    );
    for (const failure of result.failures) console.log(`  - ${failure}`);
  }
} finally {
  await stack.stop();
  clearTimeout(giveUp);
}
process.exit(results.every((r) => r.pass) ? 0 : 1);
