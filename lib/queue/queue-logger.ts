import { Logger, type LogLevel } from 'graphile-worker';

/** graphile-worker logger that stays quiet below `minimum` (its info lines are per job). */
export function queueLogger(minimum: 'debug' | 'info' | 'warn' | 'error' = 'warn'): Logger {
  const order = ['debug', 'info', 'warning', 'error'];
  const floor = order.indexOf(minimum === 'warn' ? 'warning' : minimum);
  return new Logger(() => (level: LogLevel, message: string) => {
    if (order.indexOf(level) < floor) return;
    const line = `[queue] ${level}: ${message}`;
    if (level === 'error') console.error(line);
    else console.warn(line);
  });
}
