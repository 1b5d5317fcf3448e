// GET /_sandbox/records/:portalId: an index of the portal's contacts, companies and deals linking to their record pages.
import type { Route } from '../http/router';
import { html } from '../http/sandbox-request';
import { recordsOf } from '../state/portal';
import type { ObjectType } from '../state/object-types';
import { escapeHtml as e } from './html-escape';
import { RECORD_PAGE_CSS } from './record-page-styles';
import { recordName } from './record-view';

const LISTED: [ObjectType, string][] = [['contacts', 'Contacts'], ['companies', 'Companies'], ['deals', 'Deals']];

export const recordsIndex: Route = {
  method: 'GET',
  paths: ['/_sandbox/records/:portalId'],
  auth: 'none',
  handler: (request, context) => {
    const portal = /^\d+$/.test(request.params.portalId ?? '') ? context.state.portal(Number(request.params.portalId)) : undefined;
    if (!portal) return html(404, `<!doctype html><title>Not found</title><p>No portal ${e(request.params.portalId ?? '')}.</p>`);
    const sections = LISTED.map(([type, label]) => {
      const rows = [...recordsOf(portal, type).values()]
        .filter((record) => !record.archived)
        .map((record) => `<li><a href="/_sandbox/record/${portal.id}/${type}/${e(record.id)}">${e(recordName(type, record))}</a></li>`)
        .join('');
      return `<section class="assoc"><h2>${label}</h2><ul>${rows || '<li>None</li>'}</ul></section>`;
    }).join('\n');
    return html(200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Records | ${e(portal.domain)} | HubSpot (sandbox)</title><style>${RECORD_PAGE_CSS}</style></head>
<body><nav class="nav"><span class="nav__logo"></span><span class="nav__item">CRM records</span><span class="nav__portal" style="margin-left:auto">${e(portal.domain)} · ${portal.id}</span></nav>
<main style="max-width:720px;margin:24px auto">${sections}</main></body></html>`);
  },
};
