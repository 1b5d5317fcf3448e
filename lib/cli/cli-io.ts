/**
 * What the CLI needs from the outside world, passed in so commands stay testable: files, output
 * streams and the clock. `node-io.ts` implements it over node:fs for the real binary.
 */
import type { AppApi } from './app-api';

export type CliIo = {
  /** Reads a UTF-8 file; throws when it cannot. */
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  /** `file`, `dir`, or `missing`. */
  stat(path: string): 'file' | 'dir' | 'missing';
  /** Entries of a directory (names only). */
  list(dir: string): string[];
  makeDir(path: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
  /** The running app's API (portal commands: audit, draft); absent where no app is reachable. */
  api?: AppApi;
};
