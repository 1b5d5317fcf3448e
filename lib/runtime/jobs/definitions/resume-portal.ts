import { z } from 'zod';
import { defineJob } from '../../../queue/job-definition';

/**
 * Pick up a portal's halted work after it (re)installs Waymark: external writes that were not
 * performed while the portal had no active installation. Enqueued by the OAuth callback.
 */
export const resumePortalJob = defineJob('resume-portal', z.object({ portalId: z.string().regex(/^\d+$/) }));

export const resumePortalKey = (portalId: bigint | string) => `resume-portal:${portalId}`;
