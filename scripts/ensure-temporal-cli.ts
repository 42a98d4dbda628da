import { ensureTemporalCli, TemporalCliUnavailableError } from '../src/devstack/temporalCli.js';

// `npm run tools:temporal`: builds or finds the pinned Temporal CLI and prints its path.
try {
  const binary = await ensureTemporalCli({ log: (m) => console.error(m) });
  console.log(binary);
} catch (error) {
  if (error instanceof TemporalCliUnavailableError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
