// GET /_sandbox: what the control API offers (for people poking at the sandbox).
import type { Route } from '../../http/router';
import { json } from '../../http/sandbox-request';

export const controlIndex: Route = {
  method: 'GET',
  paths: ['/_sandbox', '/_sandbox/'],
  auth: 'control',
  handler: (_request, context) =>
    json(200, {
      sandbox: 'Waymark local HubSpot sandbox',
      portals: [...context.state.portals.keys()],
      apps: [...context.state.apps.values()].map((a) => ({ appId: a.appId, clientId: a.clientId, webhookTarget: a.webhookTarget, subscriptions: a.subscriptions.length })),
      control: [
        'GET/POST /_sandbox/portals',
        'GET /_sandbox/apps; PUT /_sandbox/apps/{clientId}/subscriptions {legacyCrmObjects?, crmObjects?, hubEvents?}',
        'GET /_sandbox/portals/{portalId}/sent-emails',
        'POST /_sandbox/installs {portalId, clientId?, scopes?}',
        'POST /_sandbox/portals/{portalId}/expire-tokens',
        'POST /_sandbox/portals/{portalId}/flows {Automation v4 flow body} (add a native workflow)',
        'GET /_sandbox/portals/{portalId}/objects/{objectType}',
        'GET|PATCH /_sandbox/portals/{portalId}/objects/{objectType}/{objectId}',
        'POST /_sandbox/portals/{portalId}/objects/{objectType}/{objectId}/restore',
        'POST /_sandbox/portals/{portalId}/contacts/{contactId}/signals/{reply|book-meeting|no-show|bounce}',
        'PUT|DELETE /_sandbox/portals/{portalId}/contacts/{contactId}/email-failure {sendResult}',
        'POST|GET|DELETE /_sandbox/faults {kind: error|latency|reset|drop-after-write, path?, method?, portalId?, status?, latencyMs?, times?}',
        'GET /_sandbox/webhooks/deliveries',
        'PUT /_sandbox/webhooks/controls {duplicate?, reorder?, timeoutMs?, targetUrl?, clientId?}',
        'POST /_sandbox/webhooks/drain',
        'PUT|DELETE /_sandbox/rate-limits {perTenSeconds?, searchPerSecond?}',
        'PUT /_sandbox/search {lagMs} (search index trails writes)',
        'GET|PUT /_sandbox/clock {offsetMs} (record time ahead of wall time; the app keeps it at its runtime clock)',
      ],
    }),
};
