/**
 * `waymark simulate <contract> --record <json> --events <jsonl>`: a dry run of one contract for
 * one record on virtual time, with the same engine as the live runtime and no side effects.
 * Prints the path taken, every decision with its inputs and the exit reached (`--format json`
 * for the result object). `--record` and `--shared` take a file or inline JSON, `--events` a
 * JSON Lines file or inline lines; event times are ISO instants or durations from `--start`.
 * Exit 0 when the simulation ran (whatever the exit), 2 on unreadable input or bad usage.
 */
import { formatSimulation } from '../../engine/format-simulation';
import { runSimulation } from '../../engine/simulate-request';
import type { CliIo } from '../cli-io';
import { EXIT, UsageError, type Command } from '../command';
import { parseArgs } from '../parse-args';

const OPTIONS = ['record', 'events', 'format', 'start', 'time-zone', 'shared', 'fail', 'horizon'];

/** Inline text when it looks like JSON, otherwise the contents of the file it names. */
function inlineOrFile(value: string, io: CliIo): string {
  return /^\s*[{[]/.test(value) ? value : io.readFile(value);
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} is not JSON: ${(error as Error).message}`);
  }
}

export const simulateCommand = {
  summary: 'dry-run a contract for one record on virtual time (path, decisions with inputs, exit)',
  usage:
    'waymark simulate <contract> --record <json|file> --events <jsonl|file> [--start ISO] [--time-zone IANA] [--shared <json|file>] [--fail step,…] [--horizon P400D] [--format text|json]',
  run(args, io) {
    const { positionals, options } = parseArgs(args, OPTIONS);
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new UsageError('give exactly one contract file');
    const format = options.get('format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json, not '${format}'`);
    const record = options.get('record');
    if (record === undefined) throw new UsageError('--record is required (a JSON object of properties, or a file)');

    let request: Record<string, unknown>;
    try {
      request = {
        contract: io.readFile(file),
        record: parseJson(inlineOrFile(record, io), '--record'),
        events: options.has('events') ? inlineOrFile(options.get('events') as string, io) : '',
        ...(options.has('start') ? { start: options.get('start') } : {}),
        ...(options.has('time-zone') ? { timeZone: options.get('time-zone') } : {}),
        ...(options.has('shared') ? { shared: parseJson(inlineOrFile(options.get('shared') as string, io), '--shared') } : {}),
        ...(options.has('fail') ? { fail: (options.get('fail') as string).split(',').map((s) => s.trim()).filter(Boolean) } : {}),
        ...(options.has('horizon') ? { horizon: options.get('horizon') } : {}),
      };
    } catch (error) {
      if (error instanceof UsageError) throw error;
      io.stderr(`waymark simulate: ${(error as Error).message}\n`);
      return EXIT.unreadable;
    }

    const outcome = runSimulation(request, io.now());
    if (!outcome.ok) {
      io.stderr(`waymark simulate: the input is not valid:\n${outcome.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return EXIT.unreadable;
    }
    io.stdout(format === 'json' ? `${JSON.stringify(outcome.result, null, 2)}\n` : formatSimulation(outcome.contractKey, outcome.result));
    return EXIT.ok;
  },
} as const satisfies Command;
