/** Creates a record and the associations given inline (v3 create body), used by single and batch create. */
import { validationError } from '../../http/hubspot-errors';
import { associationTarget } from '../../state/association-types';
import { associate } from '../../state/association-writer';
import type { CrmRecord } from '../../state/crm-record';
import type { ObjectType } from '../../state/object-types';
import type { Portal } from '../../state/portal';
import { createRecord, requireRecord, type WriteOptions } from '../../state/record-writer';
import { REQUIRED_ON_CREATE } from '../../state/default-properties';
import type { z } from 'zod';
import { typeRef, type createInput } from './schemas';

export function createWithAssociations(
  portal: Portal,
  type: ObjectType,
  input: z.infer<typeof createInput>,
  options: WriteOptions,
): CrmRecord {
  const missing = (REQUIRED_ON_CREATE[type] ?? []).filter((name) => input.properties[name] === undefined || input.properties[name] === '');
  if (missing.length > 0) {
    throw validationError(`Property values were not valid: ${JSON.stringify(missing.map((name) => ({ isValid: false, message: `${name} is required`, error: 'REQUIRED_PROPERTY', name })))}`);
  }
  // Resolve association targets first so a bad association creates nothing.
  const links = input.associations.map((link) => {
    const first = link.types[0]!;
    const toType = associationTarget(type, first.associationTypeId);
    if (!toType) throw validationError(`association type id ${first.associationTypeId} doesn't exist for ${type}`);
    requireRecord(portal, toType, link.to.id);
    return { toType, toId: link.to.id, types: link.types.map(typeRef) };
  });
  const record = createRecord(portal, type, input.properties, options);
  for (const link of links) associate(portal, type, record.id, link.toType, link.toId, options, link.types);
  return record;
}
