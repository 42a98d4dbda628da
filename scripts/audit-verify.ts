import { ConfigError, loadConfig } from '../src/config/config.js';
import { createPool } from '../src/db/pool.js';
import { createLogger } from '../src/logging/logger.js';
import { provideDatabase } from '../src/runtime/infrastructure.js';
import { StopStack } from '../src/runtime/stopStack.js';
import { verifyAuditChain } from '../src/services/auditTrailService.js';

// `npm run audit:verify`: recomputes the audit chain with the app's own environment (DATABASE_URL,
// or the embedded PostgreSQL under DATA_DIR). Exit 0: intact; 1: broken, naming the first event
// that does not match; 2: could not check.

const stops = new StopStack();
try {
  const config = loadConfig();
  const logger = createLogger('warn', { role: 'audit-verify' });
  const { databaseUrl } = await provideDatabase(config, logger, stops);
  const pool = createPool(databaseUrl, { max: 1 });
  stops.push('postgres pool', () => pool.end());
  const result = await verifyAuditChain(pool);
  if (result.intact) {
    console.log(`Audit trail intact: ${result.events} events; head ${result.head}`);
    process.exitCode = 0;
  } else {
    const { event, problem } = result.broken;
    console.error(
      `Audit trail BROKEN at event id ${event.id} (file ${event.workflowId}, sequence ${event.sequence}, ` +
        `chain position ${event.chainPosition}): ${problem}. The ${result.eventsBefore} events before it are intact.`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const unmigrated = (error as { code?: string }).code === '42P01';
  console.error(
    error instanceof ConfigError
      ? message
      : `Could not verify the audit trail: ${message}\n` +
          (unmigrated
            ? 'This database has not been migrated yet: start the app (or a worker) once, which migrates it.'
            : 'With the embedded PostgreSQL, stop "npm start" first (it holds DATA_DIR), or set DATABASE_URL.'),
  );
  process.exitCode = 2;
} finally {
  await stops.stopAll((part, error) => console.error(`error while stopping ${part}:`, error));
}
