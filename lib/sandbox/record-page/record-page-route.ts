// GET /_sandbox/record/:portalId/:objectType/:objectId (also HubSpot's own /contacts/:portalId/record/:objectTypeId/:objectId): the fake record page with the app card.
import type { Route } from '../http/router';
import { html, type SandboxReply } from '../http/sandbox-request';
import { resolveObjectType } from '../state/object-types';
import { recordsOf } from '../state/portal';
import type { SandboxState } from '../state/sandbox-state';
import { readCardConfig } from '../card-host/read-card-config';
import { appOrigin } from './card-fetch';
import { escapeHtml } from './html-escape';
import { buildRecordView } from './record-view';
import { renderRecordPage, type CardSlot } from './render-record-page';

const CARD_OBJECT_TYPES: Record<string, string> = { contacts: 'contacts', companies: 'companies', deals: 'deals', tickets: 'tickets' };

const notFound = (message: string): SandboxReply =>
  html(404, `<!doctype html><title>Not found</title><body style="font-family:sans-serif;padding:40px"><h1>Record not found</h1><p>${escapeHtml(message)}</p></body>`);

/** The app whose card this portal shows: the first app installed in it, else the first app. */
function cardApp(state: SandboxState, portalId: number) {
  const apps = [...state.apps.values()];
  return apps.find((app) => state.oauth.installation(portalId, app.appId)?.active) ?? apps[0];
}

export const recordPage: Route = {
  method: 'GET',
  paths: ['/_sandbox/record/:portalId/:objectType/:objectId', '/contacts/:portalId/record/:objectType/:objectId'],
  auth: 'none',
  handler: (request, context) => {
    const portal = /^\d+$/.test(request.params.portalId ?? '') ? context.state.portal(Number(request.params.portalId)) : undefined;
    if (!portal) return notFound(`No portal ${request.params.portalId} in the sandbox.`);
    const type = resolveObjectType(request.params.objectType ?? '');
    if (!type || !CARD_OBJECT_TYPES[type]) return notFound(`Unknown object type "${request.params.objectType}".`);
    const record = recordsOf(portal, type).get(request.params.objectId ?? '');
    if (!record || record.archived) return notFound(`No ${type} ${request.params.objectId} in portal ${portal.id}.`);

    const view = buildRecordView(portal, type, record);
    const card = readCardConfig(context.projectDir);
    const app = cardApp(context.state, portal.id);
    const user = portal.owners[0];
    let slot: CardSlot | null = null;
    if (app && card.objectTypes.includes(type)) {
      slot = context.state.oauth.installation(portal.id, app.appId)?.active
        ? {
            kind: 'card',
            title: card.name,
            appName: 'Waymark',
            config: {
              fetchEndpoint: '/_sandbox/card-fetch',
              portalId: portal.id,
              appId: app.appId,
              // HubSpot's CrmContext for the logged-in user (the portal's first owner) on this record.
              context: {
                location: card.location,
                portal: { id: portal.id, timezone: 'UTC' },
                user: {
                  id: user?.userId ?? 1,
                  email: user?.email ?? 'admin@sandbox.example',
                  emails: user ? [user.email] : [],
                  firstName: user?.firstName ?? 'Sandbox',
                  lastName: user?.lastName ?? 'Admin',
                  roles: [],
                  teams: [],
                  permissions: [],
                  locale: 'en-us',
                },
                crm: { objectId: Number(record.id), objectTypeId: view.objectTypeId },
                extension: { appId: app.appId, appName: 'Waymark', cardTitle: card.name },
              },
            },
          }
        : { kind: 'not-installed', title: card.name, installUrl: `${appOrigin(app)}/api/hubspot/oauth/install` };
    }
    return html(200, renderRecordPage(view, slot));
  },
};
