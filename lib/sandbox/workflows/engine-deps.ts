/** The workflow engine's view of a portal: the installed app that owns the actions, its origin, the action definitions. */
import { join } from 'node:path';
import type { SandboxContext } from '../http/sandbox-context';
import { appOrigin } from '../record-page/card-fetch';
import type { Portal } from '../state/portal';
import { readActionDefinitions } from './action-definitions';
import type { EngineDeps } from './run-enrollment';

export function engineDeps(context: SandboxContext, portal: Portal): EngineDeps | undefined {
  const app = context.state.webhookTargets(portal.id)[0] ?? [...context.state.apps.values()][0];
  if (!app) return undefined;
  // A sandbox started without the project (conformance runs use a bare app) still knows Waymark's actions.
  const definitions = readActionDefinitions(context.projectDir);
  return { portal, app, definitions: definitions.length > 0 ? definitions : readActionDefinitions(join(process.cwd(), 'hubspot')), appOrigin: appOrigin(app) };
}
