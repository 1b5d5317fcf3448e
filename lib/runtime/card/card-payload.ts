/**
 * What the app card shows for one record, read from Waymark's state store: active runs, the
 * last decision, the lanes the record's runs hold, warnings, and the links to the iframe pages.
 * The JSON shape is agreed with the card (hubspot/src/app/cards); keep it stable.
 */
import type { Db } from '../../db/prisma';
import type { CrmObjectType } from '../../hubspot/crm-port';
import { readCardRows } from '../store/card-read-model';

/** The card's JSON response. */
export interface CardPayload {
  record: { objectType: CrmObjectType; objectId: string };
  activeRuns: {
    runId: string;
    contractKey: string;
    contractName: string;
    stepId: string | null;
    startedAt: string;
    dueAt: string | null;
  }[];
  lastDecision: { at: string; kind: string; outcome: string; reason: string; contractKey: string | null } | null;
  lanes: { lane: string; contractKey: string }[];
  warnings: { code: string; message: string }[];
  links: { recordPanel: string; editor: string; audit: string };
}

export interface CardQuery {
  portalId: bigint;
  objectType: CrmObjectType;
  recordId: string;
}

/** Reads the card's data (everything except the links, which need a token). */
export async function readCardData(db: Db, q: CardQuery): Promise<Omit<CardPayload, 'links'>> {
  const { active, runs, decision, lanes, liveContracts } = await readCardRows(db, q);
  const warnings: CardPayload['warnings'] = [];
  if (!active) {
    warnings.push({ code: 'not-installed', message: 'Waymark is not installed for this HubSpot account (or was uninstalled). Reinstall it to resume.' });
  } else if (liveContracts === 0) {
    warnings.push({ code: 'no-live-contracts', message: `No live contract covers ${q.objectType} records yet.` });
  }
  return {
    record: { objectType: q.objectType, objectId: q.recordId },
    activeRuns: runs.map((r) => ({
      runId: r.id,
      contractKey: r.contractKey,
      contractName: r.contract.name,
      stepId: r.currentStepId,
      startedAt: r.startedAt.toISOString(),
      dueAt: r.dueAt?.toISOString() ?? null,
    })),
    lastDecision: decision
      ? { at: decision.at.toISOString(), kind: decision.kind, outcome: decision.outcome, reason: decision.reason, contractKey: decision.contractKey }
      : null,
    lanes: lanes.map((l) => ({ lane: l.lane, contractKey: l.run.contractKey })),
    warnings,
  };
}
