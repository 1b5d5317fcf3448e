-- Custom workflow actions (issue #13): one row per action execution HubSpot asked for, keyed by
-- HubSpot's callbackId per portal so a retried request is answered from the row instead of
-- acting again; and the exit states native workflows declare for a record.
CREATE TABLE "workflow_action_executions" (
    "id" UUID NOT NULL,
    "portal_id" BIGINT NOT NULL,
    "callback_id" TEXT NOT NULL,
    -- 'check-entry' | 'run-contract' | 'declare-exit'
    "action" TEXT NOT NULL,
    "flow_id" TEXT,
    "object_type" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    -- The request body as HubSpot sent it (after validation), for the record panel and support.
    "request" JSONB NOT NULL,
    -- 'answered' (synchronous answer given), 'blocked' (waiting for the run's exit),
    -- 'completing' (callback completion queued), 'completed' (HubSpot accepted the completion).
    "state" TEXT NOT NULL,
    "contract_key" TEXT,
    "run_id" UUID,
    -- What the action answered synchronously, or the outputs the callback completes with.
    "outputs" JSONB,
    -- The run's exit outcome, or 'not-entered' / 'allowed' / 'refused' / 'recorded'.
    "outcome" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    CONSTRAINT "workflow_action_executions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "workflow_action_executions_state" CHECK ("state" IN ('answered', 'blocked', 'completing', 'completed')),
    CONSTRAINT "workflow_action_executions_action" CHECK ("action" IN ('check-entry', 'run-contract', 'declare-exit'))
);
-- HubSpot's callbackId identifies one execution of one action for one enrolled record.
CREATE UNIQUE INDEX "workflow_action_executions_portal_id_callback_id_key" ON "workflow_action_executions"("portal_id", "callback_id");
-- An exiting run finds the blocked execution waiting for it.
CREATE INDEX "workflow_action_executions_run_id_idx" ON "workflow_action_executions"("run_id");
-- The record panel lists a record's native-workflow activity.
CREATE INDEX "workflow_action_executions_portal_id_object_type_record_id_idx" ON "workflow_action_executions"("portal_id", "object_type", "record_id");

CREATE TABLE "native_workflow_exits" (
    "id" UUID NOT NULL,
    "portal_id" BIGINT NOT NULL,
    "object_type" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "flow_id" TEXT,
    "workflow_exit" TEXT NOT NULL,
    -- The lane this declaration released, when it asked for one and could release it.
    "lane_released" TEXT,
    "callback_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "native_workflow_exits_pkey" PRIMARY KEY ("id")
);
-- A retried "Declare exit state" request records one exit.
CREATE UNIQUE INDEX "native_workflow_exits_portal_id_callback_id_key" ON "native_workflow_exits"("portal_id", "callback_id");
CREATE INDEX "native_workflow_exits_portal_id_object_type_record_id_idx" ON "native_workflow_exits"("portal_id", "object_type", "record_id");
-- The audit asks which flows declare exit states.
CREATE INDEX "native_workflow_exits_portal_id_flow_id_idx" ON "native_workflow_exits"("portal_id", "flow_id");
