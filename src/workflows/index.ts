// Every workflow the worker hosts. Workflow code is deterministic: it imports only pure domain
// modules and activity *types*.
export { stackProbeWorkflow } from './stackProbe.js';
