/**
 * The portal's stage orders, read from HubSpot: deal and ticket pipelines (stages in display
 * order) and the contact property whose option order is a stage order (lifecycle stage). The stage map and the backwards-move rules compare writes against these.
 */
import type { CrmObjectType, CrmPort, Pipeline, PropertyDefinition } from '../../hubspot/crm-port';

const PIPELINE_TYPES = ['deal', 'ticket'] as const satisfies readonly CrmObjectType[];
// Lead status is not an order (a re-engaged lead goes from UNQUALIFIED back to OPEN on purpose), so
// only the lifecycle stage counts: the backwards-move rule would otherwise flag correct workflows.
const STAGE_PROPERTIES = ['lifecyclestage'] as const;

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
