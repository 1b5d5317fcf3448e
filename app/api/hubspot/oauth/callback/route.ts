// GET /api/hubspot/oauth/callback: HubSpot's redirect after consent; check state, exchange the code (v3), store the installation.
import { callbackDeps } from '@/lib/hubspot/app-deps';
import { handleCallback } from '@/lib/hubspot/oauth/handle-callback';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route((request) => handleCallback(callbackDeps(), request));
