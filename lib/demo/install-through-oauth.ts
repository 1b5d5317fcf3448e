/**
 * Installs Waymark into a sandbox portal the way a person does: open the app's install link, land
 * on HubSpot's consent page, pick the account and click "Connect app", come back through the
 * OAuth callback to the "connected" page. Nothing is short-cut: the app checks its browser-bound
 * state cookie, exchanges the code and stores the installation as for any install.
 */
import { BrowserClient } from './browser-client';
import { submitForm } from './html-form';

export async function installThroughOAuth(appUrl: string, portalId: number, browser = new BrowserClient()): Promise<string> {
  const consent = await browser.navigate(`${appUrl}/api/hubspot/oauth/install`);
  if (consent.status !== 200) throw new Error(`the install link ended on ${consent.url} with HTTP ${consent.status}`);
  const submission = submitForm(consent.body, consent.url, 'connect', { portal_id: String(portalId) });
  const landed = await browser.navigate(submission.action, submission.method === 'POST' ? submission.fields : undefined);
  const at = new URL(landed.url);
  if (landed.status !== 200 || at.origin !== new URL(appUrl).origin || at.pathname !== '/connected') {
    const text = landed.body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
    throw new Error(`the install did not reach /connected: ${landed.url} answered HTTP ${landed.status} (${text})`);
  }
  return landed.url;
}
