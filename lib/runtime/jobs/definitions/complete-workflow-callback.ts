import { z } from 'zod';
import { defineJob } from '../../../queue/job-definition';

/** Complete one blocked native-workflow action execution through the CRM port (its callbackId). */
export const completeWorkflowCallbackJob = defineJob('complete-workflow-callback', z.object({ executionId: z.uuid() }));

export const completeWorkflowCallbackKey = (executionId: string) => `wf-callback:${executionId}`;
