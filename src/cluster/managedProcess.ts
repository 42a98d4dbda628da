import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export type ClusterRole =
  | 'temporal-frontend'
  | 'temporal-history'
  | 'temporal-matching'
  | 'temporal-worker'
  | 'permit-worker'
  | 'api'
  | 'bot';

export interface ProcessSpec {
  /** Unique in the cluster, e.g. `permit-worker-2`; also the log file's name. */
  name: string;
  role: ClusterRole;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
  /** How long a stop waits after SIGTERM before SIGKILL. */
  stopGraceMs: number;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

// Last resort when the launcher exits without stopping: nothing of the cluster stays behind.
// One listener for all processes (not one each), registered with the first start.
const live = new Set<ManagedProcess>();
let exitHookInstalled = false;
function killLiveOnExit(): void {
  for (const child of live) child.signalGroup('SIGKILL');
}

/**
 * One process of the cluster: started in a process group of its own (a Ctrl-C in the terminal
 * reaches only the launcher, which stops the parts in order), output appended to its log file.
 * Benchmarks and drills use the same handle to read its PID, kill -9 it and start it again.
 */
export class ManagedProcess {
  private child: ChildProcess | undefined;
  private exit: Promise<ExitStatus> | undefined;
  private stopping = false;
  /** Set when the command could not be started at all. */
  spawnError: Error | undefined;

  constructor(
    readonly spec: ProcessSpec,
    /** Called when the process ends without having been asked to. */
    private readonly onUnexpectedExit: (process: ManagedProcess, status: ExitStatus) => void = () => {},
  ) {}

  get name(): string {
    return this.spec.name;
  }

  get role(): ClusterRole {
    return this.spec.role;
  }

  get logFile(): string {
    return this.spec.logFile;
  }

  get pid(): number | undefined {
    return this.running() ? this.child?.pid : undefined;
  }

  running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves when the current run ends (at once when not running). */
  exited(): Promise<ExitStatus> {
    return this.exit ?? Promise.resolve({ code: null, signal: null });
  }

  start(): void {
    if (this.running()) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    const log = openSync(this.spec.logFile, 'a');
    try {
      this.child = spawn(this.spec.command, this.spec.args, {
        env: this.spec.env,
        cwd: this.spec.cwd,
        detached: true,
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log);
    }
    const child = this.child;
    this.stopping = false;
    this.spawnError = undefined;
    this.exit = new Promise((resolve) => {
      let settled = false;
      const finish = (status: ExitStatus) => {
        if (settled) return;
        settled = true;
        live.delete(this);
        if (!this.stopping) this.onUnexpectedExit(this, status);
        resolve(status);
      };
      child.once('exit', (code, signal) => finish({ code, signal }));
      // A command that cannot be run at all (missing binary) may end here without an 'exit'.
      child.once('error', (error) => {
        this.spawnError = error;
        finish({ code: null, signal: null });
      });
    });
    live.add(this);
    if (!exitHookInstalled) {
      process.on('exit', killLiveOnExit);
      exitHookInstalled = true;
    }
  }

  /** SIGTERM (the process drains as it does under any supervisor), SIGKILL after the grace. */
  async stop(): Promise<ExitStatus> {
    if (!this.running()) return this.exited();
    this.stopping = true;
    this.signalGroup('SIGTERM');
    const timer = setTimeout(() => this.signalGroup('SIGKILL'), this.spec.stopGraceMs);
    const status = await this.exited();
    clearTimeout(timer);
    return status;
  }

  /** An abrupt crash, for fault drills: no drain, no goodbye. */
  async kill9(): Promise<ExitStatus> {
    if (!this.running()) return this.exited();
    this.stopping = true;
    this.signalGroup('SIGKILL');
    return this.exited();
  }

  async restart(): Promise<void> {
    await this.stop();
    this.start();
  }

  /** The last lines of the log, to say why a process failed. */
  async logTail(lines = 20): Promise<string> {
    const text = await readFile(this.spec.logFile, 'utf8').catch(() => '');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  }

  /** Signals the process's group: a process that started helpers of its own takes them along. */
  signalGroup(name: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (!this.running() || pid === undefined) return;
    try {
      process.kill(-pid, name);
    } catch {}
  }
}
