/**
 * The portal's stage orders, read from HubSpot: deal and ticket pipelines (stages in display
 * order) and the contact properties whose option order is a stage order (lifecycle stage, lead
 * status). The stage map and the backwards-move rules compare writes against these.
 */
import type { CrmObjectType, CrmPort, Pipeline, PropertyDefinition } from '../../hubspot/crm-port';

const PIPELINE_TYPES = ['deal', 'ticket'] as const satisfies readonly CrmObjectType[];
const STAGE_PROPERTIES = ['lifecyclestage', 'hs_lead_status'] as const;

export async function readStageFacts(crm: CrmPort, portalId: bigint): Promise<{ pipelines: Record<string, Pipeline[]>; stageProperties: Record<string, PropertyDefinition> }> {
  const pipelines: Record<string, Pipeline[]> = {};
  for (const type of PIPELINE_TYPES) pipelines[type] = await crm.listPipelines(portalId, type);
  const contactProperties = await crm.listProperties(portalId, 'contact');
  const stageProperties: Record<string, PropertyDefinition> = {};
  for (const name of STAGE_PROPERTIES) {
    const found = contactProperties.find((p) => p.name === name);
    if (found?.options) {
      stageProperties[name] = { ...found, options: [...found.options].sort((a, b) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0)) };
    }
  }
  return { pipelines, stageProperties };
}
