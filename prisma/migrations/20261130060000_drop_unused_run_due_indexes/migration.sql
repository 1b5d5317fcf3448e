-- No query reads these: the sweeper's two scans use runs_unswept_due_at_idx and
-- runs_swept_due_at_idx, which between them cover runs_active_due_at_idx exactly. Every advance
-- that moves a run's due time (nearly all of them) paid for updating both.
DROP INDEX IF EXISTS "runs_active_due_at_idx";
DROP INDEX IF EXISTS "runs_status_due_at_idx";
