// Every workflow the worker hosts. Workflow code is deterministic: it imports only pure domain
// modules and activity *types*.
export { complaintWorkflow } from './complaint/complaintWorkflow.js';
export { permitApplicationWorkflow } from './permit/permitWorkflow.js';
export { stackProbeWorkflow } from './stackProbe.js';
