/**
 * A minimal cookie jar for the demo bootstrap's HTTP client: it keeps what `Set-Cookie` sets per
 * host and path and sends it back the way a browser would, so the OAuth install's browser-bound
 * state cookie survives the trip through HubSpot's consent page. Enough for local http URLs;
 * no Domain or Secure handling.
 */

interface StoredCookie {
  value: string;
  path: string;
  expiresAt: number;
}

/** Cookies by host, then by name. */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, StoredCookie>>();

  /** Stores the cookies of a response to a request for `url`. */
  store(url: string, setCookies: readonly string[], now = Date.now()): void {
    const { hostname } = new URL(url);
    const cookies = this.byHost.get(hostname) ?? new Map<string, StoredCookie>();
    this.byHost.set(hostname, cookies);
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expiresAt = Infinity;
      for (const attribute of attributes) {
        const [key = '', raw = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path' && raw.startsWith('/')) path = raw;
        if (key.toLowerCase() === 'max-age' && /^-?\d+$/.test(raw)) expiresAt = now + Number(raw) * 1000;
      }
      if (expiresAt <= now || value === '') cookies.delete(name);
      else cookies.set(name, { value, path, expiresAt });
    }
  }

  /** The `Cookie` header for a request to `url`, or undefined when no cookie applies. */
  header(url: string, now = Date.now()): string | undefined {
    const { hostname, pathname } = new URL(url);
    const cookies = this.byHost.get(hostname);
    if (!cookies) return undefined;
    const sent = [...cookies]
      .filter(([, c]) => c.expiresAt > now && (pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map(([name, c]) => `${name}=${c.value}`);
    return sent.length > 0 ? sent.join('; ') : undefined;
  }
}
