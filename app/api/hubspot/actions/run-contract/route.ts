// POST /api/hubspot/actions/run-contract (HubSpot custom workflow action, signed). Run a Waymark contract and wait: enrols through the normal entry path and answers BLOCK; a job completes the callback on the run's exit.
import { route } from '@/lib/http/route';
import { actionEndpointDeps } from '@/lib/runtime/workflow-actions/endpoint-deps';
import { handleActionRequest } from '@/lib/runtime/workflow-actions/handle-action-request';
import { runContractAndWait } from '@/lib/runtime/workflow-actions/run-contract-and-wait';

export const dynamic = 'force-dynamic';

export const POST = route((request) => handleActionRequest(actionEndpointDeps(), request, runContractAndWait));
