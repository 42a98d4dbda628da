import { ensureTemporalServer, TemporalServerUnavailableError } from '../src/devstack/temporalServerBuild.js';

// `npm run tools:temporal-server`: builds or finds the Temporal server and its SQL tool for the
// cluster shape (`npm run start:cluster`) and prints their paths.
try {
  const kit = await ensureTemporalServer({ log: (m) => console.error(m) });
  console.log(`${kit.server}\n${kit.sqlTool}`);
} catch (error) {
  if (error instanceof TemporalServerUnavailableError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
