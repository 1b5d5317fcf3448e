/**
 * From what the audit gathered (HubSpot flow JSON, stored contracts, state-store rows, pipelines)
 * to lib/audit's plain `AuditInput`. Flows HubSpot returned in a shape the audit cannot read are
 * left out and named, so the binding can report them instead of guessing.
 */
import { addIsoDuration, parseIsoDuration } from '../../contracts/iso-duration';
import { parseNativeFlow, type AuditContract, type AuditInput, type ContractRuntimeFacts, type NativeFlow, type RefusalKind, type StageOrder } from '../../audit';
import type { RuntimeFactRows } from '../store/audit-runtime-facts';
import type { AuditedContract, GatheredAudit } from './audit-core-port';

const STATUSES = ['draft', 'live', 'paused', 'retired'] as const;
/** Pipeline stage property per object type (HubSpot's internal names). */
const PIPELINE_PROPERTY: Record<string, string> = { deal: 'dealstage', ticket: 'hs_pipeline_stage' };
/** The store's refusal kinds (audit-runtime-facts.ts) as the audit's. */
const REFUSAL_KIND: Record<string, RefusalKind> = {
  'lane-busy': 'lane_held', 'active-run': 'already_active', 'run-conflict': 'already_active', idempotency: 'idempotency_duplicate',
};
const DAY_MS = 86_400_000;

export function auditInputOf(gathered: GatheredAudit, now: Date): { input: AuditInput; unreadableFlows: { id: string; error: string }[] } {
  const flows: NativeFlow[] = [];
  const unreadableFlows: { id: string; error: string }[] = [];
  for (const raw of gathered.flows) {
    const parsed = parseNativeFlow(raw);
    if (parsed.ok) flows.push(parsed.flow);
    else unreadableFlows.push({ id: String(raw.id ?? '?'), error: parsed.error });
  }
  const contracts = gathered.contracts.flatMap(auditContractOf);
  return {
    input: { portalId: gathered.portalId, flows, contracts, stages: stageOrdersOf(gathered), runtime: runtimeFactsOf(gathered, contracts, now) },
    unreadableFlows,
  };
}

/** Only complete contracts are audited here; an incomplete draft is the contract linter's business. */
function auditContractOf(row: AuditedContract): AuditContract[] {
  const status = STATUSES.find((s) => s === row.status);
  if (!row.contract || !status) return [];
  return [{ key: row.key, name: row.name, status, version: row.version, contract: row.contract }];
}

function stageOrdersOf(gathered: GatheredAudit): StageOrder[] {
  const orders: StageOrder[] = [];
  for (const [objectType, pipelines] of Object.entries(gathered.pipelines)) {
    const property = PIPELINE_PROPERTY[objectType];
    if (!property || pipelines.length === 0) continue;
    // Pipelines one after the other: a stage id belongs to one pipeline, so within a pipeline the order holds.
    const order = pipelines.flatMap((p) => [...p.stages].sort((a, b) => a.displayOrder - b.displayOrder).map((s) => s.id));
    orders.push({ property, objectType, order });
  }
  for (const [property, definition] of Object.entries(gathered.stageProperties)) {
    orders.push({ property, objectType: 'contact', order: (definition.options ?? []).map((o) => o.value) });
  }
  return orders;
}

function runtimeFactsOf({ runtime: rows, contracts: stored }: { runtime: RuntimeFactRows; contracts: AuditedContract[] }, contracts: AuditContract[], now: Date): AuditInput['runtime'] {
  const byKey = new Map(contracts.map((c) => [c.key, c]));
  const facts: Record<string, ContractRuntimeFacts> = {};
  const today = now.toISOString().slice(0, 10);
  const of = (key: string): ContractRuntimeFacts =>
    (facts[key] ??= {
      activeRuns: [], failuresPerDay: [], failuresLast24h: 0, lastEnrolledAt: null, refusals: [],
      stageWritesRefused: { count: 0, examples: [] }, endedWithoutExit: { count: 0, examples: [] },
    });
  for (const c of stored) if (c.liveSince && c.status === 'live') of(c.key).liveSince = new Date(c.liveSince).toISOString();
  for (const a of rows.activity) {
    const entry = of(a.contractKey);
    entry.lastEnrolledAt = a.lastEnrolledAt ? new Date(a.lastEnrolledAt).toISOString() : null;
    // Days are UTC buckets: today's bucket stands for "the last 24 h", the earlier ones are the baseline.
    entry.failuresPerDay = a.failuresByDay.filter((d) => d.day !== today && d.day >= new Date(now.getTime() - 30 * DAY_MS).toISOString().slice(0, 10));
    entry.failuresLast24h = a.failuresByDay.find((d) => d.day === today)?.failures ?? 0;
  }
  for (const run of rows.activeRuns) {
    const duration = byKey.get(run.contractKey)?.contract.limits?.maxDuration;
    const parsed = duration ? parseIsoDuration(duration) : undefined;
    const startedAt = new Date(run.startedAt);
    of(run.contractKey).activeRuns.push({
      runId: run.runId, recordId: run.recordId, startedAt: startedAt.toISOString(),
      expectedBy: parsed ? addIsoDuration(startedAt, parsed).toISOString() : null,
      wakeUpDueAt: run.dueAt ? new Date(run.dueAt).toISOString() : null,
    });
  }
  for (const r of rows.refusals) {
    if (!r.contractKey) continue;
    const entry = of(r.contractKey);
    const examples = r.examples.map((e) => e.recordId ?? e.reason);
    if (r.kind === 'stage-refused') {
      entry.stageWritesRefused = { count: entry.stageWritesRefused.count + r.count, examples: [...entry.stageWritesRefused.examples, ...examples] };
      continue;
    }
    const kind = REFUSAL_KIND[r.kind];
    if (!kind) continue;
    const same = entry.refusals.find((x) => x.kind === kind);
    if (same) Object.assign(same, { count: same.count + r.count, examples: [...same.examples, ...examples] });
    else entry.refusals.push({ kind, count: r.count, examples });
  }
  // The store counts runs that ended without an exit portal-wide (the runs_exit_recorded check keeps it 0).
  return { contracts: facts, endedWithoutExit: { count: rows.exitedWithoutExit, examples: [] } };
}
