/** zod schemas for CRM request bodies (HubSpot coerces number/boolean property values to strings). */
import { z } from 'zod';
import type { AssociationTypeRef } from '../../state/association-store';

export const propertyValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

const id = z.union([z.string().min(1), z.number().int()]).transform(String);

export const associationTypeInput = z.object({
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
  associationTypeId: z.number().int(),
});

/** A requested `{associationCategory, associationTypeId}` as the store keeps it. */
export function typeRef(input: z.infer<typeof associationTypeInput>): AssociationTypeRef {
  return { category: input.associationCategory, typeId: input.associationTypeId };
}

export const createAssociation = z.object({ to: z.object({ id }), types: z.array(associationTypeInput).min(1) });

export const createInput = z.object({
  properties: propertyValues.default({}),
  associations: z.array(createAssociation).default([]),
  objectWriteTraceId: z.string().optional(),
});

export const updateInput = z.object({ properties: propertyValues });

export const batchReadInput = z.object({
  inputs: z.array(z.object({ id })),
  properties: z.array(z.string()).default([]),
  propertiesWithHistory: z.array(z.string()).default([]),
  idProperty: z.string().optional(),
});

export const batchUpdateInput = z.object({
  inputs: z.array(z.object({ id, properties: propertyValues, idProperty: z.string().optional(), objectWriteTraceId: z.string().optional() })),
});

export const batchCreateInput = z.object({ inputs: z.array(createInput) });

export const batchArchiveInput = z.object({ inputs: z.array(z.object({ id })) });

export { id as idSchema };
