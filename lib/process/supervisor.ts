/**
 * Runs the app's processes together (`npm run dev`, `npm start`): the database, web, worker and
 * sandbox, with prefixed output, and stops them in a fixed order when any one exits or the user
 * presses Ctrl-C (SIGINT) or sends SIGTERM.
 *
 * Why each child gets its own process group (`detached`): a terminal's Ctrl-C signals the whole
 * foreground group at once. Before, that meant PostgreSQL began a fast shutdown while the worker
 * was still finishing jobs (unhandled "terminating connection" errors), and the worker received
 * both the terminal's SIGINT and the supervisor's SIGTERM ("Runner is already stopped"). Now only
 * the supervisor hears the terminal, and it stops one service at a time: web first (no new
 * requests), then the worker (finishes or releases its jobs), then the sandbox, and the database
 * last, when nothing is connected to it any more. exit-with-parent.mjs stops a child whose
 * supervisor was killed outright, so detaching never leaves orphans.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { prefixLines } from './prefix-lines';

export interface Service {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Stopped after every other service (the database). */
  stopLast?: boolean;
  /** How long a clean stop may take before the child is killed. */
  stopTimeoutMs?: number;
}

export interface StartedService {
  child: ChildProcess;
  /** The first output line matching `pattern`; rejects if the service exits first. */
  ready(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

export interface Supervisor {
  start(service: Service): StartedService;
  /** True once a stop has begun (a failure then is part of stopping, not news). */
  readonly stopping: boolean;
  stop(code: number): Promise<void>;
}

const watchdog = fileURLToPath(new URL('./exit-with-parent.mjs', import.meta.url));

export function createSupervisor(say: (line: string) => void): Supervisor {
  const running: { service: Service; child: ChildProcess }[] = [];
  let stopping = false;

  const stopOne = ({ service, child }: { service: Service; child: ChildProcess }) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        say(`${service.name} did not stop within ${service.stopTimeoutMs ?? 10_000} ms; killing it`);
        child.kill('SIGKILL');
      }, service.stopTimeoutMs ?? 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        say(`stopped ${service.name}`);
        resolve();
      });
      child.kill('SIGTERM');
    });

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const order = [...running.filter((r) => !r.service.stopLast), ...running.filter((r) => r.service.stopLast)];
    for (const entry of order) await stopOne(entry);
    process.exit(code);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) {
      say(`${signal}: stopping (again to force)`);
      void stop(0);
      return;
    }
    // A second Ctrl-C: the person does not want to wait for a clean stop.
    for (const { child } of running) if (child.exitCode === null) child.kill('SIGKILL');
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  return {
    get stopping() {
      return stopping;
    },
    stop,
    start(service) {
      const isNode = service.command === process.execPath;
      const child = spawn(service.command, isNode ? ['--import', watchdog, ...service.args] : service.args, {
        // Children inherit the whole environment (they parse it themselves through lib/env.ts).
        // eslint-disable-next-line no-restricted-properties
        env: { ...process.env, ...service.env, WAYMARK_SUPERVISOR_PID: String(process.pid) },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      running.push({ service, child });
      say(`started ${service.name} (pid ${child.pid})`);
      const lineListeners = new Set<(line: string) => void>();
      const prefix = `[${service.name}] `;
      prefixLines(child.stdout, process.stdout, prefix, (line) => lineListeners.forEach((l) => l(line)));
      prefixLines(child.stderr, process.stderr, prefix);
      child.on('exit', (code, signal) => {
        if (stopping) return;
        say(`${service.name} exited (${signal ?? code}); stopping everything`);
        void stop(code || 1);
      });
      const ready = (pattern: RegExp, timeoutMs = 60_000) =>
        new Promise<RegExpMatchArray>((resolve, reject) => {
          const timer = setTimeout(() => done(new Error(`${service.name} was not ready within ${timeoutMs} ms`)), timeoutMs);
          const onExit = () => done(new Error(`${service.name} exited before it was ready`));
          const onLine = (line: string) => {
            const match = line.match(pattern);
            if (match) done(undefined, match);
          };
          const done = (error?: Error, match?: RegExpMatchArray) => {
            clearTimeout(timer);
            lineListeners.delete(onLine);
            child.off('exit', onExit);
            if (match) resolve(match);
            else reject(error);
          };
          lineListeners.add(onLine);
          child.once('exit', onExit);
        });
      return { child, ready };
    },
  };
}
