// GET /api/hubspot/card: the app card's data (via hubspot.fetch, v3-signed): runs, last decision, lanes, warnings, iframe links.
import { cardDeps } from '@/lib/runtime/http/hubspot-deps';
import { handleCardRequest } from '@/lib/runtime/card/handle-card-request';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route((request) => handleCardRequest(cardDeps(), request));
