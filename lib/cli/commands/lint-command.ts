/**
 * `waymark lint <files or dirs...> [--format text|json|sarif|markdown] [--config file]`: lints the
 * given contracts as one set (portal rules across all of them). Stdout carries only the report;
 * problems reading input go to stderr. Exit 0: no error finding; 1: an error finding; 2: unreadable input.
 */
import { ALL_RULE_IDS, RULES } from '../../contracts/rules/registry';
import { parseLintConfig, type LintConfig } from '../../contracts/lint/config';
import { lintContracts, type LintItem } from '../../contracts/lint/lint-contracts';
import { parseContract } from '../../contracts/parse-contract';
import { REPORTS, type ReportFormat } from '../../contracts/reports/registry';
import type { CliIo } from '../cli-io';
import { collectFiles } from '../collect-files';
import { EXIT, UsageError, type Command } from '../command';
import { parseArgs } from '../parse-args';

const DEFAULT_CONFIG = 'waymark.config.json';

export const lintCommand = {
  summary: 'lint contracts together (single-contract and portal rules)',
  usage: 'waymark lint <files or dirs...> [--format text|json|sarif|markdown] [--config file]',
  run(args, io) {
    const { positionals, options } = parseArgs(args, ['format', 'config']);
    const format = options.get('format') ?? 'text';
    if (!(format in REPORTS)) throw new UsageError(`--format must be one of ${Object.keys(REPORTS).join(', ')}`);
    if (positionals.length === 0) throw new UsageError('give at least one contract file or directory');
    const config = readConfig(options.get('config'), io);
    if (config === 'unreadable') return EXIT.unreadable;

    let unreadable = false;
    const { files, missing, unreadable: unlisted } = collectFiles(positionals, io);
    for (const path of missing) {
      io.stderr(`waymark: cannot read ${path}: no such file or directory\n`);
      unreadable = true;
    }
    for (const problem of unlisted) {
      io.stderr(`waymark: cannot read ${problem}\n`);
      unreadable = true;
    }
    const items: LintItem[] = [];
    const sources = new Map<string, string>();
    for (const file of files) {
      let text: string;
      try {
        text = io.readFile(file);
      } catch (error) {
        io.stderr(`waymark: cannot read ${file}: ${(error as Error).message}\n`);
        unreadable = true;
        continue;
      }
      const parsed = parseContract(text, { format: /\.json$/i.test(file) ? 'json' : /\.ya?ml$/i.test(file) ? 'yaml' : 'auto' });
      if (parsed.unreadable) {
        io.stderr(`waymark: cannot read ${file}: ${parsed.unreadable}\n`);
        unreadable = true;
        continue;
      }
      sources.set(file, text);
      items.push({ parsed, file });
    }
    const result = lintContracts(items, { context: { now: io.now() }, ...(config ? { config } : {}) });
    io.stdout(REPORTS[format as ReportFormat]({ findings: result.findings, summary: result.summary, rules: RULES, sources }));
    if (unreadable) return EXIT.unreadable;
    return result.summary.errors > 0 ? EXIT.findings : EXIT.ok;
  },
} as const satisfies Command;

function readConfig(path: string | undefined, io: CliIo): LintConfig | undefined | 'unreadable' {
  const file = path ?? (io.stat(DEFAULT_CONFIG) === 'file' ? DEFAULT_CONFIG : undefined);
  if (file === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(io.readFile(file)) as unknown;
  } catch (error) {
    io.stderr(`waymark: cannot read config ${file}: ${(error as Error).message}\n`);
    return 'unreadable';
  }
  const parsed = parseLintConfig(raw, ALL_RULE_IDS);
  if ('errors' in parsed) {
    for (const message of parsed.errors) io.stderr(`waymark: ${file}: ${message}\n`);
    return 'unreadable';
  }
  return parsed.config;
}
