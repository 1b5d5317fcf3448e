// POST /api/hubspot/actions/check-entry (HubSpot custom workflow action, signed). Check Waymark entry: answered at once from the state store (allowed, reason, activeContract, laneHolder).
import { route } from '@/lib/http/route';
import { actionEndpointDeps } from '@/lib/runtime/workflow-actions/endpoint-deps';
import { handleActionRequest } from '@/lib/runtime/workflow-actions/handle-action-request';
import { checkWaymarkEntry } from '@/lib/runtime/workflow-actions/check-waymark-entry';

export const dynamic = 'force-dynamic';

export const POST = route((request) => handleActionRequest(actionEndpointDeps(), request, checkWaymarkEntry));
