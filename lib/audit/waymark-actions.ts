/**
 * Waymark's own custom workflow actions inside native workflows ("Check Waymark entry",
 * "Declare exit state", hubspot/src/app/workflow-actions). In a flow they appear as custom
 * actions whose `actionTypeId` is the app's definition id (known only per install), so the
 * predicates accept the ids the app hands in and, as a fallback, the action URL or uid in fields.
 */
import type { FlowAction } from './flow-schema';

export type WaymarkActionIds = { checkEntry?: readonly string[]; declareExit?: readonly string[] };

const mentions = (action: FlowAction, marker: string): boolean => {
  const text = JSON.stringify(action.fields ?? {}) + JSON.stringify(action.actionUrl ?? '');
  return text.includes(marker);
};

/** "Check Waymark entry": the workflow asks Waymark before acting, so its lanes are guarded. */
export function isCheckEntryAction(action: FlowAction, ids: WaymarkActionIds = {}): boolean {
  return (action.actionTypeId !== undefined && (ids.checkEntry ?? []).includes(action.actionTypeId))
    || mentions(action, 'waymark_check_entry') || mentions(action, '/api/hubspot/actions/check-entry');
}

/** "Declare exit state": the workflow records where each record ended. */
export function isDeclareExitAction(action: FlowAction, ids: WaymarkActionIds = {}): boolean {
  return (action.actionTypeId !== undefined && (ids.declareExit ?? []).includes(action.actionTypeId))
    || mentions(action, 'waymark_declare_exit') || mentions(action, '/api/hubspot/actions/declare-exit');
}

/** "Run a Waymark contract and wait for its exit": the contract key it starts, when it is one. */
export function runContractKey(action: FlowAction, ids: WaymarkActionIds & { runContract?: readonly string[] } = {}): string | undefined {
  const listed = action.actionTypeId !== undefined && (ids.runContract ?? []).includes(action.actionTypeId);
  if (!listed && !mentions(action, 'waymark_run_contract') && !mentions(action, '/api/hubspot/actions/run-contract')) return undefined;
  const field = action.fields?.contract;
  const value = field && typeof field === 'object' ? (field as { staticValue?: unknown }).staticValue : field;
  return typeof value === 'string' && value ? value : undefined;
}
