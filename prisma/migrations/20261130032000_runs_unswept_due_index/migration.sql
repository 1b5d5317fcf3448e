-- The sweeper's hot scan: active due runs not yet handed to the queue. Without it, every sweep of
-- a large burst walks past the runs already enqueued.
CREATE INDEX "runs_unswept_due_at_idx" ON "runs"("due_at") WHERE "status" = 'active' AND "due_at" IS NOT NULL AND "wake_enqueued_at" IS NULL;
