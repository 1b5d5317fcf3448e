/**
 * A minimal, self-contained HTML response for the OAuth routes (which answer with pages, not
 * JSON, because a person's browser lands on them). Text is escaped; nothing is framed.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export interface HtmlPageOptions {
  headers?: HeadersInit;
  /** Offer a link to start the installation again (OAuth pages). */
  reinstallLink?: boolean;
}

export function htmlPage(status: number, title: string, message: string, options: HtmlPageOptions = {}): Response {
  const link = options.reinstallLink ? '<p><a href="/api/hubspot/oauth/install">Start the installation again</a></p>' : '';
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #0f172a">
<p style="color:#4f46e5;font-weight:600;text-transform:uppercase;font-size:.8rem">Waymark</p>
<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${link}</body></html>`;
  const merged = new Headers(options.headers);
  merged.set('content-type', 'text/html; charset=utf-8');
  merged.set('cache-control', 'no-store');
  return new Response(body, { status, headers: merged });
}
