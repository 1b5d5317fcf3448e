/**
 * The OAuth scopes Waymark asks for, least privilege first. Required scopes cover what every
 * install needs (contacts, their owners, contact properties); everything that only matters when
 * a portal uses contracts on other objects, native-workflow audits or email sending is optional,
 * so HubSpot grants it only where the account has it. Keep in sync with the app config in
 * hubspot/src/app/app-hsmeta.json (requiredScopes / optionalScopes).
 */
export const REQUIRED_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.owners.read',
  'crm.schemas.contacts.read',
] as const;

export const OPTIONAL_SCOPES = [
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.schemas.companies.read',
  'crm.schemas.deals.read',
  'tickets',
  'automation',
  'transactional-email',
] as const;
