import { z } from 'zod';
import { defineJob } from '../../queue/job-definition';
import { handle } from '../../queue/worker';

/** Does nothing: the queue-throughput baseline for benchmarks and a liveness probe for tests. */
export const noopJob = defineJob('noop', z.object({ tag: z.string().max(200).optional() }));

export const noopHandler = handle(noopJob, async () => {});
