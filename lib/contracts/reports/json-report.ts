/**
 * JSON report: `{"findings":[{"rule","severity","contract","file","path","message"}...],"summary":{...}}`.
 * The six keys are always present (`null` when unknown); `fix` and `exception` appear when set.
 */
import type { ReportRenderer } from './report';

export const jsonReport: ReportRenderer = ({ findings, summary }) =>
  `${JSON.stringify(
    {
      findings: findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        contract: f.contract ?? null,
        file: f.file ?? null,
        path: f.path,
        message: f.message,
        ...(f.fix !== undefined ? { fix: f.fix } : {}),
        ...(f.exception !== undefined ? { exception: f.exception } : {}),
      })),
      summary,
    },
    null,
    2,
  )}\n`;
