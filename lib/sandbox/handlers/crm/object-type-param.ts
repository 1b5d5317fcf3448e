/** Shared pieces of the CRM object routes: the `{objectType}` path segment, scopes, property selection. */
import { apiError } from '../../http/hubspot-errors';
import { listParam } from '../../http/sandbox-request';
import { OBJECT_TYPES, resolveObjectType, type ObjectType } from '../../state/object-types';

/** Resolves the `{objectType}` segment (or another one, e.g. `{fromType}`) or answers HubSpot's 400. */
export function objectTypeParam(params: Record<string, string>, name = 'objectType'): ObjectType {
  const segment = params[name] ?? '';
  const type = resolveObjectType(segment);
  if (!type) throw apiError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${segment}`);
  return type;
}

const SCOPE_NAME: Partial<Record<ObjectType, string>> = { contacts: 'contacts', companies: 'companies', deals: 'deals' };

/**
 * Granular scopes (any one suffices) for reading or writing the type in `{objectType}` (or in
 * `param`, e.g. an association's `{fromType}`); engagements need none here.
 */
export function objectScopes(access: 'read' | 'write', param = 'objectType') {
  return (params: Record<string, string>): readonly string[] | undefined => {
    const type = resolveObjectType(params[param] ?? '');
    if (!type) return undefined;
    if (type === 'tickets') return ['tickets'];
    const name = SCOPE_NAME[type];
    if (!name) return undefined;
    return access === 'read' ? [`crm.objects.${name}.read`, `crm.objects.${name}.write`] : [`crm.objects.${name}.write`];
  };
}

/** The properties to return: the requested ones, or the type's default set. */
export function selectedProperties(type: ObjectType, requested: readonly string[]): string[] {
  return requested.length > 0 ? [...new Set(requested)] : [...OBJECT_TYPES[type].defaults];
}

/** `properties`, `propertiesWithHistory` and `associations` query parameters (repeated or comma lists). */
export function readSelection(query: URLSearchParams, type: ObjectType) {
  const associations = listParam(query, 'associations').map((name) => {
    const resolved = resolveObjectType(name);
    if (!resolved) throw apiError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${name}`);
    return resolved;
  });
  return {
    properties: selectedProperties(type, listParam(query, 'properties')),
    withHistory: listParam(query, 'propertiesWithHistory'),
    associations,
    archived: query.get('archived') === 'true',
  };
}
