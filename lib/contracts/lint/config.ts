/**
 * `waymark.config.json`: change a rule's severity, turn it off, or except a contract from it with
 * a required reason (the reason shows in every report next to the excepted finding).
 */
import { z } from 'zod';
import { issuesToFindings } from '../zod-issues';

const severityOrOff = z.enum(['error', 'warning', 'info', 'off']);
const exceptionSchema = z.strictObject({
  contract: z.string().min(1),
  reason: z.string().trim().min(1, 'needs a reason: say why this contract is excepted'),
});

/** Schema of `waymark.config.json`. */
export const lintConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z
    .record(
      z.string(),
      z.union([severityOrOff, z.strictObject({ severity: severityOrOff.optional(), exceptions: z.array(exceptionSchema).optional() })]),
    )
    .optional(),
  /** Stage orders known for the portal, per property, used when contracts omit `order`. */
  stageOrders: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional(),
});
/** Lint configuration. */
export type LintConfig = z.infer<typeof lintConfigSchema>;

/** Per-rule settings after normalising the shorthand forms. */
export type RuleSetting = { severity?: 'error' | 'warning' | 'info' | 'off'; exceptions: Map<string, string> };

/** Parses a configuration value; errors are plain-words messages (unknown rule ids included). */
export function parseLintConfig(raw: unknown, ruleIds: readonly string[]): { config: LintConfig } | { errors: string[] } {
  const result = lintConfigSchema.safeParse(raw);
  if (!result.success) return { errors: issuesToFindings(result.error.issues, raw, []).map((f) => f.message.replace(/^contract/, 'config')) };
  const unknown = Object.keys(result.data.rules ?? {}).filter((id) => !ruleIds.includes(id));
  if (unknown.length > 0) return { errors: unknown.map((id) => `rules.${id}: no rule has this id; known ids: ${ruleIds.join(', ')}`) };
  return { config: result.data };
}

/** The setting for one rule. */
export function ruleSetting(config: LintConfig | undefined, ruleId: string): RuleSetting {
  const entry = config?.rules?.[ruleId];
  if (entry === undefined) return { exceptions: new Map() };
  if (typeof entry === 'string') return { severity: entry, exceptions: new Map() };
  return {
    ...(entry.severity ? { severity: entry.severity } : {}),
    exceptions: new Map((entry.exceptions ?? []).map((e) => [e.contract, e.reason])),
  };
}
