-- Waymark state store, first schema. Written in the shape `prisma migrate dev` produces, plus the
-- invariants Prisma's schema language cannot express (partial unique indexes, checks, triggers).

CREATE TYPE "InstallationStatus" AS ENUM ('active', 'uninstalled');
CREATE TYPE "ContractStatus" AS ENUM ('draft', 'live', 'paused', 'retired');
CREATE TYPE "RunStatus" AS ENUM ('active', 'exited');
CREATE TYPE "ActionStatus" AS ENUM ('pending', 'running', 'succeeded', 'failed');

CREATE TABLE "installations" (
    "id" UUID NOT NULL,
    "portal_id" BIGINT NOT NULL,
    "hub_domain" TEXT,
    "scopes" TEXT[],
    "access_token_cipher" TEXT NOT NULL,
    "refresh_token_cipher" TEXT NOT NULL,
    "access_token_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "InstallationStatus" NOT NULL DEFAULT 'active',
    "installed_by_user_id" BIGINT,
    "installed_by_email" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalled_at" TIMESTAMPTZ(3),
    CONSTRAINT "installations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "installations_portal_id_key" ON "installations"("portal_id");

CREATE TABLE "oauth_states" (
    "state" TEXT NOT NULL,
    "browser_binding" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "oauth_states_pkey" PRIMARY KEY ("state")
);

CREATE TABLE "contracts" (
    "id" UUID NOT NULL,
    "portal_id" BIGINT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "status" "ContractStatus" NOT NULL DEFAULT 'draft',
    "draft" JSONB NOT NULL,
    "live_version_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "contracts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "contracts_portal_id_key_key" ON "contracts"("portal_id", "key");

CREATE TABLE "contract_versions" (
    "id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "portal_id" BIGINT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "version_policy" TEXT NOT NULL DEFAULT 'drain',
    "published_by" TEXT,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "contract_versions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "contract_versions_contract_id_version_key" ON "contract_versions"("contract_id", "version");

CREATE TABLE "webhook_events" (
    "id" BIGSERIAL NOT NULL,
    "portal_id" BIGINT NOT NULL,
    "event_id" BIGINT NOT NULL,
    "subscription_type" TEXT NOT NULL,
    "object_id" BIGINT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "attempt_number" INTEGER NOT NULL DEFAULT 0,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "webhook_events_portal_id_event_id_key" ON "webhook_events"("portal_id", "event_id");
CREATE INDEX "webhook_events_portal_id_processed_at_idx" ON "webhook_events"("portal_id", "processed_at");

CREATE TABLE "record_states" (
    "portal_id" BIGINT NOT NULL,
    "object_type" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "versions" JSONB NOT NULL DEFAULT '{}',
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "merged_into" TEXT,
    "refreshed_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "record_states_pkey" PRIMARY KEY ("portal_id", "object_type", "record_id")
);

CREATE TABLE "runs" (
    "id" UUID NOT NULL,
    "portal_id" BIGINT NOT NULL,
    "contract_id" UUID NOT NULL,
    "contract_version_id" UUID NOT NULL,
    "contract_key" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'active',
    "current_step_id" TEXT,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "due_at" TIMESTAMPTZ(3),
    "state" JSONB NOT NULL DEFAULT '{}',
    "exit_id" TEXT,
    "exit_outcome" TEXT,
    "exit_reason" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "exited_at" TIMESTAMPTZ(3),
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "runs_portal_id_object_type_record_id_idx" ON "runs"("portal_id", "object_type", "record_id");
CREATE INDEX "runs_status_due_at_idx" ON "runs"("status", "due_at");

CREATE TABLE "decision_log" (
    "id" BIGSERIAL NOT NULL,
    "portal_id" BIGINT NOT NULL,
    "run_id" UUID,
    "contract_key" TEXT,
    "object_type" TEXT,
    "record_id" TEXT,
    "kind" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "inputs" JSONB NOT NULL DEFAULT '{}',
    "actor" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "decision_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "decision_log_portal_id_object_type_record_id_at_idx" ON "decision_log"("portal_id", "object_type", "record_id", "at");
CREATE INDEX "decision_log_run_id_idx" ON "decision_log"("run_id");

CREATE TABLE "lane_holdings" (
    "id" BIGSERIAL NOT NULL,
    "portal_id" BIGINT NOT NULL,
    "lane" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "run_id" UUID NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "acquired_at" TIMESTAMPTZ(3) NOT NULL,
    "released_at" TIMESTAMPTZ(3),
    CONSTRAINT "lane_holdings_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "lane_holdings_run_id_idx" ON "lane_holdings"("run_id");

CREATE TABLE "action_attempts" (
    "id" BIGSERIAL NOT NULL,
    "portal_id" BIGINT NOT NULL,
    "run_id" UUID NOT NULL,
    "step_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "request" JSONB NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    CONSTRAINT "action_attempts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "action_attempts_idempotency_key_key" ON "action_attempts"("idempotency_key");
CREATE INDEX "action_attempts_run_id_idx" ON "action_attempts"("run_id");

CREATE TABLE "api_budget" (
    "portal_id" BIGINT NOT NULL,
    "bucket" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "api_budget_pkey" PRIMARY KEY ("portal_id", "bucket", "window_start")
);

CREATE TABLE "clock_offset" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "offset_ms" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "clock_offset_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "runs" ADD CONSTRAINT "runs_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "runs" ADD CONSTRAINT "runs_contract_version_id_fkey" FOREIGN KEY ("contract_version_id") REFERENCES "contract_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "lane_holdings" ADD CONSTRAINT "lane_holdings_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "action_attempts" ADD CONSTRAINT "action_attempts_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Invariants beyond Prisma's schema language. Each has a race test and a catalog test in
-- tests/integration/invariants.test.ts.

-- At most one active run per (portal, contract, record).
CREATE UNIQUE INDEX "runs_one_active_per_record" ON "runs"("portal_id", "contract_id", "object_type", "record_id") WHERE "status" = 'active';

-- At most one active holder per (portal, lane, record).
CREATE UNIQUE INDEX "lane_holdings_one_holder" ON "lane_holdings"("portal_id", "lane", "object_type", "record_id") WHERE "released_at" IS NULL;

-- Every run that ends records its exit; an active run has none.
ALTER TABLE "runs" ADD CONSTRAINT "runs_exit_recorded" CHECK (
    ("status" = 'active' AND "exit_id" IS NULL AND "exited_at" IS NULL)
    OR ("status" = 'exited' AND "exit_id" IS NOT NULL AND "exit_outcome" IS NOT NULL AND "exited_at" IS NOT NULL)
);

-- A succeeded action has a completion time.
ALTER TABLE "action_attempts" ADD CONSTRAINT "action_attempts_completed" CHECK (
    "status" <> 'succeeded' OR "completed_at" IS NOT NULL
);

-- The clock offset table has exactly one row.
ALTER TABLE "clock_offset" ADD CONSTRAINT "clock_offset_single_row" CHECK ("id" = 1);

-- Published contract versions and the decision log are append-only.
CREATE FUNCTION "waymark_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only (% rejected)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER "contract_versions_immutable" BEFORE UPDATE OR DELETE ON "contract_versions"
    FOR EACH ROW EXECUTE FUNCTION "waymark_reject_change"();
CREATE TRIGGER "decision_log_append_only" BEFORE UPDATE OR DELETE ON "decision_log"
    FOR EACH ROW EXECUTE FUNCTION "waymark_reject_change"();
