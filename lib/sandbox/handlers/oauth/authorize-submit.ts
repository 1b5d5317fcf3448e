// POST /oauth/authorize: the consent form's "Connect app" / "Cancel"; redirects back to the app.
import type { Route } from '../../http/router';
import { formBody, html, redirect } from '../../http/sandbox-request';
import { authorizeErrorPage } from './consent-page';
import { parseAuthorizeRequest } from './authorize-request';

export const authorizeSubmit: Route = {
  method: 'POST',
  paths: ['/oauth/authorize'],
  auth: 'none',
  handler: (request, context) => {
    const form = formBody(request);
    const params = { get: (name: string) => form[name] };
    const parsed = parseAuthorizeRequest(context.state, params);
    if ('error' in parsed) return html(400, authorizeErrorPage(parsed.error));
    const target = new URL(parsed.redirectUri);
    if (parsed.state !== undefined) target.searchParams.set('state', parsed.state);
    if (form.decision === 'cancel') {
      target.searchParams.set('error', 'access_denied');
      return redirect(target.toString());
    }
    const portal = context.state.portal(Number(form.portal_id));
    if (!portal) return html(400, authorizeErrorPage('Choose an account to connect.'));
    const installer = portal.owners[0];
    if (!installer) return html(400, authorizeErrorPage('This account has no user who can install apps.'));
    const granted = [...new Set([...parsed.scopes, ...parsed.optionalScopes])];
    const code = context.state.oauth.issueCode(
      { appId: parsed.app.appId, portalId: portal.id, userId: installer.userId, scopes: granted },
      parsed.redirectUri,
      context.state.now(),
    );
    target.searchParams.set('code', code.code);
    return redirect(target.toString());
  },
};
