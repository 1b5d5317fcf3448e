/**
 * Everything the record panel shows, as plain serialisable values: the record's runs (contract
 * name, version, step, next wake-up in the portal's time zone and relative, lanes held, exit),
 * its decisions as sentences with their exact inputs and contract version, and the manual
 * contracts a person may start here.
 */
import type { Db } from '../../db/prisma';
import { decisionSentence } from '../../explain/decision-sentence';
import { humanizeText, readableTime, relativeTime } from '../../explain/humanize';
import { readPortalContracts, readPortalTimeZone, readRecordDecisions, readRecordRuns } from '../store/record-panel';

export interface PanelRun {
  id: string; contractKey: string; contractName: string; version: number; status: 'active' | 'exited';
  currentStep: string | null; nextWake: { local: string; relative: string } | null; lanes: string[];
  exit: { id: string; outcome: string | null; reason: string | null; at: string | null } | null;
  started: string; exits: { id: string; outcome: string; note: string | null }[];
  failedActions: { idempotencyKey: string; kind: string; stepId: string; error: string | null }[];
}
export interface PanelDecision { id: string; sentence: string; kind: string; outcome: string; at: string; contract: string | null; version: number | null; actor: string | null; inputs: string }
export interface RecordPanelView { timeZone: string; runs: PanelRun[]; decisions: PanelDecision[]; manualContracts: { key: string; name: string }[] }

interface Definition { name?: string; trigger?: { event?: string }; object?: string; exits?: { id: string; outcome: string; note?: string }[] }
const def = (value: unknown): Definition => (value && typeof value === 'object' ? (value as Definition) : {});

export async function loadRecordPanel(db: Db, input: { portalId: bigint; objectType: string; recordId: string; now: Date }): Promise<RecordPanelView> {
  const { portalId, objectType, recordId, now } = input;
  const [timeZone, runs, decisions, contracts] = await Promise.all([
    readPortalTimeZone(db, portalId), readRecordRuns(db, portalId, objectType, recordId), readRecordDecisions(db, portalId, objectType, recordId), readPortalContracts(db, portalId),
  ]);
  const names: Record<string, string> = Object.fromEntries(contracts.map((c) => [c.key, c.name]));
  const versionOfRun = new Map(runs.map((r) => [r.id, r.contractVersion.version]));
  const local = (d: Date) => readableTime(d, timeZone, now);
  return {
    timeZone,
    runs: runs.map((r) => {
      const d = def(r.contractVersion.definition);
      return {
        id: r.id, contractKey: r.contractKey, contractName: names[r.contractKey] ?? d.name ?? r.contractKey, version: r.contractVersion.version, status: r.status,
        currentStep: r.currentStepId, lanes: r.lanes.map((l) => l.lane), started: local(r.startedAt),
        nextWake: r.status === 'active' && r.dueAt ? { local: local(r.dueAt), relative: relativeTime(r.dueAt, now) } : null,
        exit: r.exitId ? { id: r.exitId, outcome: r.exitOutcome, reason: r.exitReason ? humanizeText(r.exitReason, timeZone, now) : null, at: r.exitedAt ? local(r.exitedAt) : null } : null,
        exits: (d.exits ?? []).map((e) => ({ id: e.id, outcome: e.outcome, note: e.note ?? null })),
        failedActions: r.actions.map((a) => ({ idempotencyKey: a.idempotencyKey, kind: a.kind, stepId: a.stepId, error: a.error })),
      };
    }),
    decisions: decisions.map((d) => ({
      id: d.id.toString(), kind: d.kind, outcome: d.outcome, at: local(d.at), actor: d.actor,
      sentence: decisionSentence(d, { contractNames: names, timeZone, now }),
      contract: d.contractKey ? (names[d.contractKey] ?? d.contractKey) : null,
      version: (d.runId ? versionOfRun.get(d.runId) : undefined) ?? contracts.find((c) => c.key === d.contractKey)?.live?.version ?? null,
      inputs: JSON.stringify(d.inputs, null, 2),
    })),
    manualContracts: contracts
      .filter((c) => c.status === 'live' && c.objectType === objectType && def(c.live?.definition).trigger?.event === 'manual')
      .map((c) => ({ key: c.key, name: c.name })),
  };
}
