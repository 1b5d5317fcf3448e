/** Expands the files and directories given to `waymark lint` into contract files (sorted, deduplicated). */
import type { CliIo } from './cli-io';

const CONTRACT_FILE = /\.(json|ya?ml)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.next', '.data']);

/** Contract files under `paths`; directories are walked for .json/.yaml/.yml, skipping the config file. Directories that cannot be listed are returned as `unreadable`. */
export function collectFiles(paths: readonly string[], io: CliIo): { files: string[]; missing: string[]; unreadable: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  const unreadable: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = io.list(dir).sort();
    } catch (error) {
      unreadable.push(`${dir}: ${(error as Error).message}`);
      return;
    }
    for (const name of names) {
      const path = `${dir.replace(/\/+$/, '')}/${name}`;
      const kind = io.stat(path);
      if (kind === 'dir' && !SKIP_DIRS.has(name)) walk(path);
      else if (kind === 'file' && CONTRACT_FILE.test(name) && !/^waymark\.config\.json$/i.test(name) && !/^package(-lock)?\.json$/.test(name)) files.add(path);
    }
  };
  for (const path of paths) {
    const kind = io.stat(path);
    if (kind === 'file') files.add(path);
    else if (kind === 'dir') walk(path);
    else missing.push(path);
  }
  return { files: [...files], missing, unreadable };
}
