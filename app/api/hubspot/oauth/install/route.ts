// GET /api/hubspot/oauth/install: start an install (single-use state + browser cookie) and redirect to HubSpot's consent page.
import { installDeps } from '@/lib/runtime/http/hubspot-deps';
import { handleInstall } from '@/lib/runtime/install/handle-install';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(() => handleInstall(installDeps()));
