/**
 * The audit's data shapes: what the app loads and hands in (`AuditInput`, all plain data, no I/O),
 * what comes out (`AuditReport`, whose JSON is the shape issue #11 fixes for the CLI and the API),
 * and the options (`AuditOptions`: the clock and the suppressions).
 */
import type { Contract } from '../contracts/schema';
import type { NativeFlow } from './flow-schema';

export type { NativeFlow } from './flow-schema';

/** How bad a finding is. An `error` finding makes `waymark audit` exit 1. */
export type AuditSeverity = 'error' | 'warning' | 'info';
/** Severities from worst to mildest. */
export const AUDIT_SEVERITIES = ['error', 'warning', 'info'] as const satisfies readonly AuditSeverity[];

/** What a finding is about. A native workflow's `id` is its HubSpot flow id; a contract's is its key. */
export type AuditSubject = {
  kind: 'workflow' | 'contract' | 'stage' | 'run' | 'portal';
  id: string;
  name: string;
};

/** One audit finding, in the JSON shape. */
export type AuditFinding = {
  rule: string;
  severity: AuditSeverity;
  subject: AuditSubject;
  /** Plain words: what is wrong. */
  message: string;
  /** What the audit saw that proves it (action ids, property values, counts, example ids). */
  evidence: string[];
  /** The fix, in words. */
  fix: string;
  /** Stable across audits for the same problem (rule + subject + detail): keys diffs and suppressions. */
  fingerprint?: string;
  /** Set when a suppression covers the finding (the finding is kept, marked, and not scored). */
  suppressed?: { reason: string; by: string };
};

/** A contract as the state store holds it: the parsed (complete) contract of its current version. */
export type AuditContract = {
  key: string;
  name: string;
  status: 'draft' | 'live' | 'paused' | 'retired';
  version: number | null;
  contract: Contract;
};

/** A stage property's order in the portal (pipeline stages, lifecycle stages), earliest first. */
export type StageOrder = {
  /** `lifecyclestage`, `dealstage`, `hs_pipeline_stage`, … */
  property: string;
  /** HubSpot object type id or name the property belongs to (`0-1`/`contact`, `0-3`/`deal`). */
  objectType: string;
  /** Stage values (internal names) in order. */
  order: string[];
};

/** Kinds of refusal the runtime records when it prevents a duplicate or a collision. */
export const REFUSAL_KINDS = ['lane_held', 'already_active', 'idempotency_duplicate'] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

/** Run-time facts about one contract, loaded from the state store by the app. Times are ISO. */
export type ContractRuntimeFacts = {
  /** Runs still active. */
  activeRuns: {
    runId: string;
    recordId: string;
    startedAt: string;
    /** startedAt + the contract's expected duration (limits.maxDuration), when it has one. */
    expectedBy?: string | null;
    /** When the run's pending wake-up was due, if it has one. */
    wakeUpDueAt?: string | null;
  }[];
  /** Failed runs per day over the recent days before the last 24 h (the baseline); days with none may be left out. */
  failuresPerDay: { day: string; failures: number }[];
  /**
   * How many days the baseline covers, days with no failure included (the store only returns
   * days that had one). Without it, the baseline is the days listed.
   */
  baselineDays?: number;
  /** Failed runs in the last 24 h. */
  failuresLast24h: number;
  /** Last time a record was enrolled, or null if never. */
  lastEnrolledAt: string | null;
  /** When the current live version was published (so "never enrolled" can be judged). */
  liveSince?: string | null;
  /** Refusals by kind, with a few example ids (run or record ids). */
  refusals: { kind: RefusalKind; count: number; examples: string[] }[];
  /** Stage writes the runtime refused (stage policy), with examples. */
  stageWritesRefused: { count: number; examples: string[] };
  /** Runs that ended without a recorded exit (must be zero), with examples. */
  endedWithoutExit: { count: number; examples: string[] };
};

/** Run-time facts of the portal. */
export type RuntimeFacts = {
  /** By contract key. A contract with no entry has no run-time facts (nothing to judge). */
  contracts: Record<string, ContractRuntimeFacts>;
  /** By HubSpot flow id, when the app knows it (flow performance): last enrolment. */
  flows?: Record<string, { lastEnrolledAt: string | null }>;
  /** Runs of the portal that ended without a recorded exit, when the store counts them portal-wide. */
  endedWithoutExit?: { count: number; examples: string[] };
};

/** Everything an audit reads, as plain data. */
export type AuditInput = {
  portalId: string;
  flows: NativeFlow[];
  contracts: AuditContract[];
  stages: StageOrder[];
  /** Properties forms known to the portal write (they count as writers for `untriggered`). */
  forms?: { formId?: string; name?: string; properties: string[] }[];
  runtime: RuntimeFacts;
};

/** A suppression: a person decided the finding is accepted, and said why. */
export type Suppression = {
  rule: string;
  /** The finding's `subject.id`, or a fingerprint. */
  subjectId: string;
  reason: string;
  by: string;
};

/** Options of one audit. */
export type AuditOptions = {
  /** The injected clock. */
  now: Date;
  suppressions?: Suppression[];
};

/** One workflow's (or contract's) score. */
export type WorkflowScore = {
  subject: AuditSubject;
  score: number;
  counts: Record<AuditSeverity, number>;
};

/** The stored, printed and served result of one audit. */
export type AuditReport = {
  portalId: string;
  auditedAt: string;
  ruleSetVersion: string;
  /** 0–100, see lib/audit/README.md. */
  score: number;
  workflowScores: WorkflowScore[];
  findings: AuditFinding[];
};
