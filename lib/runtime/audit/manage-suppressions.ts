/**
 * Suppressions of audit findings: listing is open to anyone who may read the portal's audit;
 * adding and removing record who did it (the route decides who may).
 */
import { z } from 'zod';
import type { RuntimeDeps } from '../runtime-deps';
import { sqlOf } from '../runtime-deps';
import { deleteSuppression, listSuppressions, upsertSuppression, type SuppressionRow } from '../store/audit-suppressions';

/** The body of "suppress this finding". */
export const suppressionInput = z.object({
  rule: z.string().regex(/^[a-z][a-z0-9-]{1,80}$/, 'must be a rule id'),
  subject: z.object({ kind: z.enum(['workflow', 'contract', 'stage', 'run', 'portal']), id: z.string().min(1).max(300) }),
  reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500),
});

export type SuppressionInput = z.infer<typeof suppressionInput>;

export interface SuppressionView {
  id: string;
  rule: string;
  subject: { kind: string; id: string };
  reason: string;
  createdBy: string;
  createdAt: string;
}

const view = (row: SuppressionRow): SuppressionView => ({
  id: row.id, rule: row.rule, subject: { kind: row.subjectKind, id: row.subjectId }, reason: row.reason, createdBy: row.createdBy, createdAt: row.createdAt.toISOString(),
});

export async function portalSuppressions(deps: Pick<RuntimeDeps, 'sql'>, portalId: bigint): Promise<SuppressionView[]> {
  return (await listSuppressions(sqlOf(deps), portalId)).map(view);
}

export async function addSuppression(deps: Pick<RuntimeDeps, 'sql' | 'clock'>, portalId: bigint, input: SuppressionInput, actor: string): Promise<SuppressionView> {
  const row = await upsertSuppression(sqlOf(deps), {
    portalId, rule: input.rule, subjectKind: input.subject.kind, subjectId: input.subject.id, reason: input.reason, createdBy: actor, now: deps.clock.now(),
  });
  return view(row);
}

export async function removeSuppression(deps: Pick<RuntimeDeps, 'sql'>, portalId: bigint, id: string): Promise<boolean> {
  return deleteSuppression(sqlOf(deps), portalId, id);
}
