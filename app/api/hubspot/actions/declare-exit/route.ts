// POST /api/hubspot/actions/declare-exit (HubSpot custom workflow action, signed). Declare exit state: records the native workflow's exit for the record, optionally releasing a lane it took.
import { route } from '@/lib/http/route';
import { actionEndpointDeps } from '@/lib/runtime/workflow-actions/endpoint-deps';
import { handleActionRequest } from '@/lib/runtime/workflow-actions/handle-action-request';
import { declareNativeExit } from '@/lib/runtime/workflow-actions/declare-native-exit';

export const dynamic = 'force-dynamic';

export const POST = route((request) => handleActionRequest(actionEndpointDeps(), request, declareNativeExit));
