/**
 * Next.js proxy for the embedded pages (`/embed/*`), which HubSpot shows in an iframe:
 * - sets `Content-Security-Policy: frame-ancestors` to HubSpot's origins (and the sandbox in
 *   sandbox mode) at request time, so the sandbox's address need not be known at build time;
 * - refuses a missing, forged or expired embed token with a 401 page before any page code runs.
 *   Embedded pages authenticate with that token, never with (third-party) cookies.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { env } from './lib/env';
import { embedContentSecurityPolicy } from './lib/hubspot/embed-csp';
import { verifyEmbedToken } from './lib/hubspot/embed-token';
import { htmlPage } from './lib/hubspot/html-page';

export function proxy(request: NextRequest) {
  const config = env();
  const headers = {
    'Content-Security-Policy': embedContentSecurityPolicy({
      isSandbox: config.isSandbox,
      sandboxOrigins: [config.sandbox.url, config.hubspot.appBase, config.hubspot.apiBase],
    }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
  const verdict = verifyEmbedToken(config.authSecret, request.nextUrl.searchParams.get('token'), Date.now());
  if (!verdict.ok) {
    const message =
      verdict.reason === 'expired'
        ? 'This Waymark link has expired. Close this window and open it again from the HubSpot record.'
        : 'This Waymark link is not valid. Open Waymark from the card on a HubSpot record.';
    return htmlPage(401, 'Not authorised', message, { headers });
  }
  const response = NextResponse.next();
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: ['/embed/:path*'] };
