// /_sandbox/apps: list registered apps (GET); replace an app's webhook subscriptions at runtime (PUT …/{clientId}/subscriptions, body = the `subscriptions` object of a webhooks-hsmeta.json).
import { notFound, validationError } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { json } from '../../http/sandbox-request';
import { parseWebhooksConfig } from '../../webhooks/read-webhooks-config';

export const appsList: Route = {
  method: 'GET',
  paths: ['/_sandbox/apps'],
  auth: 'control',
  handler: (_request, context) =>
    json(200, {
      results: [...context.state.apps.values()].map(({ clientSecret: _secret, ...app }) => app),
    }),
};

export const appSubscriptionsSet: Route = {
  method: 'PUT',
  paths: ['/_sandbox/apps/:clientId/subscriptions'],
  auth: 'control',
  handler: (request, context) => {
    const app = context.state.apps.get(request.params.clientId ?? '');
    if (!app) throw notFound(`No app with client id ${request.params.clientId}`);
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      throw validationError('Body must be JSON: the subscriptions object of a webhooks-hsmeta.json');
    }
    const parsed = (() => {
      try {
        return parseWebhooksConfig({ config: { subscriptions: body } });
      } catch (error) {
        throw validationError(`Invalid subscriptions: ${(error as Error).message.slice(0, 300)}`);
      }
    })();
    app.subscriptions = parsed.subscriptions;
    return json(200, { clientId: app.clientId, subscriptions: app.subscriptions });
  },
};
