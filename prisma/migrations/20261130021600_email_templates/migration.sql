-- Which HubSpot email a contract's `send_email` template name means, per portal. HubSpot's
-- transactional single-send API takes an email id; listing emails by name would need the extra
-- `content` scope, so the mapping is kept here (filled by settings, the CLI or the demo seed).
CREATE TABLE "email_templates" (
    "portal_id" BIGINT NOT NULL,
    "template" TEXT NOT NULL,
    "email_id" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_templates_pkey" PRIMARY KEY ("portal_id","template")
);
