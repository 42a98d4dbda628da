import path from 'node:path';
import { startCluster } from '../cluster/clusterLauncher.js';
import { boot } from '../runtime/boot.js';

// `npm run start:cluster`: the production shape on this machine. Temporal's frontend, history,
// matching and internal worker as separate processes on PostgreSQL (embedded, or DATABASE_URL's
// server), then the permit workers, the API processes on consecutive ports from PORT, and the
// Telegram bot. Ctrl-C stops them in order. State and logs live under DATA_DIR/cluster.
await boot('cluster', async ({ config, logger, stops }) => {
  if (config.temporal.address) {
    logger.warn('TEMPORAL_ADDRESS is ignored: the cluster shape runs its own Temporal services');
  }
  const apiPorts = Array.from({ length: config.cluster.apiProcesses }, (_, i) => config.port + i);
  const cluster = await startCluster({
    dataDir: path.join(config.dataDir, 'cluster'),
    databaseUrl: config.databaseUrl,
    apiPorts,
    permitWorkers: config.cluster.permitWorkers,
    historyShards: config.cluster.historyShards,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    // In webhook mode (PUBLIC_URL) Telegram's calls reach the API processes instead.
    bot: config.telegram.botToken !== undefined && config.telegram.publicUrl === undefined,
    log: (message) => logger.info(message),
  });
  stops.push('cluster', cluster.stop);
  if (!config.telegram.botToken) logger.info('Telegram bot is off: TELEGRAM_BOT_TOKEN is not set');
  logger.info(
    {
      temporal: cluster.temporalAddress,
      apis: cluster.apiUrls,
      processes: cluster.processes.map((p) => ({ name: p.name, pid: p.pid, log: p.logFile })),
    },
    `Perizinan Online cluster is up: APIs at ${cluster.apiUrls.join(', ')}, Temporal frontend at ${cluster.temporalAddress}; Ctrl-C stops everything`,
  );
});
