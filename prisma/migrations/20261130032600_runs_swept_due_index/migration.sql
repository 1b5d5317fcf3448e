-- The sweeper's occasional lost-wake-up scan: active due runs already handed to the queue (at
-- most about a thousand at a time), so the scan never walks a whole burst.
CREATE INDEX "runs_swept_due_at_idx" ON "runs"("due_at") WHERE "status" = 'active' AND "due_at" IS NOT NULL AND "wake_enqueued_at" IS NOT NULL;
