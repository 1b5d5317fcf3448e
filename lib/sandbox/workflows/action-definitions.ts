/**
 * The app's custom workflow actions as the sandbox knows them: read from the HubSpot project
 * (`hubspot/src/app/workflow-actions/*-hsmeta.json`), each with the definition id HubSpot would
 * assign on upload. In a v4 flow an app action appears as `actionTypeId: "1-<definitionId>"`
 * (docs/hubspot-workflow-actions.md; the exact form is UNVERIFIED).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Stable definition ids per action uid (a real portal assigns them when the project is uploaded). */
export const ACTION_DEFINITION_IDS: Record<string, number> = {
  waymark_check_entry: 4000001,
  waymark_run_contract: 4000002,
  waymark_declare_exit: 4000003,
} satisfies Record<string, number>;

export const actionTypeIdOf = (uid: string) => `1-${ACTION_DEFINITION_IDS[uid]}`;

const hsmeta = z.object({
  uid: z.string(),
  type: z.literal('workflow-action'),
  config: z.looseObject({ actionUrl: z.url(), labels: z.looseObject({ en: z.looseObject({ actionName: z.string() }) }) }),
});

export interface ActionDefinition {
  definitionId: number;
  actionTypeId: string;
  uid: string;
  actionUrl: string;
  name: string;
}

export function readActionDefinitions(projectDir: string): ActionDefinition[] {
  const dir = join(projectDir, 'src/app/workflow-actions');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('-hsmeta.json'));
  } catch {
    return [];
  }
  return files.flatMap((file) => {
    const parsed = hsmeta.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    const id = parsed.success ? ACTION_DEFINITION_IDS[parsed.data.uid] : undefined;
    if (!parsed.success || id === undefined) return [];
    return [{ definitionId: id, actionTypeId: `1-${id}`, uid: parsed.data.uid, actionUrl: parsed.data.config.actionUrl, name: parsed.data.config.labels.en.actionName }];
  });
}
