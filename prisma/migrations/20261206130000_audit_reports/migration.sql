-- Portal audits (issue #11): one row per audit of a portal, with its live progress while it runs
-- and the finished report (findings, score, the diff against the portal's previous audit), and the
-- findings a person chose to suppress, with the reason and who set it.
CREATE TYPE "AuditStatus" AS ENUM ('queued', 'running', 'done', 'failed');

CREATE TABLE "audit_reports" (
    "id" UUID NOT NULL,
    "portal_id" BIGINT NOT NULL,
    -- What asked for it: 'on-demand:<uuid>' or 'daily:<yyyy-mm-dd>'; unique per portal, so the
    -- daily fan-out run twice (or a start request retried) makes one audit.
    "run_key" TEXT NOT NULL,
    "requested_by" TEXT,
    "status" "AuditStatus" NOT NULL DEFAULT 'queued',
    "rule_set_version" TEXT,
    "score" INTEGER,
    "workflows_total" INTEGER NOT NULL DEFAULT 0,
    "workflows_read" INTEGER NOT NULL DEFAULT 0,
    "workflows_checked" INTEGER NOT NULL DEFAULT 0,
    "findings" JSONB NOT NULL DEFAULT '[]',
    "report" JSONB,
    "diff" JSONB,
    "previous_id" UUID,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "audited_at" TIMESTAMPTZ(3),
    CONSTRAINT "audit_reports_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "audit_reports_portal_id_run_key_key" ON "audit_reports"("portal_id", "run_key");
-- The page shows the latest audits of a portal; the diff reads the previous finished one.
CREATE INDEX "audit_reports_portal_id_created_at_idx" ON "audit_reports"("portal_id", "created_at");
-- At most one audit of a portal is open at a time: a second "Run audit" joins the open one.
CREATE UNIQUE INDEX "audit_reports_one_open_per_portal" ON "audit_reports"("portal_id") WHERE "status" IN ('queued', 'running');

CREATE TABLE "audit_suppressions" (
    "id" UUID NOT NULL,
    "portal_id" BIGINT NOT NULL,
    "rule" TEXT NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_suppressions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "audit_suppressions_portal_id_rule_subject_kind_subject_id_key" ON "audit_suppressions"("portal_id", "rule", "subject_kind", "subject_id");
