-- When the runtime observed each signal, on the runtime clock (the clock run times use; in the
-- sandbox it may be fast-forwarded past HubSpot's wall-clock occurred_at). "Since the step
-- began" lookbacks compare this; occurred_at keeps ordering property versions. Existing rows
-- take occurred_at.
ALTER TABLE "record_signals" ADD COLUMN "observed_at" TIMESTAMPTZ(3);
UPDATE "record_signals" SET "observed_at" = "occurred_at";
ALTER TABLE "record_signals" ALTER COLUMN "observed_at" SET NOT NULL;
