// The bare-start baseline's worker, in a process of its own as the permit worker is, so both
// loads have their workflows run the same way: `node --import tsx bench/noopWorker.ts`, with
// TEMPORAL_ADDRESS and NOOP_TASK_QUEUE set (bench/lib/benchStack.ts starts it).
import path from 'node:path';
import { NativeConnection, Worker } from '@temporalio/worker';

const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '' });
const worker = await Worker.create({
  connection,
  taskQueue: process.env.NOOP_TASK_QUEUE ?? 'bench-noop',
  workflowsPath: path.resolve(import.meta.dirname, 'noopWorkflow.ts'),
});
process.once('SIGTERM', () => worker.shutdown());
const running = worker.run();
console.log('noop worker running');
await running;
await connection.close();
