import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { type ActivityDependencies, createActivities } from '../activities/index.js';
import { bundleWorkflowsApart } from './workflowBundle.js';

export { workflowsPath } from './workflowBundle.js';

export async function createWorker(options: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDependencies;
  /** Workflows kept in memory between tasks (sticky cache); see WORKER_MAX_CACHED_WORKFLOWS. */
  maxCachedWorkflows?: number;
  /** A prebuilt bundle (tests bundle once per run); otherwise one is built apart at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities(options.deps),
    workflowBundle: options.workflowBundle ?? (await bundleWorkflowsApart()),
    shutdownGraceTime: '10 seconds',
    ...(options.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: options.maxCachedWorkflows }),
  });
}
