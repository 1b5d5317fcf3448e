/** Scopes for schema-level reads (properties, pipelines) of an object type: any one suffices. */
import { resolveObjectType } from '../../state/object-types';

export function schemaReadScopes(params: Record<string, string>): readonly string[] | undefined {
  const type = resolveObjectType(params.objectType ?? '');
  if (type === 'tickets') return ['tickets'];
  if (type === 'contacts' || type === 'companies' || type === 'deals') {
    return [`crm.schemas.${type}.read`, `crm.objects.${type}.read`, `crm.objects.${type}.write`];
  }
  return undefined;
}

export function schemaWriteScopes(params: Record<string, string>): readonly string[] | undefined {
  const type = resolveObjectType(params.objectType ?? '');
  if (type === 'contacts' || type === 'companies' || type === 'deals') return [`crm.schemas.${type}.write`];
  return undefined;
}
