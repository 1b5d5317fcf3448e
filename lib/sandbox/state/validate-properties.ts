/**
 * Checks a property write the way HubSpot does: unknown property, read-only value, bad option,
 * bad number/date, stage not in the record's pipeline. All problems are reported together in
 * HubSpot's "Property values were not valid" 400.
 */
import { validationError } from '../http/hubspot-errors';
import type { CrmRecord } from './crm-record';
import type { ObjectType } from './object-types';
import { propertiesOf, type Portal } from './portal';
import { normalizeValue, type PropertyValueError } from './property-definition';

/** A property value as it may arrive in JSON (HubSpot coerces numbers and booleans to strings). */
export type InputValue = string | number | boolean | null | undefined;

const PIPELINE_PROPS: Partial<Record<ObjectType, [pipeline: string, stage: string, fallback: string]>> = {
  deals: ['pipeline', 'dealstage', 'default'],
  tickets: ['hs_pipeline', 'hs_pipeline_stage', '0'],
};

/** Normalised values to write, or throws a HubSpot-shaped 400 listing every bad value. */
export function validateProperties(
  portal: Portal,
  type: ObjectType,
  input: Record<string, InputValue>,
  existing: CrmRecord | undefined,
  options: { system?: boolean } = {},
): Map<string, string> {
  const catalog = propertiesOf(portal, type);
  const errors: PropertyValueError[] = [];
  const out = new Map<string, string>();
  for (const [name, raw] of Object.entries(input)) {
    const def = catalog.get(name);
    const text = raw === null || raw === undefined ? '' : String(raw);
    if (!def) {
      errors.push({ isValid: false, message: `Property "${name}" does not exist`, error: 'PROPERTY_DOESNT_EXIST', name });
      continue;
    }
    if (def.modificationMetadata.readOnlyValue && !options.system) {
      errors.push({ isValid: false, message: `${name} is a read only property; its value cannot be set.`, error: 'READ_ONLY_VALUE', name });
      continue;
    }
    // Owner properties must name an owner of this portal (HubSpot: INVALID_OWNER_ID).
    if (name === 'hubspot_owner_id' && text !== '' && !portal.owners.some((o) => o.id === text)) {
      errors.push({ isValid: false, message: `${text} is not a valid owner id`, error: 'INVALID_OWNER_ID', name });
      continue;
    }
    const result = normalizeValue(def, text);
    if ('error' in result) errors.push(result.error);
    else out.set(name, result.value);
  }
  const pipelineProps = PIPELINE_PROPS[type];
  if (pipelineProps && errors.length === 0) {
    const [pipelineProp, stageProp, fallback] = pipelineProps;
    const pipelineId = out.get(pipelineProp) || existing?.properties.get(pipelineProp) || fallback;
    const pipeline = portal.pipelines.get(type)?.find((p) => p.id === pipelineId);
    const stage = out.get(stageProp);
    if (!pipeline) {
      errors.push({ isValid: false, message: `${pipelineId} is not a valid pipeline`, error: 'INVALID_OPTION', name: pipelineProp });
    } else if (stage !== undefined && stage !== '' && !pipeline.stages.some((s) => s.id === stage)) {
      errors.push({
        isValid: false,
        message: `${stage} was not one of the allowed options: [${pipeline.stages.map((s) => s.id).join(', ')}]`,
        error: 'INVALID_OPTION',
        name: stageProp,
      });
    } else if (out.has(stageProp) && !out.has(pipelineProp) && !existing?.properties.get(pipelineProp)) {
      out.set(pipelineProp, pipeline.id);
    }
  }
  if (errors.length > 0) {
    const detailed = errors.map((e) => ({ ...e, localizedErrorMessage: e.message }));
    throw validationError(`Property values were not valid: ${JSON.stringify(detailed)}`, {
      errors: errors.map((e) => ({ message: e.message, code: e.error, context: { propertyName: [e.name] } })),
    });
  }
  return out;
}
