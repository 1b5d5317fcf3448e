// POST /api/hubspot/webhooks: HubSpot's signed webhook deliveries; verify v3 on the raw body, store once, enqueue one job, 2xx.
import { webhookDeps } from '@/lib/runtime/http/hubspot-deps';
import { handleWebhook } from '@/lib/runtime/ingress/handle-webhook';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route((request) => handleWebhook(webhookDeps(), request));
