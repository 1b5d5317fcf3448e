/**
 * `waymark draft --portal <id> --workflow <flowId> [--format yaml|json] [--out <file>]`: drafts a
 * contract from a native workflow (what it could map: trigger, filter, steps, branches) and lists
 * what the workflow never declared as open findings on stderr. Exit 0 when a draft was made.
 */
import type { CliIo } from '../cli-io';
import { EXIT, UsageError, type Command } from '../command';
import { parseArgs } from '../parse-args';
import { callApp, requireApi } from './audit-command';

interface DraftAnswer {
  draft: unknown;
  yaml: string;
  openFindings: { rule?: string; message: string }[];
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, ['portal', 'workflow', 'format', 'out']);
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const portal = options.get('portal');
  const workflow = options.get('workflow');
  if (!portal || !/^\d{1,19}$/.test(portal)) throw new UsageError('--portal <id> is required (a HubSpot portal id)');
  if (!workflow || !/^\d{1,19}$/.test(workflow)) throw new UsageError('--workflow <flowId> is required (a HubSpot flow id)');
  const format = options.get('format') ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new UsageError('--format must be yaml or json');
  const api = requireApi(io);
  const answer = await callApp(api, 'GET', `/api/audits/draft?portalId=${portal}&workflowId=${workflow}`, portal);
  if (answer.status !== 200) {
    const message = answer.body && typeof answer.body === 'object' && 'error' in answer.body ? String((answer.body as { error: unknown }).error) : String(answer.body);
    io.stderr(`waymark draft: ${message}\n`);
    return EXIT.unreadable;
  }
  const draft = answer.body as DraftAnswer;
  const text = format === 'json' ? `${JSON.stringify(draft.draft, null, 2)}\n` : draft.yaml;
  const out = options.get('out');
  if (out) io.writeFile(out, text);
  else io.stdout(text);
  for (const finding of draft.openFindings) io.stderr(`open: ${finding.rule ? `${finding.rule}: ` : ''}${finding.message}\n`);
  return EXIT.ok;
}

export const draftCommand: Command = {
  summary: 'draft a contract from a native HubSpot workflow (through the running app)',
  usage: 'waymark draft --portal <id> --workflow <flowId> [--format yaml|json] [--out <file>]',
  run,
};
