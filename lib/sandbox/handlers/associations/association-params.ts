/** Shared pieces of the v4 association routes. */
import { apiError } from '../../http/hubspot-errors';
import type { AssociationTypeRef } from '../../state/association-store';
import { isPrimaryTypeId } from '../../state/association-types';
import { resolveObjectType, type ObjectType } from '../../state/object-types';

export function typeParam(params: Record<string, string>, name: string): ObjectType {
  const segment = params[name] ?? '';
  const type = resolveObjectType(segment);
  if (!type) throw apiError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${segment}`);
  return type;
}

/** v4 `associationTypes` entry: category, typeId, label ("Primary" or null). */
export function presentType(type: AssociationTypeRef) {
  return { category: type.category, typeId: type.typeId, label: isPrimaryTypeId(type.typeId) ? 'Primary' : null };
}

/** Read scopes for the `from` type of an association route. */
export function associationScopes(access: 'read' | 'write') {
  return (params: Record<string, string>): readonly string[] | undefined => {
    const type = resolveObjectType(params.fromType ?? '');
    if (type === 'tickets') return ['tickets'];
    if (type !== 'contacts' && type !== 'companies' && type !== 'deals') return undefined;
    return access === 'read' ? [`crm.objects.${type}.read`, `crm.objects.${type}.write`] : [`crm.objects.${type}.write`];
  };
}
