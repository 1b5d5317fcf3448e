/** A CLI command: name, one-line summary, usage, and a `run` that returns the exit code. */
import type { CliIo } from './cli-io';

/** Exit codes shared by all commands. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;

/** One `waymark <command>`. */
export type Command = {
  summary: string;
  usage: string;
  /** The exit code; portal commands (which call the app) answer it asynchronously. */
  run(args: readonly string[], io: CliIo): number | Promise<number>;
};

/** A usage problem: reported on stderr, exit code 2. */
export class UsageError extends Error {}
