/**
 * Native-workflow enrollments the sandbox is executing, per portal (in memory, like the rest of
 * the sandbox state): where each one is, what each action answered, and a log the record page
 * shows on the timeline. Blocked executions are found by their callbackId.
 */
import type { Portal } from '../state/portal';

export interface EnrollmentLogEntry {
  at: number;
  actionId: string | null;
  text: string;
}

export interface FlowEnrollment {
  id: string;
  flowId: string;
  flowName: string;
  objectTypeId: string;
  objectId: string;
  status: 'running' | 'blocked' | 'done' | 'failed';
  currentActionId: string | null;
  /** Output fields per action id (STATIC_BRANCH reads them). */
  outputs: Record<string, Record<string, string>>;
  /** The callbackId the enrollment is blocked on. */
  callbackId: string | null;
  /** How many times each callbackId was completed (a conformance test asserts once). */
  completions: Record<string, number>;
  log: EnrollmentLogEntry[];
}

interface Store {
  next: number;
  enrollments: Map<string, FlowEnrollment>;
}

const stores = new WeakMap<Portal, Store>();

function storeOf(portal: Portal): Store {
  let store = stores.get(portal);
  if (!store) stores.set(portal, (store = { next: 1, enrollments: new Map() }));
  return store;
}

export function addEnrollment(portal: Portal, input: Pick<FlowEnrollment, 'flowId' | 'flowName' | 'objectTypeId' | 'objectId' | 'currentActionId'>): FlowEnrollment {
  const store = storeOf(portal);
  const enrollment: FlowEnrollment = { ...input, id: String(store.next++), status: 'running', outputs: {}, callbackId: null, completions: {}, log: [] };
  store.enrollments.set(enrollment.id, enrollment);
  return enrollment;
}

export function enrollmentsOf(portal: Portal): FlowEnrollment[] {
  return [...storeOf(portal).enrollments.values()];
}

export function enrollmentByCallback(portal: Portal, callbackId: string): FlowEnrollment | undefined {
  return enrollmentsOf(portal).find((e) => e.callbackId === callbackId || callbackId in e.completions);
}
