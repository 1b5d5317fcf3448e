import { describe, expect, it } from 'vitest';
import { submitForm } from '../../../lib/demo/html-form';
import { consentPage } from '../../../lib/sandbox/handlers/oauth/consent-page';

const PAGE = 'http://127.0.0.1:4010/oauth/authorize?client_id=x';

describe('submitForm', () => {
  it('submits HubSpot’s consent form as a browser does: hidden fields, the chosen account, the clicked button', () => {
    const html = consentPage(
      {
        app: { clientId: 'waymark-sandbox-client', appId: 1000001 },
        redirectUri: 'http://localhost:3000/api/hubspot/oauth/callback',
        scopes: ['oauth', 'crm.objects.contacts.read'],
        optionalScopes: [],
        state: 'st&te"1',
      } as unknown as Parameters<typeof consentPage>[0],
      [
        { id: 62515, domain: 'northwind-demo.example', owners: [] },
        { id: 62516, domain: 'second.example', owners: [] },
      ] as unknown as Parameters<typeof consentPage>[1],
      62516,
    );
    const picked = submitForm(html, PAGE, 'connect', { portal_id: '62515' });
    expect(picked.action).toBe('http://127.0.0.1:4010/oauth/authorize');
    expect(picked.method).toBe('POST');
    expect(Object.fromEntries(picked.fields)).toEqual({
      client_id: 'waymark-sandbox-client',
      redirect_uri: 'http://localhost:3000/api/hubspot/oauth/callback',
      scope: 'oauth crm.objects.contacts.read',
      state: 'st&te"1',
      portal_id: '62515',
      decision: 'connect',
    });
    expect(submitForm(html, PAGE, 'connect').fields.get('portal_id')).toBe('62516');
    expect(submitForm(html, PAGE, 'cancel').fields.get('decision')).toBe('cancel');
  });

  it('uses the first option when none is selected, skips unchecked boxes, and fails clearly on a missing form, button or option', () => {
    const html = `<form action="/go"><input name="a" value="1"><input type="checkbox" name="b" value="x"><select name="s"><option value="p">P</option><option value="q">Q</option></select><button id="ok">OK</button></form>`;
    expect(Object.fromEntries(submitForm(html, 'http://h/x/y', 'ok').fields)).toEqual({ a: '1', s: 'p' });
    expect(submitForm(html, 'http://h/x/y', 'ok').method).toBe('GET');
    expect(() => submitForm('<p>no form</p>', 'http://h/', 'ok')).toThrow(/no form/);
    expect(() => submitForm(html, 'http://h/', 'nope')).toThrow(/no button #nope/);
    expect(() => submitForm(html, 'http://h/', 'ok', { s: 'z' })).toThrow(/no option z/);
  });
});
