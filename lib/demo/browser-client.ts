/**
 * A tiny stand-in for a browser: requests carry the jar's cookies, responses' `Set-Cookie` go
 * into the jar, and redirects are followed by hand (so every hop's cookies are seen), with a
 * 302/303 after a POST becoming a GET as browsers do.
 */
import { CookieJar } from './cookie-jar';

/** The page a navigation ended on. */
export interface Navigation {
  url: string;
  status: number;
  body: string;
  /** Every URL visited, the first one included. */
  hops: string[];
}

const MAX_REDIRECTS = 10;

export class BrowserClient {
  constructor(
    readonly jar = new CookieJar(),
    private readonly timeoutMs = 60_000,
  ) {}

  /** Navigates to `url` (GET, or a form POST) and follows redirects to the final page. */
  async navigate(url: string, form?: URLSearchParams): Promise<Navigation> {
    let current = url;
    let method = form ? 'POST' : 'GET';
    let body: URLSearchParams | undefined = form;
    const hops = [url];
    for (let redirects = 0; ; redirects++) {
      const headers = new Headers();
      const cookie = this.jar.header(current);
      if (cookie) headers.set('cookie', cookie);
      if (body) headers.set('content-type', 'application/x-www-form-urlencoded');
      const response = await fetch(current, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      this.jar.store(current, response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        return { url: current, status: response.status, body: await response.text(), hops };
      }
      await response.body?.cancel();
      if (redirects >= MAX_REDIRECTS) throw new Error(`too many redirects from ${url}`);
      current = new URL(location, current).toString();
      hops.push(current);
      if (response.status === 302 || response.status === 303) {
        method = 'GET';
        body = undefined;
      }
    }
  }
}
