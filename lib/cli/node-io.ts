/** The real CLI I/O over node:fs and the process streams. */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { CliIo } from './cli-io';

export function nodeIo(): CliIo {
  return {
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, text),
    stat: (path) => {
      try {
        return statSync(path).isDirectory() ? 'dir' : 'file';
      } catch {
        return 'missing';
      }
    },
    list: (dir) => readdirSync(dir),
    makeDir: (path) => mkdirSync(path, { recursive: true }),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
  };
}
