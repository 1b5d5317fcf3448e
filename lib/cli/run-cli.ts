/** Dispatches `waymark <command> [args]` through the command registry; returns the exit code. */
import type { CliIo } from './cli-io';
import { EXIT, UsageError, type Command } from './command';
import { COMMANDS } from './registry';

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}\n      ${command.usage}`);
  return `Usage: waymark <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nExit codes: 0 ok, 1 error findings, 2 unreadable input or bad usage.\n`;
}

/**
 * Runs the CLI. Never throws (or rejects): usage and input problems are exit code 2 with a
 * message on stderr. File commands answer synchronously; portal commands with a promise.
 */
export function runCli(argv: readonly string[], io: CliIo): number | Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout)(help());
    return name === undefined ? EXIT.unreadable : EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name as keyof typeof COMMANDS] : undefined;
  if (!command) {
    io.stderr(`waymark: unknown command '${name}'\n\n${help()}`);
    return EXIT.unreadable;
  }
  const fail = (error: unknown): number => {
    if (error instanceof UsageError) {
      io.stderr(`waymark ${name}: ${error.message}\nusage: ${command.usage}\n`);
      return EXIT.unreadable;
    }
    // Anything else (a file system error mid-run…) still ends with a message and exit 2, not a stack trace.
    io.stderr(`waymark ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.unreadable;
  };
  try {
    const result: number | Promise<number> = (command as Command).run(args, io);
    return typeof result === 'number' ? result : result.catch(fail);
  } catch (error) {
    return fail(error);
  }
}
