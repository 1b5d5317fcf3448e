/**
 * Runs the app's processes together (web, worker, sandbox) with prefixed output, and stops all
 * of them, then the embedded database, when any one exits or the user presses Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Service {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

export function supervise(services: Service[], onShutdown: () => Promise<void>): void {
  const children: ChildProcess[] = [];
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, 5000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    await onShutdown().catch((e) => console.error(`[supervisor] shutdown: ${String(e)}`));
    process.exit(code);
  };

  for (const service of services) {
    const child = spawn(service.command, service.args, {
      // Children inherit the whole environment (they parse it themselves through lib/env.ts).
      // eslint-disable-next-line no-restricted-properties
      env: { ...process.env, ...service.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const prefix = `[${service.name}] `;
    const pipe = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
      let buffered = '';
      stream?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) out.write(prefix + line + '\n');
      });
    };
    pipe(child.stdout, process.stdout);
    pipe(child.stderr, process.stderr);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`[supervisor] ${service.name} exited (${signal ?? code}); stopping everything`);
      void stopAll(code ?? 1);
    });
  }

  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
}
