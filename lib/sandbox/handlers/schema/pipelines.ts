/** Looks up a type's pipelines; a type without pipelines is HubSpot's 400. */
import { validationError } from '../../http/hubspot-errors';
import type { Pipeline } from '../../state/default-pipelines';
import type { ObjectType } from '../../state/object-types';
import type { Portal } from '../../state/portal';

export function pipelinesOf(portal: Portal, type: ObjectType): Pipeline[] {
  const list = portal.pipelines.get(type);
  if (!list) throw validationError(`Object type ${type} does not support pipelines`);
  return list;
}
