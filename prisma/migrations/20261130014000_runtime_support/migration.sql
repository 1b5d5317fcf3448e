-- Runtime support: wake-up sweeping, per-record signals kept for waits that begin later, and
-- worker heartbeats for crash recovery.

-- When the sweeper last enqueued a wake-up for the run's current due time (re-enqueued if the
-- job is lost), and the id of the last record signal the run has consumed.
ALTER TABLE "runs" ADD COLUMN "wake_enqueued_at" TIMESTAMPTZ(3);
ALTER TABLE "runs" ADD COLUMN "signal_cursor" BIGINT NOT NULL DEFAULT 0;

-- The sweeper's scan: active runs by due time.
CREATE INDEX "runs_active_due_at_idx" ON "runs"("due_at") WHERE "status" = 'active' AND "due_at" IS NOT NULL;

-- Per-record signals derived from webhook events (replied, meeting_booked, property_changed …).
-- Kept so a waitFor that begins after the signal arrived still sees it.
CREATE TABLE "record_signals" (
    "id" BIGSERIAL NOT NULL,
    "portal_id" BIGINT NOT NULL,
    "object_type" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "property" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "dedupe_key" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "record_signals_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "record_signals_dedupe_key_key" ON "record_signals"("dedupe_key");
CREATE INDEX "record_signals_portal_id_object_type_record_id_id_idx" ON "record_signals"("portal_id", "object_type", "record_id", "id");

-- One row per live worker process: the queue worker ids it runs and when it last said so.
-- A row that stops being refreshed belongs to a dead process; its locked jobs are unlocked.
CREATE TABLE "worker_heartbeats" (
    "id" TEXT NOT NULL,
    "worker_ids" TEXT[],
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "worker_heartbeats_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "worker_heartbeats_last_seen_at_idx" ON "worker_heartbeats"("last_seen_at");
