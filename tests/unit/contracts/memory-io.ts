/** An in-memory `CliIo` for CLI tests: a map of files, captured stdout/stderr, a fixed clock (NOW unless given). */
import type { CliIo } from '../../../lib/cli/cli-io';
import { NOW } from './contract-fixtures';

export type MemoryIo = CliIo & { files: Map<string, string>; out: string[]; err: string[] };

export function memoryIo(files: Record<string, string>, now: Date = NOW): MemoryIo {
  const map = new Map(Object.entries(files));
  const out: string[] = [];
  const err: string[] = [];
  const isDir = (path: string) => [...map.keys()].some((f) => f.startsWith(`${path.replace(/\/+$/, '')}/`));
  return {
    files: map,
    out,
    err,
    readFile: (path) => {
      const text = map.get(path);
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    writeFile: (path, text) => void map.set(path, text),
    stat: (path) => (map.has(path) ? 'file' : isDir(path) ? 'dir' : 'missing'),
    list: (dir) => {
      const prefix = `${dir.replace(/\/+$/, '')}/`;
      return [...new Set([...map.keys()].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0] as string))];
    },
    makeDir: () => undefined,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    now: () => now,
  };
}
