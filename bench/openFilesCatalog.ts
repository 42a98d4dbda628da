import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { loadCatalog } from '../src/domain/catalog/loadCatalog.js';

/** Files of this type keep every checkpoint hours away: they stay open with live timers. */
export const LATER_TYPE = 'BENCH-LATER';
/** Files of this type reach their first checkpoint (the SLA reminder) `soonAfterS` after intake. */
export const SOON_TYPE = 'BENCH-SOON';

const SLA_SECONDS = 6 * 3600;

interface StageYaml {
  kind: string;
  sla?: { duration: string };
  reminderAt?: number;
  escalation?: { secondLevel?: { after: { duration: string } } };
}

/**
 * The test catalog (test/fixtures/catalog-test.yaml, so the drill stack's officers and roles
 * fit) plus two permit types made from TEST-FAST: both with a 6-hour first stage (breach at 6 h,
 * second level an hour later); BENCH-LATER's reminder at half of it (3 h), BENCH-SOON's at
 * `soonAfterS` seconds. Written beside the run's other scratch files; checked by the app's
 * own catalog loader before any process reads it.
 */
export async function writeOpenFilesCatalog(dir: string, soonAfterS: number): Promise<string> {
  if (soonAfterS <= 0 || soonAfterS >= SLA_SECONDS) throw new Error('--soon-after-s must be 1..21599');
  const catalog = parse(readFileSync('test/fixtures/catalog-test.yaml', 'utf8')) as {
    permitTypes: ({ code: string; name: { id: string; en: string }; stages: StageYaml[] } & object)[];
  };
  const fast = catalog.permitTypes.find((t) => t.code === 'TEST-FAST');
  if (!fast) throw new Error('TEST-FAST is missing from the test catalog');
  const variant = (code: string, reminderAt: number, en: string) => {
    const type = structuredClone(fast);
    type.code = code;
    type.name = { id: `Izin Uji Beban (${code})`, en };
    const [first, ...rest] = type.stages;
    first!.sla = { duration: `PT${SLA_SECONDS}S` };
    first!.reminderAt = reminderAt;
    first!.escalation = {
      ...first!.escalation,
      secondLevel: { ...first!.escalation!.secondLevel!, after: { duration: 'PT1H' } },
    };
    type.stages = [first!, ...rest];
    return type;
  };
  catalog.permitTypes.push(
    variant(LATER_TYPE, 0.5, 'Load test permit, checkpoints in hours'),
    variant(SOON_TYPE, soonAfterS / SLA_SECONDS, 'Load test permit, reminder in seconds'),
  );
  const file = path.join(dir, 'catalog-open-files.yaml');
  await writeFile(file, stringify(catalog, { aliasDuplicateObjects: false }));
  loadCatalog(file);
  return file;
}
