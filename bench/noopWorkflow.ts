/** The trivial workflow the bare-start baseline starts: one workflow task, no activities. */
export async function benchNoopWorkflow(): Promise<void> {}
