/** Clicks through the sandbox's consent page like a person would and returns the redirect's code. */
export async function clickConnect(
  sandboxUrl: string,
  params: { clientId: string; redirectUri: string; scope: string; state?: string; optionalScope?: string; portalId?: number },
): Promise<URL> {
  const authorize = new URL('/oauth/authorize', sandboxUrl);
  authorize.searchParams.set('client_id', params.clientId);
  authorize.searchParams.set('redirect_uri', params.redirectUri);
  authorize.searchParams.set('scope', params.scope);
  if (params.optionalScope) authorize.searchParams.set('optional_scope', params.optionalScope);
  if (params.state) authorize.searchParams.set('state', params.state);
  const page = await fetch(authorize);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page ${page.status}: ${html}`);
  // Submit the form exactly as the browser would: every hidden input, the chosen portal, the Connect button.
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(match[1]!, match[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  const selected = /<option value="(\d+)" selected>/.exec(html)?.[1];
  form.set('portal_id', String(params.portalId ?? selected));
  form.set('decision', 'connect');
  const submit = await fetch(new URL('/oauth/authorize', sandboxUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const location = submit.headers.get('location');
  if (submit.status !== 302 || !location) throw new Error(`consent submit ${submit.status}: ${await submit.text()}`);
  return new URL(location);
}
