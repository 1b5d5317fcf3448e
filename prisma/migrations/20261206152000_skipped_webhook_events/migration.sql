-- Webhook events HubSpot delivered (correctly signed) that cannot be stored or processed: an id
-- beyond int64, a time no date can hold, text PostgreSQL cannot store, a missing field. The rest
-- of their batch is stored and acknowledged; each of these is kept here with the reason, so it
-- can be inspected, instead of failing the whole delivery (issue 9).
CREATE TABLE "skipped_webhook_events" (
    "id" BIGSERIAL NOT NULL,
    -- The portal and event id when they were readable ids, else NULL.
    "portal_id" BIGINT,
    "event_id" BIGINT,
    -- The field that was refused (dotted path, e.g. 'propertyValue' or 'objectId'), and why.
    "field" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    -- The event as JSON text with every unsafe character escaped (JSON.stringify escapes NUL and
    -- lone surrogates), so it is storable whatever it held.
    "raw" TEXT NOT NULL,
    -- SHA-256 of `raw`: a retried or repeated delivery keeps one row per distinct event.
    "raw_sha256" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "skipped_webhook_events_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "skipped_webhook_events_raw_sha256_key" ON "skipped_webhook_events"("raw_sha256");
CREATE INDEX "skipped_webhook_events_portal_id_received_at_idx" ON "skipped_webhook_events"("portal_id", "received_at");
