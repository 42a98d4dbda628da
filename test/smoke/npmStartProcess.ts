import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../../src/devstack/freePort.js';

export interface StartedStack {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  port: number;
  temporalAddress: string;
  postgresPort: number;
  postgresPid: number;
}

/** `npm start`'s command with embedded servers under `dataDir`, its JSON log lines collected. */
export function launchNpmStart(dataDir: string, port: number, uiPort: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' };
  env.TEMPORAL_UI_PORT = String(uiPort);
  for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TELEGRAM_BOT_TOKEN']) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk) => {
    buffered += String(chunk);
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  const output = { stderr: '' };
  child.stderr?.on('data', (chunk) => {
    output.stderr += String(chunk);
  });
  return { child, logs, output };
}

/** Starts `npm start` and resolves once it logs that it is up (90 s at most). */
export async function startNpmStart(dataDir: string): Promise<StartedStack> {
  const port = await freePort();
  const { child, logs, output } = launchNpmStart(dataDir, port, await freePort());
  const stderr = () => output.stderr;
  const deadline = Date.now() + 90_000;
  while (!logs.some((l) => l.msg === 'Perizinan Online is up')) {
    if (child.exitCode !== null) {
      const fatal = logs.filter((l) => l.level === 60 || l.level === 50).map((l) => l.msg);
      throw new Error(
        `npm start exited with ${child.exitCode}: ${fatal.join('; ')} ${stderr().slice(-2000)}`,
      );
    }
    if (Date.now() > deadline)
      throw new Error(`npm start did not come up: ${JSON.stringify(logs)} ${stderr()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const temporal = logs.find((l) => l.msg === 'Temporal dev server started');
  const postgres = logs.find((l) => l.msg === 'embedded PostgreSQL started');
  return {
    child,
    logs,
    port,
    temporalAddress: String(temporal?.address),
    postgresPort: Number(postgres?.port),
    postgresPid: Number(postgres?.pid),
  };
}

export async function stopNpmStart(stack: StartedStack): Promise<number | null> {
  if (stack.child.exitCode !== null) return stack.child.exitCode;
  const exited = new Promise<number | null>((resolve) => stack.child.once('exit', (code) => resolve(code)));
  stack.child.kill('SIGTERM');
  return exited;
}
