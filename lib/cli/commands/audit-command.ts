/**
 * `waymark audit --portal <id> [--format text|json|sarif|markdown|csv]`: runs an audit of the
 * portal through the app (native workflows, contracts, runtime), shows its progress on stderr
 * and prints the report. Exit 0 without an (unsuppressed) error finding, 1 with one, 2 when it cannot run.
 */
import type { AppApi } from '../app-api';
import type { CliIo } from '../cli-io';
import { EXIT, UsageError, type Command } from '../command';
import { parseArgs } from '../parse-args';

const FORMATS = ['text', 'json', 'sarif', 'markdown', 'csv'] as const;
const POLL_MS = 500;
const MAX_WAIT_MS = 10 * 60_000;

interface AuditState {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { total: number; read: number; checked: number };
  error: string | null;
  report: { portalId: string; auditedAt: string; score: number; findings: { severity?: string; suppressed?: unknown }[] } | null;
}

/** The API, or a usage error saying where it is expected. */
export function requireApi(io: CliIo): AppApi {
  if (!io.api) throw new UsageError('this command needs the running Waymark app (npm run dev)');
  return io.api;
}

/** Calls the app; an unreachable app is a clear message, not a stack trace. */
export async function callApp(api: AppApi, ...args: Parameters<AppApi['request']>) {
  try {
    return await api.request(...args);
  } catch (error) {
    throw new Error(`cannot reach Waymark at ${api.baseUrl} (${error instanceof Error ? error.message : String(error)}); is \`npm run dev\` running?`);
  }
}

const apiError = (body: unknown) => (body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : JSON.stringify(body));

async function waitForAudit(api: AppApi, io: CliIo, portal: string, id: string): Promise<AuditState> {
  let last = '';
  for (let waited = 0; waited <= MAX_WAIT_MS; waited += POLL_MS) {
    const { status, body } = await callApp(api, 'GET', `/api/audits/${id}?portalId=${portal}`, portal);
    if (status !== 200) throw new Error(`reading audit ${id} failed (${status}): ${apiError(body)}`);
    const audit = body as AuditState;
    if (audit.status === 'done' || audit.status === 'failed') return audit;
    const line = audit.status === 'queued' ? 'queued' : `workflows read ${audit.progress.read}/${audit.progress.total}, checked ${audit.progress.checked}/${audit.progress.total}`;
    if (line !== last) io.stderr(`audit ${id}: ${line}\n`);
    last = line;
    await api.sleep(POLL_MS);
  }
  throw new Error(`audit ${id} did not finish within ${MAX_WAIT_MS / 60_000} minutes (is the worker running?)`);
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, ['portal', 'format']);
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const portal = options.get('portal');
  if (!portal || !/^\d{1,19}$/.test(portal)) throw new UsageError('--portal <id> is required (a HubSpot portal id)');
  const format = (options.get('format') ?? 'text') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const api = requireApi(io);
  const started = await callApp(api, 'POST', `/api/audits?portalId=${portal}`, portal, { portalId: portal });
  if (started.status !== 202) throw new Error(`starting the audit failed (${started.status}): ${apiError(started.body)}`);
  const audit = await waitForAudit(api, io, portal, (started.body as { auditId: string }).auditId);
  if (audit.status === 'failed' || !audit.report) {
    io.stderr(`waymark audit: the audit of portal ${portal} failed: ${audit.error ?? 'no report'}\n`);
    return EXIT.unreadable;
  }
  const { portalId, auditedAt, score, findings } = audit.report;
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ portalId, auditedAt, score, findings }, null, 2)}\n`);
  } else {
    const exported = await callApp(api, 'GET', `/api/audits/${audit.id}/export?portalId=${portal}&format=${format}`, portal);
    if (exported.status !== 200) throw new Error(`exporting the report failed (${exported.status}): ${apiError(exported.body)}`);
    const text = typeof exported.body === 'string' ? exported.body : JSON.stringify(exported.body, null, 2);
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }
  // A suppressed error was accepted by a person, with a reason: it does not fail the command.
  return findings.some((f) => f.severity === 'error' && !f.suppressed) ? EXIT.findings : EXIT.ok;
}

export const auditCommand: Command = {
  summary: "audit a portal's native workflows, contracts and runtime (through the running app)",
  usage: 'waymark audit --portal <id> [--format text|json|sarif|markdown|csv]',
  run,
};
