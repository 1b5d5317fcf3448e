/** The HTML of the sandbox's install consent screen (a person or a test clicks "Connect app"). */
import type { Portal } from '../../state/portal';
import type { AuthorizeRequest } from './authorize-request';

const esc = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} | HubSpot sandbox</title>
<style>body{font-family:system-ui,sans-serif;background:#f5f8fa;color:#33475b;margin:0}
main{max-width:520px;margin:48px auto;background:#fff;border:1px solid #cbd6e2;border-radius:8px;padding:32px}
h1{font-size:22px;margin-top:0}button{font-size:15px;padding:10px 18px;border-radius:4px;border:1px solid #ff7a59;cursor:pointer}
.primary{background:#ff7a59;color:#fff}.secondary{background:#fff;color:#ff7a59}ul{padding-left:20px}
label{display:block;margin:12px 0 4px;font-weight:600}select{width:100%;padding:6px}.error{color:#d94c53}</style></head>
<body><main>${body}</main></body></html>`;

/** The consent form; posts back to `/oauth/authorize` with the same parameters. */
export function consentPage(request: AuthorizeRequest, portals: Portal[], selectedPortalId: number | undefined): string {
  const hidden = (name: string, value: string | undefined) =>
    value === undefined ? '' : `<input type="hidden" name="${name}" value="${esc(value)}">`;
  const options = portals
    .map((p) => {
      const selected = p.id === selectedPortalId ? ' selected' : '';
      const owner = p.owners[0];
      return `<option value="${p.id}"${selected}>${esc(p.domain)} (${p.id})${owner ? ` as ${esc(owner.email)}` : ''}</option>`;
    })
    .join('');
  const scopes = [...request.scopes, ...request.optionalScopes].map((s) => `<li><code>${esc(s)}</code></li>`).join('');
  return page(
    'Connect app',
    `<h1>Connect app to your HubSpot account</h1>
<p>App <strong>${esc(request.app.clientId)}</strong> (id ${request.app.appId}) is requesting access to:</p>
<ul id="scopes">${scopes}</ul>
<form method="post" action="/oauth/authorize">
${hidden('client_id', request.app.clientId)}${hidden('redirect_uri', request.redirectUri)}
${hidden('scope', request.scopes.join(' '))}${hidden('optional_scope', request.optionalScopes.join(' ') || undefined)}${hidden('state', request.state)}
<label for="portal_id">Account</label><select id="portal_id" name="portal_id">${options}</select>
<p><button class="primary" id="connect" type="submit" name="decision" value="connect">Connect app</button>
<button class="secondary" id="cancel" type="submit" name="decision" value="cancel">Cancel</button></p>
</form>`,
  );
}

/** The error screen for an invalid install request. */
export function authorizeErrorPage(message: string): string {
  return page('Authorization failed', `<h1>Authorization failed</h1><p class="error" id="error">${esc(message)}</p>`);
}
