import { existsSync } from 'node:fs';
import path from 'node:path';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { type ActivityDependencies, createActivities } from '../activities/index.js';

/** Path of the workflows entry module, whether running from TypeScript sources or built JS. */
export function workflowsPath(): string {
  const dir = path.resolve(import.meta.dirname, '..', 'workflows');
  const ts = path.join(dir, 'index.ts');
  return existsSync(ts) ? ts : path.join(dir, 'index.js');
}

export async function createWorker(options: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDependencies;
  /** A prebuilt bundle (tests bundle once per run); otherwise the worker bundles at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities(options.deps),
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: workflowsPath() }),
    shutdownGraceTime: '10 seconds',
  });
}
