// POST /crm/v3/properties/{objectType}: create a custom property → 201 (409 if the name exists).
import { z } from 'zod';
import { apiError } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import { propertiesOf } from '../../state/portal';
import { defineProperty } from '../../state/property-definition';
import { objectTypeParam } from '../crm/object-type-param';
import { schemaWriteScopes } from './type-scopes';

const createProperty = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lowercase letters, digits and underscores'),
  label: z.string().min(1),
  type: z.enum(['string', 'number', 'enumeration', 'datetime', 'date', 'bool']),
  fieldType: z.string().min(1),
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z.array(z.object({ label: z.string(), value: z.string(), displayOrder: z.number().optional(), hidden: z.boolean().optional() })).default([]),
});

export const propertyCreate: Route = {
  method: 'POST',
  paths: ['/crm/v3/properties/:objectType', '/crm/properties/2026-03/:objectType'],
  auth: 'bearer',
  scopes: schemaWriteScopes,
  writes: true,
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const input = parseJsonBody(request, createProperty);
    const catalog = propertiesOf(portal, type);
    if (catalog.has(input.name)) throw apiError(409, 'OBJECT_ALREADY_EXISTS', `Property named '${input.name}' already exists.`);
    const def = defineProperty({
      name: input.name, label: input.label, type: input.type, fieldType: input.fieldType, group: input.groupName,
      options: input.options.map((o) => o.value), custom: true,
    });
    def.options = input.options.map((o, i) => ({ label: o.label, value: o.value, displayOrder: o.displayOrder ?? i, hidden: o.hidden ?? false }));
    def.description = input.description ?? '';
    def.createdAt = def.updatedAt = new Date(portal.now()).toISOString();
    catalog.set(def.name, def);
    return json(201, def);
  },
};
