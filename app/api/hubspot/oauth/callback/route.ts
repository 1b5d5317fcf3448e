// GET /api/hubspot/oauth/callback: HubSpot's redirect after consent; check state, exchange the code (v3), store the installation; the installing user becomes the first Waymark admin.
import { callbackDeps } from '@/lib/runtime/http/hubspot-deps';
import { handleCallback } from '@/lib/runtime/install/handle-callback';
import { route } from '@/lib/http/route';
import { grantInstallerAdmin } from '@/lib/runtime/roles/grant-installer-admin';

export const dynamic = 'force-dynamic';

export const GET = route((request) => {
  const deps = callbackDeps();
  return handleCallback({ ...deps, onInstalled: (installed) => grantInstallerAdmin(deps.db, installed, deps.now()) }, request);
});
