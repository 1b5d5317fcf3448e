-- A signal is "routed" once its triggers were evaluated and it was offered to the record's
-- active runs; a batch job that died before that routes it again when it runs again.
ALTER TABLE "record_signals" ADD COLUMN "routed_at" TIMESTAMPTZ(3);
ALTER TABLE "record_signals" ADD COLUMN "source_row_ids" BIGINT[];
CREATE INDEX "record_signals_unrouted_idx" ON "record_signals"("portal_id", "id") WHERE "routed_at" IS NULL;
