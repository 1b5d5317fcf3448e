/** The workflow-action routes' dependencies in this process: the web runtime and HubSpot signing config. */
import { webhookDeps } from '../http/hubspot-deps';
import { webRuntime } from '../http/web-runtime';
import type { ActionEndpointDeps } from './handle-action-request';

export function actionEndpointDeps(): ActionEndpointDeps {
  const { appUrl, clientSecrets } = webhookDeps();
  return { runtime: webRuntime(), signing: { appUrl, clientSecrets }, now: () => new Date() };
}
