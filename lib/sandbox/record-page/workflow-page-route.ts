// GET /workflows/:portalId/platform/flow/:flowId/edit (HubSpot's workflow editor URL): a read-only view of a native workflow, so the audit's "Open the workflow in HubSpot" links lead somewhere in the sandbox.
import type { Route } from '../http/router';
import { html } from '../http/sandbox-request';
import { escapeHtml } from './html-escape';
import { RECORD_PAGE_CSS } from './record-page-styles';

const ACTION_NAMES: Record<string, string> = {
  '0-1': 'Delay', '0-35': 'Delay until a date', '0-13': 'Add to / remove from a list', '0-4': 'Send marketing email', '0-8': 'Send internal email',
  '0-9': 'Send in-app notification', '0-5': 'Set property value', '0-3': 'Create task', '0-14': 'Create record',
};

const CSS = `.wf { max-width: 860px; margin: 24px auto; } .box { background:#fff; border:1px solid var(--line); border-radius:3px; padding:16px; margin-bottom:12px; }
.step { border-left:3px solid var(--teal); } .muted { color:var(--muted); font-size:13px; } code { background:var(--soft); padding:1px 4px; border-radius:3px; font-size:12px; }
.badge { display:inline-block; font-size:12px; padding:2px 8px; border-radius:3px; background:var(--soft); }`;

function describeAction(action: Record<string, unknown>): string {
  const type = String(action.type);
  if (type !== 'SINGLE_CONNECTION') return type.replace(/_/g, ' ').toLowerCase();
  const name = ACTION_NAMES[String(action.actionTypeId)] ?? `Action ${String(action.actionTypeId)}`;
  const fields = (action.fields ?? {}) as Record<string, unknown>;
  const detail = fields.property_name ? ` <code>${escapeHtml(String(fields.property_name))}</code>` : fields.subject ? `: ${escapeHtml(String(fields.subject))}` : '';
  return `${escapeHtml(name)}${detail}`;
}

export const workflowPage: Route = {
  method: 'GET',
  paths: ['/workflows/:portalId/platform/flow/:flowId/edit', '/workflows/:portalId/platform/flow/:flowId/view'],
  auth: 'none',
  handler: (request, context) => {
    const portal = /^\d+$/.test(request.params.portalId ?? '') ? context.state.portal(Number(request.params.portalId)) : undefined;
    const flow = portal?.flows.get(request.params.flowId ?? '');
    if (!portal || !flow) return html(404, `<!doctype html><title>Not found</title><style>${RECORD_PAGE_CSS}</style><div class="wf box"><h1>Workflow not found</h1><p>No workflow ${escapeHtml(String(request.params.flowId))} in portal ${escapeHtml(String(request.params.portalId))}.</p></div>`);
    const actions = (Array.isArray(flow.actions) ? flow.actions : []) as Record<string, unknown>[];
    const criteria = (flow.enrollmentCriteria ?? {}) as Record<string, unknown>;
    const steps = actions
      .map((a) => `<div class="box step"><div class="muted">Action ${escapeHtml(String(a.actionId))}</div><div>${describeAction(a)}</div></div>`)
      .join('');
    return html(200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(String(flow.name ?? 'Workflow'))} · Workflows</title><style>${RECORD_PAGE_CSS}${CSS}</style></head>
<body><div class="nav"><div class="nav__logo"></div><span class="nav__item">Automation</span><span class="nav__item">Workflows</span><span class="nav__portal">Portal ${portal.id}</span></div>
<main class="wf"><div class="box"><h1 data-testid="workflow-name" style="margin:0 0 4px">${escapeHtml(String(flow.name ?? ''))}</h1>
<span class="badge">${flow.isEnabled ? 'On' : 'Off'}</span> <span class="muted">Flow ${escapeHtml(String(flow.id))} · revision ${escapeHtml(String(flow.revisionId))} · object ${escapeHtml(String(flow.objectTypeId))}</span>
<p class="muted">${flow.description ? escapeHtml(String(flow.description)) : 'No description'}</p></div>
<div class="box"><strong>Enrollment trigger</strong><div class="muted">${escapeHtml(String(criteria.type ?? 'none'))}${criteria.shouldReEnroll ? ' · re-enrollment on' : ''}</div></div>
${steps || '<div class="box muted">No actions</div>'}</main></body></html>`);
  },
};
