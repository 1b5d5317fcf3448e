/**
 * Where the card reaches Waymark. HubSpot only lets `hubspot.fetch` call URLs listed in
 * `permittedUrls.fetch` of app-hsmeta.json (HTTPS, never localhost), so the production origin is a
 * constant here and in that file. Local runs map this origin to the local app the way
 * `hs project dev` does with a proxy entry: the sandbox's card host rewrites it to the app URL.
 */
export const APP_URL = 'https://app.waymark.example';

/** Path of the card backend on the app (signed with the v3 HubSpot signature). */
export const CARD_PATH = '/api/hubspot/card';

/** Size of the iframe modals the card opens (HubSpot's legacy IFRAME action used 890 × 748). */
export const MODAL_SIZE = { width: 1000, height: 760 } as const;
