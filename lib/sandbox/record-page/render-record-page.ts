/**
 * The fake HubSpot record page as HTML: HubSpot's three columns (record and its properties on the
 * left, the activity timeline in the middle, associations and the app card on the right). The
 * card slot is filled in the browser by the card host bundle (`/_sandbox/card-host.js`), which
 * renders the real card source with the `context` embedded here.
 */
import { escapeHtml as e, scriptJson } from './html-escape';
import type { RecordView } from './record-view';
import { RECORD_PAGE_CSS } from './record-page-styles';
import type { TimelineEntry } from './timeline';
import { formatInstant } from './display-value';

/** The app card on this page: either rendered (config for the host) or an install prompt. */
export type CardSlot =
  | { kind: 'card'; title: string; appName: string; config: unknown }
  | { kind: 'not-installed'; title: string; installUrl: string };

const ICON: Record<TimelineEntry['kind'], string> = { created: '+', property: 'P', task: 'T', note: 'N', meeting: 'M', call: 'C', email: '@', workflow: 'W' };

function initials(title: string): string {
  return title.split(/\s+/).filter((word) => /^[\p{L}\p{N}]/u.test(word)).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || '?';
}

function timeline(entries: TimelineEntry[]): string {
  let month = '';
  return entries
    .map((entry) => {
      const label = new Date(entry.at).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
      const header = label !== month ? `<div class="month">${e((month = label))}</div>` : '';
      return `${header}<article class="event" data-kind="${entry.kind}">
  <span class="event__icon">${ICON[entry.kind]}</span>
  <div><div class="event__title">${e(entry.title)}</div>${entry.detail ? `<div class="event__detail">${e(entry.detail)}</div>` : ''}
  <div class="event__meta">${e(formatInstant(entry.at))}${entry.source ? ` · ${e(entry.source)}` : ''}</div></div>
</article>`;
    })
    .join('\n');
}

function cardSlot(slot: CardSlot): string {
  if (slot.kind === 'not-installed') {
    return `<section class="app-card" data-testid="app-card"><h2>${e(slot.title)}</h2><div class="app-card__body install">
  This app is not installed in this account. <a href="${e(slot.installUrl)}">Install ${e(slot.title)}</a></div></section>`;
  }
  return `<section class="app-card" data-testid="app-card">
  <h2>${e(slot.title)} <span class="app-card__badge">${slot.appName === slot.title ? 'App card' : e(slot.appName)}</span></h2>
  <div class="app-card__body"><div id="waymark-card-root" data-testid="waymark-card-root"><div class="hs-spinner">Loading card…</div></div></div>
  <script type="application/json" id="waymark-card-config">${scriptJson(slot.config)}</script>
  <script src="/_sandbox/card-host.js" onerror="document.getElementById('waymark-card-root').innerHTML='<p class=&quot;card-error&quot;>The app card failed to build; see the sandbox log.</p>'"></script>
</section>`;
}

export function renderRecordPage(view: RecordView, slot: CardSlot | null): string {
  const about = view.about.map((p) => `<div><dt>${e(p.label)}</dt><dd data-property="${e(p.name)}">${e(p.value)}</dd></div>`).join('');
  const associations = view.associations
    .map((group) => `<section class="assoc"><h2>${e(group.label)} (${group.items.length})</h2><ul>${group.items
      .map((item) => `<li><a href="/_sandbox/record/${view.portalId}/${group.type}/${e(item.id)}">${e(item.name)}</a></li>`)
      .join('')}</ul></section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(view.title)} | ${e(view.singular)} | HubSpot (sandbox)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${RECORD_PAGE_CSS}</style></head>
<body>
<nav class="nav"><span class="nav__logo" aria-label="HubSpot sandbox"></span><span class="nav__item">Contacts</span><span class="nav__item">Conversations</span><span class="nav__item">Marketing</span><span class="nav__item">Sales</span><span class="nav__item">Automation</span><span class="nav__item">Reporting</span>
<input class="nav__search" placeholder="Search HubSpot" aria-label="Search"><span class="nav__portal">${e(view.portalDomain)} · ${view.portalId}</span></nav>
<main class="layout">
<aside class="left" data-testid="record-properties">
  <a class="back" href="/_sandbox/records/${view.portalId}">‹ ${e(view.plural)}</a>
  <div class="identity"><div class="avatar">${e(initials(view.title))}</div><h1 data-testid="record-title">${e(view.title)}</h1><p>${e(view.subtitle)}</p></div>
  <div class="quick"><span><i></i>Note</span><span><i></i>Email</span><span><i></i>Call</span><span><i></i>Task</span><span><i></i>Meeting</span></div>
  <div class="section-title">About this ${e(view.singular.toLowerCase())}</div>
  <dl class="props">${about}</dl>
  <div class="section-title">Record ID</div><dl class="props"><div><dd>${e(view.recordId)}</dd></div></dl>
</aside>
<section class="middle" data-testid="record-timeline">
  <div class="tabs"><span>Overview</span><span class="active">Activities</span><span>Intelligence</span></div>
  ${timeline(view.timeline)}
</section>
<aside class="right" data-testid="record-sidebar">
  ${slot ? cardSlot(slot) : ''}
  ${associations}
</aside>
</main>
</body></html>`;
}
