/**
 * SARIF 2.1.0 report for GitHub code scanning: one run, the rule catalogue as the driver's rules,
 * one result per finding with a region computed from the finding's JSON pointer. Excepted findings
 * carry an external suppression with the configured reason.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../finding';
import { sourceLocator, type SourceRegion } from '../source-location';
import type { ReportRenderer } from './report';

/** Relative paths stay relative (to the repository root, as code scanning expects); absolute ones become file URIs. */
function fileUri(file: string): string {
  const path = file.replace(/\\/g, '/');
  return path.startsWith('/') ? `file://${encodeURI(path)}` : encodeURI(path);
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const satisfies Record<Severity, string>;

export const sarifReport: ReportRenderer = ({ findings, rules, sources }) => {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const locators = new Map<string, (pointer: string) => SourceRegion>();
  const regionOf = (file: string, pointer: string): SourceRegion | undefined => {
    const source = sources?.get(file);
    if (source === undefined) return undefined;
    let locate = locators.get(file);
    if (!locate) {
      locate = sourceLocator(source);
      locators.set(file, locate);
    }
    return locate(pointer);
  };
  const results = findings.map((f): Result => {
    const index = ruleIndex.get(f.rule);
    const region = f.file === undefined ? undefined : regionOf(f.file, f.path);
    return {
      ruleId: f.rule,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: LEVEL[f.severity],
      message: { text: f.fix !== undefined ? `${f.message} (fix: ${f.fix})` : f.message },
      locations: [
        {
          ...(f.file !== undefined
            ? { physicalLocation: { artifactLocation: { uri: fileUri(f.file) }, ...(region ? { region } : {}) } }
            : {}),
          logicalLocations: [{ fullyQualifiedName: `${f.contract ?? ''}#${f.path}`, kind: 'member' }],
        },
      ],
      ...(f.exception !== undefined ? { suppressions: [{ kind: 'external', justification: f.exception }] } : {}),
      properties: { contract: f.contract ?? null, path: f.path },
    };
  });
  // Typed against the SARIF 2.1.0 definitions, so the compiler checks the shape GitHub reads.
  const sarif: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'waymark',
            rules: rules.map((rule): ReportingDescriptor => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.rationale },
              help: { text: `${rule.rationale} Documentation: ${rule.docs}` },
              // SARIF wants an absolute helpUri; relative catalogue links go in the help text only.
              ...(/^https?:\/\//.test(rule.docs) ? { helpUri: rule.docs } : {}),
              defaultConfiguration: { level: LEVEL[rule.severity] },
            })),
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};
