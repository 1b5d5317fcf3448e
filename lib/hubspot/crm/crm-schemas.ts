/**
 * zod schemas for every HubSpot response the CRM port reads (reference §5–6). Loose objects:
 * HubSpot adds fields freely; we require only what we use.
 */
import { z } from 'zod';

/** HubSpot's API error body (§6.9); every field optional, as HubSpot's docs advise. */
export const hubspotErrorBody = z.looseObject({
  status: z.string().optional(),
  message: z.string().optional(),
  category: z.string().optional(),
  policyName: z.string().optional(),
  correlationId: z.string().optional(),
});

const idString = z.union([z.string().min(1), z.number().int()]).transform(String);

export const crmObject = z.looseObject({
  id: idString,
  properties: z.record(z.string(), z.string().nullable()).default({}),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
});

/** Batch read: 200 (all found) or 207 (some errors, e.g. not found). */
export const batchReadResponse = z.looseObject({
  status: z.string().optional(),
  results: z.array(crmObject),
});

export const createdObject = z.looseObject({ id: idString });

const paging = z.looseObject({ next: z.looseObject({ after: z.string() }).optional() }).optional();

/** v4 associations list: `GET /crm/v4/objects/{type}/{id}/associations/{toType}`. */
export const associationsPage = z.looseObject({
  results: z.array(z.looseObject({ toObjectId: idString })),
  paging,
});

export const ownersPage = z.looseObject({
  results: z.array(
    z.looseObject({
      id: idString,
      email: z.string().nullable().optional(),
      archived: z.boolean().optional(),
      teams: z.array(z.looseObject({ id: idString, name: z.string() })).optional(),
    }),
  ),
  paging,
});

export const pipelinesResponse = z.looseObject({
  results: z.array(
    z.looseObject({
      id: idString,
      label: z.string(),
      displayOrder: z.number().optional(),
      archived: z.boolean().optional(),
      stages: z.array(z.looseObject({ id: idString, label: z.string(), displayOrder: z.number(), archived: z.boolean().optional() })),
    }),
  ),
});

export const propertiesResponse = z.looseObject({
  results: z.array(
    z.looseObject({
      name: z.string(),
      label: z.string(),
      type: z.string(),
      options: z
        .array(z.looseObject({ value: z.string(), label: z.string(), displayOrder: z.number().optional() }))
        .optional(),
    }),
  ),
});

export const flowsPage = z.looseObject({
  results: z.array(
    z.looseObject({
      id: idString,
      name: z.string().default(''),
      isEnabled: z.boolean(),
      objectTypeId: z.string(),
      updatedAt: z.string(),
    }),
  ),
  paging,
});

/**
 * A full Automation v4 flow (`ApiFlow`): the fields HubSpot's spec marks required for every flow,
 * and the action list and enrollment criteria as objects. Deeper shapes stay loose here: the
 * audit's flow schema (lib/audit) reads them field by field and reports what it cannot read as a
 * finding, instead of this adapter refusing the whole portal's workflow.
 */
export const flowDetail = z
  .looseObject({
    id: idString,
    type: z.enum(['CONTACT_FLOW', 'PLATFORM_FLOW']),
    flowType: z.string(),
    isEnabled: z.boolean(),
    objectTypeId: z.string(),
    revisionId: idString,
    createdAt: z.string(),
    updatedAt: z.string(),
    actions: z.array(z.looseObject({ actionId: idString, type: z.string() })).default([]),
    enrollmentCriteria: z.looseObject({ type: z.string() }).optional(),
  })
  .transform((flow) => flow as Record<string, unknown>);

/** Transactional single send (`POST /marketing/v3/transactional/single-email/send`). */
export const singleSendResponse = z.looseObject({
  statusId: idString,
  status: z.string().optional(),
  sendResult: z.string().optional(),
});

/** Anything (used for calls whose body we do not read, e.g. PATCH results). */
export const ignoredBody = z.unknown();
