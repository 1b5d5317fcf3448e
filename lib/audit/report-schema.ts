/**
 * A stored report read back (the previous audit for a diff, a finished audit for an export). The
 * store holds JSON written by some earlier rule-set version, so it is checked here, at the
 * boundary, instead of trusted: loose objects (later versions may add fields), the fields the
 * diff and the formats read typed.
 */
import { z } from 'zod';
import { AUDIT_SEVERITIES, type AuditReport } from './types';

const subjectSchema = z.looseObject({
  kind: z.enum(['workflow', 'contract', 'stage', 'run', 'portal']),
  id: z.string(),
  name: z.string(),
});

export const auditFindingSchema = z.looseObject({
  rule: z.string(),
  severity: z.enum(AUDIT_SEVERITIES),
  subject: subjectSchema,
  message: z.string(),
  evidence: z.array(z.string()).default([]),
  fix: z.string().default(''),
  fingerprint: z.string().optional(),
  suppressed: z.looseObject({ reason: z.string(), by: z.string() }).optional(),
});

const scoreSchema = z.looseObject({
  subject: subjectSchema,
  score: z.number(),
  counts: z.looseObject({ error: z.number(), warning: z.number(), info: z.number() }),
});

export const auditReportSchema = z.looseObject({
  portalId: z.string(),
  auditedAt: z.string(),
  ruleSetVersion: z.string().default('unknown'),
  score: z.number(),
  workflowScores: z.array(scoreSchema).default([]),
  findings: z.array(auditFindingSchema),
});

/** A stored report as an `AuditReport`; throws naming the first bad field. */
export function parseStoredReport(value: unknown): AuditReport {
  const parsed = auditReportSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`Stored audit report is unreadable at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}
