/** Resolves the `{portalId}` of a control route, or a 404. */
import { notFound } from '../../http/hubspot-errors';
import type { SandboxContext } from '../../http/sandbox-context';
import type { Portal } from '../../state/portal';

export function controlPortal(context: SandboxContext, params: Record<string, string>): Portal {
  const portal = context.state.portal(Number(params.portalId));
  if (!portal) throw notFound(`No portal ${params.portalId} in this sandbox`);
  return portal;
}
