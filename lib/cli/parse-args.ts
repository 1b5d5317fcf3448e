/** Minimal argument parsing: positionals plus `--flag value` / `--flag=value` options. */
import { UsageError } from './command';

/** Parsed arguments. */
export type ParsedArgs = { positionals: string[]; options: Map<string, string> };

/** Parses `args`, accepting only the options named in `known`. */
export function parseArgs(args: readonly string[], known: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}; options: ${known.map((k) => `--${k}`).join(', ') || 'none'}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    options.set(name, value);
  }
  return { positionals, options };
}
