import { type AppConfig, ConfigError, loadConfig } from '../config/config.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { StopStack, stopOnSignals } from './stopStack.js';

/**
 * Shared start-up for every entry point: validated config, a logger, ordered shutdown on
 * SIGINT/SIGTERM, and a clear message (no stack trace) when the configuration is wrong.
 */
export async function boot(
  name: string,
  start: (ctx: {
    config: AppConfig;
    logger: Logger;
    stops: StopStack;
    /** Stops everything and exits 1, for a failure after start that the process cannot mend. */
    abort: (reason: string) => void;
  }) => Promise<void>,
): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, { role: name });
  const stops = new StopStack();
  const stopEverything = async () => {
    await stops.stopAll((part, error) => logger.error({ err: error, part }, 'error while stopping'));
    logger.info('stopped');
  };
  stopOnSignals(stopEverything, (m) => logger.info(m));
  const abort = (reason: string) => {
    logger.fatal(`${name} cannot go on: ${reason}`);
    stopEverything().finally(() => process.exit(1));
  };
  try {
    await start({ config, logger, stops, abort });
  } catch (error) {
    logger.fatal(
      { err: error },
      `${name} failed to start: ${error instanceof Error ? error.message : String(error)}`,
    );
    await stopEverything();
    process.exit(1);
  }
}
