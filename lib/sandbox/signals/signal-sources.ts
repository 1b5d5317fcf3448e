/**
 * Demo signals: what HubSpot changes when a contact replies, books a meeting, does not show up,
 * or hard-bounces. The sandbox changes exactly these properties and objects, so Waymark's
 * signal derivation (lib/engine/named-events.ts) sees what it would see from a real portal.
 *
 * Sources (searched 2026-11-30 with the project's `search` tool):
 * - developers.hubspot.com, meetings engagement API guide (/docs/api-reference/crm-meetings-v3/guide):
 *   meeting properties (`hs_timestamp` required, `hs_meeting_start_time`/`_end_time`, …) and
 *   "the outcome values are scheduled, completed, rescheduled, no show, and canceled"
 *   (`hs_meeting_outcome`: SCHEDULED, COMPLETED, RESCHEDULED, NO_SHOW, CANCELED).
 * - a real portal's exported contact property list (github.com/hairsolutionsco/automations_hub,
 *   hubspot/objects/contacts/properties.md): datetime properties "Date of last meeting booked in
 *   meetings tool", "Latest meeting activity", "Recent Sales Email Replied Date", "Last marketing
 *   email reply date"; number "Marketing emails bounced"; "Email hard bounce reason" as both an
 *   enumeration and a string; "Campaign of last booking in meetings tool". It lists labels only;
 *   the internal names below are HubSpot's default-property names for those labels (the same
 *   ones lib/engine/named-events.ts reads).
 * - no stored source states the exact `changeSource` HubSpot reports for these writes.
 *
 * What each signal changes:
 * - reply (sales email reply tracked by HubSpot): an incoming email engagement
 *   (`hs_email_direction: INCOMING_EMAIL`) associated with the contact (type 198/197), and on the
 *   contact `hs_sales_email_last_replied` ("Recent Sales Email Replied Date"),
 *   `hs_last_sales_activity_timestamp`, `notes_last_updated`. A reply to a marketing email sets
 *   `hs_email_last_reply_date` ("Last marketing email reply date") instead.
 * - meeting booked (meetings tool): a meeting object (`hs_meeting_title`, `hs_meeting_start_time`,
 *   `hs_meeting_end_time`, `hs_timestamp`, `hs_meeting_outcome: SCHEDULED`,
 *   `hs_meeting_source: MEETINGS_PUBLIC`, owner) associated with the contact (200/199), and on the
 *   contact `engagements_last_meeting_booked` ("Date of last meeting booked in meetings tool") plus
 *   its `_source`/`_medium`/`_campaign`, `hs_latest_meeting_activity`, `notes_next_activity_date`.
 * - no-show: the meeting's `hs_meeting_outcome` becomes `NO_SHOW` (a HubSpot-defined outcome).
 *   HubSpot sets no contact property for it; portals copy it into a custom property with a
 *   workflow. The demo portal has that custom property, `last_meeting_outcome`, which drives the
 *   example contract's no-show trigger, so the sandbox sets it too (as that workflow would).
 * - hard bounce: `hs_email_hard_bounce_reason_enum` ("Email hard bounce reason", e.g.
 *   UNKNOWN_USER), `hs_email_hard_bounce_reason` (the SMTP text), and `hs_email_bounce`
 *   ("Marketing emails bounced") incremented; further sends to the address fail with
 *   `PREVIOUSLY_BOUNCED` (a HubSpot `sendResult`).
 * `changeSource` values on these writes are not documented; the sandbox uses SALES, MEETINGS and
 * EMAIL (UNVERIFIED).
 */
export {};
