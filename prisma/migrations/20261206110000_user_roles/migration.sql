-- Waymark roles per (portal, HubSpot user): reading is open to any user who opens the card;
-- publishing, pausing, retiring, manual starts, exits and retries need editor; granting roles
-- needs admin. The installing user becomes the first admin (lib/runtime/roles/grant-installer-admin.ts).
CREATE TYPE "WaymarkRole" AS ENUM ('viewer', 'editor', 'admin');

CREATE TABLE "user_roles" (
    "portal_id" BIGINT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "WaymarkRole" NOT NULL,
    "granted_by" TEXT NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "user_roles_pkey" PRIMARY KEY ("portal_id","user_id")
);
